#include "reminderschedule.h"

#include "sql.h"

namespace creneau::notify {

int rescheduleReminders(Store &store, Id organisationId, int reminderHours, qint64 now)
{
    const QSqlDatabase db = store.db();
    QList<QPair<Id, qint64>> pending; // outbox id, appointment start
    QSqlQuery q = sql::run(db,
                           QStringLiteral("SELECT o.id, r.starts_at FROM outbox o "
                                          "JOIN rdvs r ON r.id = o.rdv_id "
                                          "WHERE o.purpose = 'reminder' AND o.status = 'pending' "
                                          "AND r.organisation_id = ?"),
                           {organisationId});
    while (q.next())
        pending.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
    for (const auto &[id, startsAt] : pending) {
        const qint64 due = startsAt - qint64(reminderHours) * 3600;
        if (reminderHours <= 0 || due <= now)
            sql::run(db,
                     QStringLiteral("UPDATE outbox SET status = 'dropped', last_error = ? "
                                    "WHERE id = ? AND status = 'pending'"),
                     {QStringLiteral("Délai de rappel changé par l'organisation."), id});
        else
            sql::run(db,
                     QStringLiteral("UPDATE outbox SET due_at = ?, next_attempt_at = ? "
                                    "WHERE id = ? AND status = 'pending'"),
                     {due, due, id});
    }
    return int(pending.size());
}

} // namespace creneau::notify
