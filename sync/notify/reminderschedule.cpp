#include "sync/notify/reminderschedule.h"

#include "models/rdvrepository.h"
#include "models/sql.h"

namespace creneau::notify {

namespace {
const QString kDelayChanged = QStringLiteral("Délai de rappel changé par l'organisation.");
} // namespace

int rescheduleReminders(Store &store, Id organisationId, int reminderHours, qint64 now,
                        const std::function<void(const Rdv &)> &queueMissing)
{
    const QSqlDatabase db = store.db();
    QList<QPair<Id, qint64>> pending; // outbox id, appointment start
    sql::Rows q(db,
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
                     {kDelayChanged, id});
        else
            sql::run(db,
                     QStringLiteral("UPDATE outbox SET due_at = ?, next_attempt_at = ? "
                                    "WHERE id = ? AND status = 'pending'"),
                     {due, due, id});
    }
    if (reminderHours > 0 && queueMissing) {
        QList<Id> missing;
        sql::Rows m(db,
                    QStringLiteral(
                        "SELECT r.id FROM rdvs r WHERE r.organisation_id = ? AND r.starts_at > ? "
                        "AND r.status NOT IN ('revoked', 'excused') AND NOT EXISTS (SELECT 1 "
                        "FROM outbox o WHERE o.rdv_id = r.id AND o.purpose = 'reminder' AND "
                        "NOT (o.status = 'dropped' AND o.last_error = ?))"),
                    {organisationId, now + qint64(reminderHours) * 3600, kDelayChanged});
        while (m.next())
            missing << m.value(0).toLongLong();
        RdvRepository rdvs(store);
        for (const Id id : missing)
            if (const auto rdv = rdvs.find(id))
                queueMissing(*rdv);
    }
    return int(pending.size());
}

} // namespace creneau::notify
