#include "models/usagerduplicates.h"

#include "models/rdvrepository.h"
#include "models/validation.h"

#include <QCoreApplication>

namespace creneau {

namespace {

QString folded(const Usager &u)
{
    return foldName(u.firstName + QLatin1Char(' ') + u.lastName);
}

bool sharedText(const QString &a, const QString &b)
{
    return !a.trimmed().isEmpty() && a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

// The condition of possibleDuplicates() on two rows `a` and `b` of the usagers table.
const char kDuplicatePair[] =
    "b.organisation_id = a.organisation_id AND b.folded_name = a.folded_name AND b.id <> a.id "
    "AND ((a.phone <> '' AND b.phone = a.phone) OR (a.email <> '' AND LOWER(b.email) = "
    "LOWER(a.email)) OR (a.birth_date <> '' AND b.birth_date = a.birth_date))";

QString tr(const char *text)
{
    return QCoreApplication::translate("creneau::UsagerDuplicates", text);
}

} // namespace

bool sameUsagerData(const Usager &a, const Usager &b)
{
    return a.firstName.trimmed() == b.firstName.trimmed() &&
           a.lastName.trimmed() == b.lastName.trimmed() &&
           a.email.trimmed().compare(b.email.trimmed(), Qt::CaseInsensitive) == 0 &&
           normalizePhone(a.phone) == normalizePhone(b.phone) && a.birthDate == b.birthDate;
}

bool possibleDuplicates(const Usager &a, const Usager &b)
{
    if (a.organisationId != b.organisationId || folded(a).isEmpty() || folded(a) != folded(b))
        return false;
    const QString phone = normalizePhone(a.phone);
    return (!phone.isEmpty() && phone == normalizePhone(b.phone)) || sharedText(a.email, b.email) ||
           (a.birthDate.isValid() && a.birthDate == b.birthDate);
}

QList<Usager> UsagerDuplicates::of(const Usager &usager) const
{
    sql::Rows q(m_store.db(),
                QStringLiteral("SELECT b.id FROM usagers a JOIN usagers b ON ") +
                    QLatin1String(kDuplicatePair) + QStringLiteral(" WHERE a.id = ? ORDER BY b.id"),
                {usager.id});
    QList<Id> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    QList<Usager> out;
    RdvRepository repo(m_store);
    for (const Id id : ids)
        if (const auto u = repo.usager(id))
            out << *u;
    return out;
}

QSet<Id> UsagerDuplicates::flagged(Id organisationId, const QList<Id> &ids) const
{
    QSet<Id> out;
    if (ids.isEmpty())
        return out;
    QStringList list;
    for (const Id id : ids)
        list << QString::number(id);
    QSqlQuery q = sql::run(
        m_store.db(),
        QStringLiteral("SELECT DISTINCT a.id FROM usagers a JOIN usagers b ON ") +
            QLatin1String(kDuplicatePair) +
            QStringLiteral(" WHERE a.organisation_id = ? AND a.id IN (%1)").arg(list.join(',')),
        {organisationId});
    while (q.next())
        out.insert(q.value(0).toLongLong());
    return out;
}

MergeOutcome UsagerDuplicates::merge(Id organisationId, Id keepId, Id duplicateId)
{
    MergeOutcome out;
    if (keepId == duplicateId) {
        out.error = MergeError::SameUsager;
        out.message = tr("A usager cannot be merged with themself.");
        return out;
    }
    WriteTransaction tx(m_store, organisationId);
    RdvRepository repo(m_store);
    const auto keep = repo.usager(keepId);
    const auto duplicate = repo.usager(duplicateId);
    if (!keep || !duplicate || keep->organisationId != organisationId ||
        duplicate->organisationId != organisationId) {
        out.error = MergeError::NotFound;
        out.message = tr("This usager does not exist.");
        return out;
    }
    const QSqlDatabase db = m_store.db();
    for (const Rdv &rdv : repo.ofUsager(duplicateId)) {
        if (rdv.usagerIds.contains(keepId))
            sql::run(db,
                     QStringLiteral("DELETE FROM rdv_usagers WHERE rdv_id = ? AND usager_id = ?"),
                     {rdv.id, duplicateId});
        else
            sql::run(db,
                     QStringLiteral("UPDATE rdv_usagers SET usager_id = ? WHERE rdv_id = ? AND "
                                    "usager_id = ?"),
                     {keepId, rdv.id, duplicateId});
        // A new change number (not a new version: nothing the agent edits changed), so that
        // every desktop pulls the appointment with its new usager.
        sql::run(db, QStringLiteral("UPDATE rdvs SET seq = ? WHERE id = ?"),
                 {m_store.nextSeq(rdv.organisationId), rdv.id});
        ++out.movedRdvs;
    }
    Usager kept = *keep;
    if (kept.email.isEmpty())
        kept.email = duplicate->email;
    if (kept.phone.isEmpty())
        kept.phone = duplicate->phone;
    if (!kept.birthDate.isValid())
        kept.birthDate = duplicate->birthDate;
    if (kept.address.isEmpty())
        kept.address = duplicate->address;
    if (!duplicate->notes.isEmpty() && !kept.notes.contains(duplicate->notes))
        kept.notes = kept.notes.isEmpty() ? duplicate->notes
                                          : kept.notes + QLatin1Char('\n') + duplicate->notes;
    repo.update(kept);
    sql::run(db, QStringLiteral("DELETE FROM usagers WHERE id = ?"), {duplicateId});
    sql::run(
        db,
        QStringLiteral("INSERT INTO tombstones (seq, organisation_id, entity, entity_id) "
                       "VALUES (?, ?, ?, ?)"),
        {m_store.nextSeq(organisationId), organisationId, QStringLiteral("usagers"), duplicateId});
    tx.commit();
    out.kept = kept;
    return out;
}

} // namespace creneau
