#include "sync/fastpath/jsonreader.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>

namespace creneau::fastpath {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(QByteArray &out, char32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// Past a well-formed UTF-8 sequence starting at `at` (RFC 3629: no overlong forms, no encoded
// surrogates, nothing beyond U+10FFFF), or null: QJsonDocument refuses such a string too.
const char *pastUtf8(const char *at, const char *end)
{
    const uchar lead = uchar(*at);
    int more = 0;
    char32_t cp = 0;
    if (lead < 0xC2)
        return nullptr; // a continuation byte, or an overlong two-byte form
    if (lead < 0xE0) {
        more = 1;
        cp = lead & 0x1F;
    } else if (lead < 0xF0) {
        more = 2;
        cp = lead & 0x0F;
    } else if (lead < 0xF5) {
        more = 3;
        cp = lead & 0x07;
    } else {
        return nullptr;
    }
    if (end - at <= more)
        return nullptr;
    for (int i = 1; i <= more; ++i) {
        const uchar c = uchar(at[i]);
        if ((c & 0xC0) != 0x80)
            return nullptr;
        cp = (cp << 6) | (c & 0x3F);
    }
    if (more == 2 && (cp < 0x800 || (cp >= 0xD800 && cp < 0xE000)))
        return nullptr;
    if (more == 3 && (cp < 0x10000 || cp > 0x10FFFF))
        return nullptr;
    return at + more + 1;
}

} // namespace

void JsonReader::fail(const char *what) const
{
    throw JsonFormatError(std::string("malformed JSON at offset ") +
                          std::to_string(m_at - m_begin) + ": " + what);
}

void JsonReader::skipSpace()
{
    while (m_at < m_end && (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t'))
        ++m_at;
}

char JsonReader::next()
{
    skipSpace();
    if (m_at >= m_end)
        fail("unexpected end");
    return *m_at++;
}

JsonReader::Type JsonReader::peek()
{
    skipSpace();
    if (m_at >= m_end)
        fail("unexpected end");
    switch (*m_at) {
    case '{':
        return Type::Object;
    case '[':
        return Type::Array;
    case '"':
        return Type::String;
    case 't':
    case 'f':
        return Type::Bool;
    case 'n':
        return Type::Null;
    default:
        if (*m_at == '-' || (*m_at >= '0' && *m_at <= '9'))
            return Type::Number;
        fail("unexpected character");
    }
}

void JsonReader::beginObject()
{
    if (next() != '{')
        fail("object expected");
    if (m_first.size() >= size_t(kMaxDepth))
        fail("nested too deep");
    m_first.push_back(true);
}

void JsonReader::beginArray()
{
    if (next() != '[')
        fail("array expected");
    if (m_first.size() >= size_t(kMaxDepth))
        fail("nested too deep");
    m_first.push_back(true);
}

// Before an item of the innermost container: false (and the container closed) at its end.
bool JsonReader::enterItem(char close)
{
    if (m_first.empty())
        fail("no open container");
    skipSpace();
    if (m_at < m_end && *m_at == close) {
        ++m_at;
        m_first.pop_back();
        return false;
    }
    if (!m_first.back() && next() != ',')
        fail("',' expected");
    m_first.back() = false;
    return true;
}

bool JsonReader::nextKey(QByteArray &scratch, QByteArrayView *key)
{
    if (!enterItem('}'))
        return false;
    if (peek() != Type::String)
        fail("key expected");
    *key = readString(scratch);
    if (next() != ':')
        fail("':' expected");
    return true;
}

bool JsonReader::nextElement()
{
    return enterItem(']');
}

QByteArrayView JsonReader::readString(QByteArray &scratch)
{
    if (next() != '"')
        fail("string expected");
    const char *start = m_at;
    while (m_at < m_end && *m_at != '"' && *m_at != '\\') {
        const uchar c = uchar(*m_at);
        if (c < 0x20)
            fail("control character in a string");
        if (c < 0x80) {
            ++m_at;
        } else if (const char *past = pastUtf8(m_at, m_end)) {
            m_at = past;
        } else {
            fail("invalid UTF-8 in a string");
        }
    }
    if (m_at >= m_end)
        fail("unterminated string");
    if (*m_at == '"')
        return QByteArrayView(start, m_at++ - start);
    // Escapes: unescape the whole string into scratch.
    const qsizetype from = scratch.size();
    scratch.append(start, m_at - start);
    while (true) {
        if (m_at >= m_end)
            fail("unterminated string");
        const char c = *m_at++;
        if (c == '"')
            break;
        if (uchar(c) < 0x20)
            fail("control character in a string");
        if (uchar(c) >= 0x80) {
            const char *past = pastUtf8(m_at - 1, m_end);
            if (!past)
                fail("invalid UTF-8 in a string");
            scratch.append(m_at - 1, past - (m_at - 1));
            m_at = past;
            continue;
        }
        if (c != '\\') {
            scratch += c;
            continue;
        }
        if (m_at >= m_end)
            fail("unterminated escape");
        switch (const char e = *m_at++) {
        case '"':
        case '\\':
        case '/':
            scratch += e;
            break;
        case 'b':
            scratch += '\b';
            break;
        case 'f':
            scratch += '\f';
            break;
        case 'n':
            scratch += '\n';
            break;
        case 'r':
            scratch += '\r';
            break;
        case 't':
            scratch += '\t';
            break;
        case 'u': {
            auto unit = [this] {
                if (m_end - m_at < 4)
                    fail("short \\u escape");
                int v = 0;
                for (int i = 0; i < 4; ++i) {
                    const int h = hexValue(*m_at++);
                    if (h < 0)
                        fail("bad \\u escape");
                    v = v * 16 + h;
                }
                return char32_t(v);
            };
            char32_t cp = unit();
            if (cp >= 0xD800 && cp < 0xDC00 && m_end - m_at >= 6 && m_at[0] == '\\' &&
                m_at[1] == 'u') {
                const char *back = m_at;
                m_at += 2;
                const char32_t low = unit();
                if (low >= 0xDC00 && low < 0xE000)
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                else
                    m_at = back; // not a pair: the high half alone, replaced below
            }
            if (cp >= 0xD800 && cp < 0xE000)
                cp = 0xFFFD; // a lone surrogate
            appendUtf8(scratch, cp);
            break;
        }
        default:
            fail("unknown escape");
        }
    }
    return QByteArrayView(scratch.constData() + from, scratch.size() - from);
}

double JsonReader::readNumber(bool *isInteger, qint64 *integer)
{
    skipSpace();
    const char *start = m_at;
    if (m_at < m_end && *m_at == '-')
        ++m_at;
    const char *digits = m_at;
    while (m_at < m_end && *m_at >= '0' && *m_at <= '9')
        ++m_at;
    if (m_at == digits || (*digits == '0' && m_at - digits > 1))
        fail("bad number");
    bool plain = true;
    if (m_at < m_end && *m_at == '.') {
        plain = false;
        const char *fraction = ++m_at;
        while (m_at < m_end && *m_at >= '0' && *m_at <= '9')
            ++m_at;
        if (m_at == fraction)
            fail("bad number");
    }
    if (m_at < m_end && (*m_at == 'e' || *m_at == 'E')) {
        plain = false;
        ++m_at;
        if (m_at < m_end && (*m_at == '+' || *m_at == '-'))
            ++m_at;
        const char *exponent = m_at;
        while (m_at < m_end && *m_at >= '0' && *m_at <= '9')
            ++m_at;
        if (m_at == exponent)
            fail("bad number");
    }
    // Up to 19 digits fit in an unsigned 64-bit accumulator; the sign decides the limit.
    if (plain && m_at - digits <= 19) {
        quint64 v = 0;
        for (const char *d = digits; d < m_at; ++d)
            v = v * 10 + quint64(*d - '0');
        const bool negative = *start == '-';
        if (v <= quint64(std::numeric_limits<qint64>::max()) + (negative ? 1 : 0)) {
            *isInteger = true;
            *integer = negative ? qint64(0 - v) : qint64(v);
            return double(*integer);
        }
    }
    *isInteger = false;
    const double d = std::strtod(std::string(start, m_at).c_str(), nullptr);
    // Beyond a double's range either way: QJsonDocument refuses the text (1e400, 1e-400).
    if (!std::isfinite(d))
        fail("number out of range");
    if (d == 0) {
        for (const char *c = digits; c < m_at && *c != 'e' && *c != 'E'; ++c)
            if (*c >= '1' && *c <= '9')
                fail("number out of range");
    }
    // A whole number within 64 bits is an integer, as QJsonDocument makes it (1e17, and
    // -9223372036854775809, which is -2^63 once a double).
    if (d == std::floor(d) && d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
        *isInteger = true;
        *integer = qint64(d);
    }
    return d;
}

bool JsonReader::readBool()
{
    skipSpace();
    if (m_end - m_at >= 4 && QByteArrayView(m_at, 4) == "true") {
        m_at += 4;
        return true;
    }
    if (m_end - m_at >= 5 && QByteArrayView(m_at, 5) == "false") {
        m_at += 5;
        return false;
    }
    fail("boolean expected");
}

void JsonReader::readNull()
{
    skipSpace();
    if (m_end - m_at < 4 || QByteArrayView(m_at, 4) != "null")
        fail("null expected");
    m_at += 4;
}

void JsonReader::skipValue()
{
    // Read as a whole, without keeping anything: no recursion, the open containers are ours.
    std::vector<bool> objects; // per container opened here: an object (else an array)
    QByteArray scratch;
    QByteArrayView key;
    const auto one = [&] {
        switch (peek()) {
        case Type::Object:
            beginObject();
            objects.push_back(true);
            break;
        case Type::Array:
            beginArray();
            objects.push_back(false);
            break;
        case Type::String:
            readString(scratch);
            scratch.clear();
            break;
        case Type::Number: {
            bool isInteger = false;
            qint64 integer = 0;
            readNumber(&isInteger, &integer);
            break;
        }
        case Type::Bool:
            readBool();
            break;
        case Type::Null:
            readNull();
            break;
        }
    };
    one();
    while (!objects.empty()) {
        const bool more = objects.back() ? nextKey(scratch, &key) : nextElement();
        scratch.clear();
        if (more)
            one();
        else
            objects.pop_back();
    }
}

void JsonReader::skimValue()
{
    const Type type = peek();
    if (type != Type::Object && type != Type::Array && type != Type::String) {
        bool isInteger = false;
        qint64 integer = 0;
        if (type == Type::Number)
            readNumber(&isInteger, &integer);
        else if (type == Type::Bool)
            readBool();
        else
            readNull();
        return;
    }
    // Strings and containers are skipped by their quotes and brackets alone, unchecked: a value
    // skipped is a value nobody reads.
    int depth = 0;
    do {
        const char c = *m_at++;
        if (c == '"') {
            while (true) {
                const char *quote =
                    static_cast<const char *>(std::memchr(m_at, '"', size_t(m_end - m_at)));
                if (!quote)
                    fail("unterminated string");
                const char *backslash = quote;
                while (backslash > m_at && backslash[-1] == '\\')
                    --backslash;
                m_at = quote + 1;
                if ((quote - backslash) % 2 == 0)
                    break; // not escaped
            }
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    } while (depth > 0 && m_at < m_end);
    if (depth > 0)
        fail("unterminated value");
}

void JsonReader::expectEnd()
{
    skipSpace();
    if (m_at != m_end)
        fail("text after the value");
}

} // namespace creneau::fastpath
