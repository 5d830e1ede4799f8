#include "sync/fastpath/feedjson.h"

#include <charconv>

namespace creneau::fastpath {

namespace {

void appendEscaped(QByteArray &out, uchar c)
{
    switch (c) {
    case '"':
        out += "\\\"";
        return;
    case '\\':
        out += "\\\\";
        return;
    case '\n':
        out += "\\n";
        return;
    case '\r':
        out += "\\r";
        return;
    case '\t':
        out += "\\t";
        return;
    default: {
        static const char hex[] = "0123456789abcdef";
        const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        out.append(escaped, 6);
    }
    }
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
    out += '"';
    const char16_t *chars = text.utf16();
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char32_t u = chars[i];
        if (u < 0x80) {
            if (needsEscape(uchar(u)))
                appendEscaped(out, uchar(u));
            else
                out += char(u);
        } else if (u < 0x800) {
            const char utf8[] = {char(0xC0 | (u >> 6)), char(0x80 | (u & 0x3F))};
            out.append(utf8, 2);
        } else if (QChar::isHighSurrogate(u) && i + 1 < size &&
                   QChar::isLowSurrogate(chars[i + 1])) {
            const char32_t cp = QChar::surrogateToUcs4(char16_t(u), chars[++i]);
            const char utf8[] = {char(0xF0 | (cp >> 18)), char(0x80 | ((cp >> 12) & 0x3F)),
                                 char(0x80 | ((cp >> 6) & 0x3F)), char(0x80 | (cp & 0x3F))};
            out.append(utf8, 4);
        } else if (QChar::isSurrogate(u)) {
            // A lone half: its escape, as QJsonDocument::toJson writes it (UTF-8 has none).
            static const char hex[] = "0123456789abcdef";
            const char escaped[] = {
                '\\', 'u', hex[u >> 12], hex[(u >> 8) & 15], hex[(u >> 4) & 15], hex[u & 15]};
            out.append(escaped, 6);
        } else {
            const char utf8[] = {char(0xE0 | (u >> 12)), char(0x80 | ((u >> 6) & 0x3F)),
                                 char(0x80 | (u & 0x3F))};
            out.append(utf8, 3);
        }
    }
    out += '"';
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
