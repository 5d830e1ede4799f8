#include "sync/fastpath/feedjson.h"

#include <charconv>
#include <cstring>

namespace creneau::fastpath {

namespace {

// Writes the escape of ASCII `c` at `p`; returns the end.
char *writeEscaped(char *p, uchar c)
{
    const char *two = nullptr;
    switch (c) {
    case '"':
        two = "\\\"";
        break;
    case '\\':
        two = "\\\\";
        break;
    case '\n':
        two = "\\n";
        break;
    case '\r':
        two = "\\r";
        break;
    case '\t':
        two = "\\t";
        break;
    default: {
        static const char hex[] = "0123456789abcdef";
        const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        std::memcpy(p, escaped, 6);
        return p + 6;
    }
    }
    p[0] = two[0];
    p[1] = two[1];
    return p + 2;
}

bool needsEscape(uchar c)
{
    return c < 0x20 || c == '"' || c == '\\';
}

} // namespace

void FeedJson::appendInteger(QByteArray &out, qint64 value)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, end - digits);
}

void FeedJson::appendString(QByteArray &out, QStringView text)
{
    // Written through a pointer into room reserved for the worst case (a six-byte escape per
    // UTF-16 unit): appending byte by byte to the QByteArray was most of a draft's cost.
    const char16_t *chars = text.utf16();
    const qsizetype size = text.size();
    const qsizetype start = out.size();
    out.resize(start + size * 6 + 2);
    char *p = out.data() + start;
    *p++ = '"';
    for (qsizetype i = 0; i < size; ++i) {
        const char32_t u = chars[i];
        if (u < 0x80) {
            if (needsEscape(uchar(u)))
                p = writeEscaped(p, uchar(u));
            else
                *p++ = char(u);
        } else if (u < 0x800) {
            *p++ = char(0xC0 | (u >> 6));
            *p++ = char(0x80 | (u & 0x3F));
        } else if (QChar::isHighSurrogate(u) && i + 1 < size &&
                   QChar::isLowSurrogate(chars[i + 1])) {
            const char32_t cp = QChar::surrogateToUcs4(char16_t(u), chars[++i]);
            *p++ = char(0xF0 | (cp >> 18));
            *p++ = char(0x80 | ((cp >> 12) & 0x3F));
            *p++ = char(0x80 | ((cp >> 6) & 0x3F));
            *p++ = char(0x80 | (cp & 0x3F));
        } else if (QChar::isSurrogate(u)) {
            // A lone half: its escape, as QJsonDocument::toJson writes it (UTF-8 has none).
            static const char hex[] = "0123456789abcdef";
            const char escaped[] = {
                '\\', 'u', hex[u >> 12], hex[(u >> 8) & 15], hex[(u >> 4) & 15], hex[u & 15]};
            std::memcpy(p, escaped, 6);
            p += 6;
        } else {
            *p++ = char(0xE0 | (u >> 12));
            *p++ = char(0x80 | ((u >> 6) & 0x3F));
            *p++ = char(0x80 | (u & 0x3F));
        }
    }
    *p++ = '"';
    out.resize(p - out.constData());
}

void FeedJson::appendValue(QByteArray &out, const QVariant &value)
{
    if (value.isNull())
        out += "null";
    else if (value.typeId() == QMetaType::QString)
        appendString(out, value.toString());
    else
        appendInteger(out, value.toLongLong());
}

QByteArray FeedJson::key(QStringView name)
{
    QByteArray out;
    appendString(out, name);
    out += ':';
    return out;
}

void FeedJson::beginChange(QByteArray &out, QByteArrayView entity, qint64 id, qint64 seq,
                           bool deleted)
{
    out += "{\"entity\":\"";
    out += entity; // one of the feed's own names: plain ASCII
    out += "\",\"id\":";
    appendInteger(out, id);
    out += ",\"seq\":";
    appendInteger(out, seq);
    out += deleted ? ",\"deleted\":true,\"data\":{" : ",\"deleted\":false,\"data\":{";
}

void FeedJson::appendIdList(QByteArray &out, const QByteArray &key, const QList<qint64> &ids)
{
    out += key;
    out += '[';
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i)
            out += ',';
        appendInteger(out, ids.at(i));
    }
    out += "],";
}

void FeedJson::endChange(QByteArray &out)
{
    if (out.endsWith(','))
        out.chop(1); // after the last member
    out += "}}";
}

} // namespace creneau::fastpath
