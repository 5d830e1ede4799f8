// The change feed's rows written straight to JSON bytes, for AgentFeed::pageJson: an initial pull
// sends a hundred thousand rows, and building a QJsonObject per row then QJsonDocument::toJson
// costs 3-6x more than writing the bytes (bench_feed_paths).
//
// A fast path (see sync/fastpath/CMakeLists.txt). It must match the plain way: a row written here
// and the same row built as a QJsonObject (text as QJsonValue strings, integers as qint64, NULL as
// null) and serialised by QJsonDocument read back as the same JSON values, for every text (quotes,
// backslashes, control characters, NUL, non-ASCII, lone surrogates) and every 64-bit integer.
// tst_feed_json and tst_agent_feed hold it to that.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringView>
#include <QVariant>

namespace creneau::fastpath {

class FeedJson
{
public:
    static void appendInteger(QByteArray &out, qint64 value);
    // A JSON string: UTF-8, with quotes, backslashes and control characters escaped; a lone
    // surrogate as its \u escape, as QJsonDocument::toJson writes it.
    static void appendString(QByteArray &out, QStringView text);
    // A column's value: NULL as null, text as a string, anything else as a 64-bit integer (the
    // schema holds no other types).
    static void appendValue(QByteArray &out, const QVariant &value);
    // "name": (a member's key and its colon), for keys known once and reused for every row.
    static QByteArray key(QStringView name);

    // One element of "changes": {"entity":E,"id":I,"seq":S,"deleted":D,"data":{ ... }}. Between
    // beginChange and endChange, members of data are written as key(name) + value + ','.
    static void beginChange(QByteArray &out, QByteArrayView entity, qint64 id, qint64 seq,
                            bool deleted);
    static void appendIdList(QByteArray &out, const QByteArray &key, const QList<qint64> &ids);
    static void endChange(QByteArray &out);
};

} // namespace creneau::fastpath
