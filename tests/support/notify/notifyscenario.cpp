#include "notifyscenario.h"

#include "models/sql.h"

#include <QSignalSpy>

namespace creneau::test {

const QDate NotifyScenario::kMonday(2027, 3, 1);

namespace {
notify::NotifyContext context(std::function<bool(Store &, Id)> calendarByEmail)
{
    notify::NotifyContext c;
    c.calendarByEmail = std::move(calendarByEmail);
    c.host = QStringLiteral("rdv.test.fr");
    c.fromAddress = QStringLiteral("rdv@test.fr");
    c.publicUrl = [] { return QStringLiteral("https://rdv.test.fr"); };
    c.recapToken = [](Id id) { return QStringLiteral("recap-%1").arg(id); };
    return c;
}
} // namespace

NotifyScenario::NotifyScenario(std::function<bool(Store &, Id)> calendarByEmail)
    : sink(context(std::move(calendarByEmail)), clock)
{
    // A week ahead: the 48-hour reminder is still to come.
    clock.set(t.local(kMonday.addDays(-7), QTime(12, 0)));
    partners = t.addMotif(QStringLiteral("RSA"), 30, BookableBy::AgentsAndPrescripteurs);
    t.addPlage(t.agent.id, t.lieu.id, {t.motif.id, partners.id}, kMonday, QTime(9, 0),
               QTime(12, 0));
}

BookingRequest NotifyScenario::request(CreatedBy who, const QTime &at)
{
    BookingRequest r;
    r.organisationId = t.org.id;
    r.motifId = who == CreatedBy::Usager ? t.motif.id : partners.id;
    r.lieuId = t.lieu.id;
    r.startsAt = t.at(kMonday, at);
    r.bookedBy = who;
    if (who == CreatedBy::Agent)
        r.agentId = t.agent.id;
    if (who == CreatedBy::Prescripteur)
        r.prescripteur = {QStringLiteral("Nathalie"), QStringLiteral("Roux"),
                          QStringLiteral("n.roux@mairie.fr"), QStringLiteral("02 32 64 15 00")};
    r.usager.firstName = QStringLiteral("Amina");
    r.usager.lastName = QStringLiteral("Diallo"); // names hold no markup (checkPersonName)
    r.usager.phone = QStringLiteral("06 12 34 56 78");
    r.usager.email = QStringLiteral("amina@example.org");
    return r;
}

BookingOutcome NotifyScenario::book(CreatedBy who, const QTime &at)
{
    return service.book(request(who, at));
}

bool NotifyScenario::runWorker(notify::DeliveryWorker &worker, int timeoutMs)
{
    QSignalSpy idle(&worker, &notify::DeliveryWorker::idle);
    worker.tick();
    return !idle.isEmpty() || idle.wait(timeoutMs);
}

int NotifyScenario::countRows(const QString &where) const
{
    return sql::scalar(t.store->db(), QStringLiteral("SELECT COUNT(*) FROM outbox ") + where)
        .toInt();
}

} // namespace creneau::test
