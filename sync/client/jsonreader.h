// A pull reader over JSON text held in memory: walks objects and arrays in place, without
// building a document, so that a page of the change feed (megabytes) can be written to the cache
// as it is read. Strings without escapes are returned as views into the text itself.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <stdexcept>
#include <vector>

namespace creneau::client {

// The text is not the JSON it should be.
class JsonFormatError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

class JsonReader
{
public:
    enum class Type
    {
        Object,
        Array,
        String,
        Number,
        Bool,
        Null
    };

    JsonReader(const char *begin, const char *end) : m_at(begin), m_begin(begin), m_end(end) {}
    explicit JsonReader(QByteArrayView text) : JsonReader(text.begin(), text.end()) {}

    // The type of the next value (throws at the end of the text or on a stray character).
    Type peek();
    // Objects: beginObject(), then nextKey() until it returns false (it consumes the '}').
    void beginObject();
    bool nextKey(QByteArray &scratch, QByteArrayView *key);
    // Arrays: beginArray(), then nextElement() before each value until it returns false.
    void beginArray();
    bool nextElement();

    // A string's text, UTF-8: a view into the JSON text when it holds no escape, else into
    // `scratch`, where the unescaped text is appended (views into scratch die when it grows).
    QByteArrayView readString(QByteArray &scratch);
    // A number: `isInteger` when written without fraction nor exponent and within 64 bits.
    double readNumber(bool *isInteger, qint64 *integer);
    bool readBool();
    void readNull();
    // Skips the next value, checking strings and containers only for their quotes and brackets.
    void skipValue();

    // Where the reader is, as an offset into the text (to come back to a value later).
    qsizetype offset() const { return m_at - m_begin; }
    // After the last value: only white space may follow.
    void expectEnd();

private:
    [[noreturn]] void fail(const char *what) const;
    void skipSpace();
    char next(); // the next non-space character, consumed
    bool enterItem(char close);
    const char *m_at;
    const char *m_begin;
    const char *m_end;
    std::vector<bool> m_first; // per open container: no item read yet
};

} // namespace creneau::client
