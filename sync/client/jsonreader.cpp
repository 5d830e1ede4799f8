#include "sync/client/jsonreader.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>

namespace creneau::client {

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
    m_first.push_back(true);
}

void JsonReader::beginArray()
{
    if (next() != '[')
        fail("array expected");
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
        if (uchar(*m_at) < 0x20)
            fail("control character in a string");
        ++m_at;
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
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15) {
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

} // namespace creneau::client
