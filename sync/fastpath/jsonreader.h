// A pull reader over JSON text held in memory: walks objects and arrays in place, without
// building a document, so that a page of the change feed (megabytes) can be written to the cache
// as it is read. Strings without escapes are returned as views into the text itself.
//
// A fast path (see sync/fastpath/CMakeLists.txt): it exists because bench_feed_paths shows
// QJsonDocument::fromJson 3-4x slower on the initial pull's pages. It must match QJsonDocument:
// every text it accepts, QJsonDocument accepts with the same values (nesting limit included);
// it may refuse more (RFC 8259's strict numbers, escapes and control characters, where Qt is
// lenient), and writes U+FFFD for a lone surrogate escape (Qt 6.4 decodes one wrongly).
// tst_jsonreader and fuzz_jsonreader hold it to that.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <stdexcept>
#include <vector>

namespace creneau::fastpath {

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
    // Skips the next value, checked as reading it would be (a page with a malformed value
    // nobody reads is refused, as QJsonDocument refuses it).
    void skipValue();
    // Skips the next value by its quotes and brackets alone, unchecked: only for text that is
    // read in full afterwards anyway (SyncCache::summarise, before the page is applied).
    void skimValue();
    // QJsonDocument's nesting limit: deeper containers are refused, as Qt refuses them.
    static constexpr int kMaxDepth = 1024;

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

} // namespace creneau::fastpath
