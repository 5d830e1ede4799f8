// Reads a command's payload into typed fields, the same way for every command: only the keys
// present change a value (a save sends the whole row, but an older client may send less), and a
// key present with the wrong type is an error of that field, with its message in French, rather
// than a value silently read as 0 or "".
#pragma once

#include "models/domain.h"
#include "models/validation.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QTime>

namespace creneau::protocol {

class PayloadReader
{
    Q_DECLARE_TR_FUNCTIONS(creneau::protocol::PayloadReader)

public:
    explicit PayloadReader(const QJsonObject &payload) : m_payload(payload) {}

    bool has(const char *key) const { return m_payload.contains(QLatin1String(key)); }
    // An id, 0 when absent or null (idProblems() has refused hostile ones).
    Id id(const char *key) const;
    // Unix seconds or ISO 8601 with an offset.
    void instant(const char *key, qint64 &field);
    void text(const char *key, QString &field);
    void number(const char *key, int &field);
    void flag(const char *key, bool &field);
    void date(const char *key, QDate &field);
    void time(const char *key, QTime &field); // "HH:mm"
    void ids(const char *key, QList<Id> &field);
    void dates(const char *key, QList<QDate> &field);
    // One of models/domain's words (toWord/fromWord).
    template <typename Enum> void word(const char *key, Enum &field)
    {
        const QJsonValue v = value(key);
        if (!v.isUndefined() && !fromWord(v.toString(), &field))
            refuse(key, tr("Unknown value."));
    }
    // A nested object ("usager", "prescripteur"), {} when absent.
    QJsonObject object(const char *key);

    const FieldErrors &errors() const { return m_errors; }

    // A message of the protocol module, in the user's language (for the payload readers'
    // own checks of required fields).
    static QString message(const char *source) { return tr(source); }

private:
    QJsonValue value(const char *key) const { return m_payload.value(QLatin1String(key)); }
    void refuse(const char *key, const QString &message);

    const QJsonObject &m_payload;
    FieldErrors m_errors;
};

// Ids in a payload ("rdv_id", "motif_ids"...): whole numbers from 0 (none) within 64 bits, or
// null. A hostile value (1e300, -1, "1", 1.5) is named rather than read as 0 and answered as
// "not found".
FieldErrors idProblems(const QJsonObject &payload);

} // namespace creneau::protocol
