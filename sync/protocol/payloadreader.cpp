#include "sync/protocol/payloadreader.h"

#include "sync/protocol/instants.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

namespace creneau::protocol {

Id PayloadReader::id(const char *key) const
{
    // toInteger: only exact integers that fit, so no out-of-range conversion on hostile input.
    return std::max<Id>(0, value(key).toInteger(0));
}

void PayloadReader::refuse(const char *key, const QString &message)
{
    if (!m_errors.contains(QLatin1String(key)))
        m_errors.insert(QLatin1String(key), message);
}

void PayloadReader::instant(const char *key, qint64 &field)
{
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return;
    qint64 secs = 0;
    const bool ok = v.isDouble() ? (secs = v.toInteger(0)) > 0
                                 : v.isString() && parseIsoInstant(v.toString(), &secs);
    if (ok)
        field = secs;
    else
        refuse(key, tr("Invalid time: Unix seconds or ISO 8601 with an offset."));
}

void PayloadReader::text(const char *key, QString &field)
{
    const QJsonValue v = value(key);
    if (v.isString())
        field = v.toString();
    else if (!v.isUndefined())
        refuse(key, tr("Unknown value."));
}

void PayloadReader::number(const char *key, int &field)
{
    const QJsonValue v = value(key);
    // An exact integer that an int holds: no 1.5, no 1e300 wrapped into an int. The rules in
    // models/ then say what is reasonable (a delay of at most two years...).
    if (v.isDouble() && v.toDouble() == double(v.toInteger()) &&
        std::abs(v.toDouble()) <= std::numeric_limits<int>::max())
        field = int(v.toInteger());
    else if (!v.isUndefined())
        refuse(key, tr("A whole number is expected."));
}

void PayloadReader::flag(const char *key, bool &field)
{
    const QJsonValue v = value(key);
    if (v.isBool())
        field = v.toBool();
    else if (v.isDouble() && (v.toDouble() == 0 || v.toDouble() == 1)) // older clients sent 0/1
        field = v.toDouble() != 0;
    else if (!v.isUndefined())
        refuse(key, tr("Unknown value."));
}

void PayloadReader::date(const char *key, QDate &field)
{
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return;
    const QDate d = QDate::fromString(v.toString(), Qt::ISODate);
    if (d.isValid())
        field = d;
    else
        refuse(key, tr("Invalid date."));
}

void PayloadReader::time(const char *key, QTime &field)
{
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return;
    const QTime t = QTime::fromString(v.toString(), QStringLiteral("HH:mm"));
    if (t.isValid())
        field = t;
    else
        refuse(key, tr("Invalid time of day (HH:mm)."));
}

void PayloadReader::ids(const char *key, QList<Id> &field)
{
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return;
    if (!v.isArray()) {
        refuse(key, tr("Not a valid identifier."));
        return;
    }
    QList<Id> out;
    for (const QJsonValue item : v.toArray())
        out.append(std::max<Id>(0, item.toInteger(0))); // idProblems refused the others
    field = out;
}

void PayloadReader::dates(const char *key, QList<QDate> &field)
{
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return;
    QList<QDate> out;
    for (const QJsonValue item : v.toArray()) {
        const QDate d = QDate::fromString(item.toString(), Qt::ISODate);
        if (!d.isValid()) {
            refuse(key, tr("Invalid date."));
            return;
        }
        out.append(d);
    }
    if (!v.isArray())
        refuse(key, tr("Invalid date."));
    else
        field = out;
}

QJsonObject PayloadReader::object(const char *key)
{
    const QJsonValue v = value(key);
    if (!v.isObject() && !v.isUndefined() && !v.isNull())
        refuse(key, tr("Unknown value."));
    return v.toObject();
}

FieldErrors idProblems(const QJsonObject &payload)
{
    const auto isId = [](const QJsonValue &v) {
        return v.isNull() || (v.isDouble() && v.toInteger(-1) >= 0);
    };
    FieldErrors out;
    for (auto it = payload.begin(); it != payload.end(); ++it) {
        bool ok = true;
        if (it.key().endsWith(QLatin1String("_id")) || it.key() == QLatin1String("id")) {
            ok = isId(it.value());
        } else if (it.key().endsWith(QLatin1String("_ids"))) {
            ok = it.value().isArray() || it.value().isNull();
            for (const QJsonValue v : it.value().toArray())
                ok = ok && isId(v) && !v.isNull();
        }
        if (!ok)
            out.insert(it.key(), PayloadReader::message("Not a valid identifier."));
    }
    return out;
}

} // namespace creneau::protocol
