// The sync client's pull reader (sync/fastpath/jsonreader) against QJsonDocument: on every text Qt
// accepts, the reader accepts it too and reads the same values, and skipping a value lands where
// reading it does. On any text: no crash, no read outside the text.
#include "fuzzcheck.h"
#include "sync/fastpath/jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <cstring>

using creneau::fastpath::JsonFormatError;
using creneau::fastpath::JsonReader;

namespace {

struct TooDeep
{
};

// A lone surrogate escape: the reader writes U+FFFD (valid UTF-8), Qt keeps the half.
QString withoutLoneSurrogates(QString s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
            ++i;
        else if (s.at(i).isSurrogate())
            s[i] = QChar(0xFFFD);
    }
    return s;
}

QJsonValue readValue(JsonReader &r, QByteArray &scratch, int depth)
{
    if (depth > 200)
        throw TooDeep{};
    switch (r.peek()) {
    case JsonReader::Type::Object: {
        r.beginObject();
        QJsonObject o;
        QByteArrayView key;
        while (r.nextKey(scratch, &key)) {
            // Views into scratch die when it grows: copy the key before reading the value.
            const QString name = QString::fromUtf8(key);
            o.insert(name, readValue(r, scratch, depth + 1));
        }
        return o;
    }
    case JsonReader::Type::Array: {
        r.beginArray();
        QJsonArray a;
        while (r.nextElement())
            a.append(readValue(r, scratch, depth + 1));
        return a;
    }
    case JsonReader::Type::String: {
        const QByteArrayView text = r.readString(scratch);
        return QString::fromUtf8(text);
    }
    case JsonReader::Type::Number: {
        bool isInteger = false;
        qint64 integer = 0;
        const double d = r.readNumber(&isInteger, &integer);
        if (isInteger) {
            FUZZ_CHECK(double(integer) == d, QString::number(d), QString::number(integer));
            return QJsonValue(integer);
        }
        return QJsonValue(d);
    }
    case JsonReader::Type::Bool:
        return r.readBool();
    case JsonReader::Type::Null:
        r.readNull();
        return QJsonValue(QJsonValue::Null);
    }
    return {};
}

bool sameValue(const QJsonValue &mine, const QJsonValue &qt)
{
    // An integer Qt holds exactly, the reader holds exactly too: as an integer, or as a double of
    // that very value (Qt also turns integral doubles such as 1e3 into integers).
    if (qt.toVariant().typeId() == QMetaType::LongLong) {
        if (mine.toVariant().typeId() == QMetaType::LongLong)
            return mine.toInteger() == qt.toInteger();
        const double d = mine.toDouble();
        return mine.isDouble() && d >= -9223372036854775808.0 && d < 9223372036854775808.0 &&
               qint64(d) == qt.toInteger();
    }
    if (qt.isDouble() && mine.isDouble()) {
        const double a = mine.toDouble(), b = qt.toDouble();
        return a == b || (std::isnan(a) && std::isnan(b));
    }
    if (qt.isString() && mine.isString())
        return mine.toString() == withoutLoneSurrogates(qt.toString());
    if (qt.isObject() && mine.isObject()) {
        const QJsonObject a = mine.toObject(), b = qt.toObject();
        if (a.keys() != b.keys()) {
            // Keys with lone surrogates are compared after the same replacement.
            QStringList bk;
            for (const QString &k : b.keys())
                bk << withoutLoneSurrogates(k);
            bk.sort();
            if (a.keys() != bk)
                return false;
            return true;
        }
        for (auto it = b.begin(); it != b.end(); ++it)
            if (!sameValue(a.value(it.key()), it.value()))
                return false;
        return true;
    }
    if (qt.isArray() && mine.isArray()) {
        const QJsonArray a = mine.toArray(), b = qt.toArray();
        if (a.size() != b.size())
            return false;
        for (qsizetype i = 0; i < a.size(); ++i)
            if (!sameValue(a.at(i), b.at(i)))
                return false;
        return true;
    }
    return mine == qt;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Exactly the bytes given, with nothing after them: ASan sees any read past the end.
    char *copy = new char[size ? size : 1];
    if (size)
        std::memcpy(copy, data, size);
    const char *begin = copy;
    const char *end = copy + size;

    QJsonValue mine;
    bool readOk = false;
    bool tooDeep = false;
    qsizetype readEnd = -1;
    try {
        JsonReader r(begin, end);
        QByteArray scratch;
        mine = readValue(r, scratch, 0);
        readEnd = r.offset();
        r.expectEnd();
        readOk = true;
    } catch (const JsonFormatError &) {
    } catch (const TooDeep &) {
        tooDeep = true;
    }

    // Skipping the value must stop where reading it stopped.
    if (readEnd >= 0) {
        try {
            JsonReader skipper(begin, end);
            skipper.skipValue();
            FUZZ_CHECK(skipper.offset() == readEnd, QByteArray(begin, qsizetype(size)));
        } catch (const JsonFormatError &) {
            FUZZ_CHECK(false && "skipValue refused a value readValue accepted",
                       QByteArray(begin, qsizetype(size)));
        }
    } else {
        // On any text, skipping stays within it.
        try {
            JsonReader skipper(begin, end);
            skipper.skipValue();
            FUZZ_CHECK(skipper.offset() <= qsizetype(size), QByteArray(begin, qsizetype(size)));
        } catch (const JsonFormatError &) {
        }
    }

    QJsonParseError error;
    const QByteArray text(begin, qsizetype(size));
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    // Qt lets raw control characters (tabs and line ends included) and unknown escapes ("\%")
    // through in strings; RFC 8259 and the reader do not. Only texts without them are compared.
    // Qt also skips a leading UTF-8 byte-order mark; the reader does not.
    bool lenient = text.startsWith("\xEF\xBB\xBF");
    bool inString = false;
    for (qsizetype i = 0; i < text.size() && !lenient; ++i) {
        const char c = text.at(i);
        if (inString && uchar(c) < 0x20)
            lenient = true;
        else if (inString && c == '\\' && i + 1 < text.size())
            lenient = !QByteArray("\"\\/bfnrtu").contains(text.at(++i));
        else if (c == '"')
            inString = !inString;
        else if (!inString && (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'))) {
            // Qt also reads numbers such as "1." or "01": compare only RFC 8259 ones.
            qsizetype end = i;
            while (end < text.size() && QByteArray("+-.eE0123456789").contains(text.at(end)))
                ++end;
            static const QRegularExpression number(
                QStringLiteral("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$"));
            lenient = !number.match(QString::fromLatin1(text.mid(i, end - i))).hasMatch();
            i = end - 1;
        }
    }
    // What Qt refuses, the reader refuses (the fast path must not accept a page the plain path
    // refuses); documents only, as pages are (Qt also refuses a lone scalar).
    qsizetype first = 0;
    while (first < text.size() && QByteArrayView(" \t\r\n").contains(text.at(first)))
        ++first;
    const bool document = first < text.size() && (text.at(first) == '{' || text.at(first) == '[');
    if (error.error != QJsonParseError::NoError && document && !tooDeep)
        FUZZ_CHECK(!readOk, "the reader read JSON that QJsonDocument refuses", text);
    if (error.error == QJsonParseError::NoError && !tooDeep && !lenient) {
        FUZZ_CHECK(readOk, "the reader refused JSON that QJsonDocument accepts", text);
        const QJsonValue qt = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        FUZZ_CHECK(sameValue(mine, qt), "different values", text,
                   QJsonDocument(QJsonArray{mine}).toJson(QJsonDocument::Compact),
                   QJsonDocument(QJsonArray{qt}).toJson(QJsonDocument::Compact));
    }
    delete[] copy;
    return 0;
}
