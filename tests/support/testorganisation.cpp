#include "testorganisation.h"

#include "postgrescluster.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace creneau::test {

TestOrganisation::TestOrganisation(const QString &zone)
{
    static int databases = 0;
    if (qEnvironmentVariable("CRENEAU_TEST_ENGINE") == QLatin1String("postgresql")) {
        PostgresCluster &cluster = PostgresCluster::shared();
        if (!cluster.isRunning())
            qFatal("cannot start PostgreSQL: %s", qPrintable(cluster.error()));
        location = cluster.createDatabase(
            QStringLiteral("t%1_%2").arg(QCoreApplication::applicationPid()).arg(++databases));
    } else {
        location = dir.filePath(QStringLiteral("creneau.sqlite"));
    }
    store = Store::open(location);
    store->migrate();
    WriteTransaction tx(*store);
    Catalog catalog(*store);
    org.name = QStringLiteral("Organisation de test");
    org.slug = QStringLiteral("test");
    org.timeZone = zone;
    org.phone = QStringLiteral("0102030405");
    catalog.save(org);
    tx.commit();
    lieu = addLieu(QStringLiteral("Accueil"));
    agent = addAgent(QStringLiteral("Durand"));
    motif = addMotif(QStringLiteral("Premier accueil"), 30, BookableBy::Everyone);
}

Agent TestOrganisation::addAgent(const QString &lastName, AgentRole role)
{
    WriteTransaction tx(*store);
    Agent a{0,
            org.id,
            QStringLiteral("Alex"),
            lastName,
            lastName.toLower() + QStringLiteral("@test.fr"),
            role,
            NotificationLevel::All,
            false};
    Catalog(*store).save(a);
    tx.commit();
    return a;
}

Lieu TestOrganisation::addLieu(const QString &name)
{
    WriteTransaction tx(*store);
    Lieu l{0, org.id, name, QStringLiteral("1 place de la Mairie"), {}, false};
    Catalog(*store).save(l);
    tx.commit();
    return l;
}

Motif TestOrganisation::addMotif(const QString &name, int minutes, BookableBy who)
{
    WriteTransaction tx(*store);
    Motif m;
    m.organisationId = org.id;
    m.name = name;
    m.durationMinutes = minutes;
    m.bookableBy = who;
    Catalog(*store).save(m);
    tx.commit();
    return m;
}

PlageOuverture TestOrganisation::addPlage(Id agentId, Id lieuId, QList<Id> motifs,
                                          const QDate &first, const QTime &start, const QTime &end,
                                          const QString &rrule)
{
    WriteTransaction tx(*store);
    PlageOuverture p;
    p.organisationId = org.id;
    p.agentId = agentId;
    p.lieuId = lieuId;
    p.motifIds = std::move(motifs);
    p.firstDay = first;
    p.startTime = start;
    p.endTime = end;
    p.rrule = rrule;
    Catalog(*store).save(p);
    tx.commit();
    return p;
}

QDateTime TestOrganisation::local(const QDate &day, const QTime &time) const
{
    return QDateTime(day, time, QTimeZone(org.timeZone.toUtf8()));
}

qint64 TestOrganisation::at(const QDate &day, const QTime &time) const
{
    return local(day, time).toSecsSinceEpoch();
}

OtherOrganisation TestOrganisation::addOrganisation(const QString &slug, const QDate &firstDay)
{
    OtherOrganisation o;
    WriteTransaction tx(*store);
    Catalog catalog(*store);
    o.org.name = QStringLiteral("Autre organisation");
    o.org.slug = slug;
    catalog.save(o.org);
    o.lieu = {0, o.org.id, QStringLiteral("Mairie"), QStringLiteral("2 rue Haute"), {}, false};
    catalog.save(o.lieu);
    o.agent = {0,
               o.org.id,
               QStringLiteral("Sam"),
               QStringLiteral("Martin"),
               slug + QStringLiteral("@test.fr"),
               AgentRole::Agent,
               NotificationLevel::All,
               false};
    catalog.save(o.agent);
    o.motif.organisationId = o.org.id;
    o.motif.name = QStringLiteral("Accueil");
    o.motif.durationMinutes = 30;
    o.motif.bookableBy = BookableBy::Everyone;
    catalog.save(o.motif);
    PlageOuverture p;
    p.organisationId = o.org.id;
    p.agentId = o.agent.id;
    p.lieuId = o.lieu.id;
    p.motifIds = {o.motif.id};
    p.firstDay = firstDay;
    p.startTime = QTime(9, 0);
    p.endTime = QTime(12, 0);
    p.rrule = QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    catalog.save(p);
    tx.commit();
    return o;
}

} // namespace creneau::test
