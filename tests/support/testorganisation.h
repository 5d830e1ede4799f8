// A throw-away SQLite store with a small organisation to test against.
#pragma once

#include "models/catalog.h"
#include "models/clock.h"
#include "models/domain.h"
#include "models/store.h"

#include <QTemporaryDir>

#include <memory>

namespace creneau::test {

// Another organisation in the same store, with the test one's shape: a lieu, an agent, a motif of
// 30 minutes open to everyone, and a weekday range 9 h–12 h from `firstDay`.
struct OtherOrganisation
{
    Organisation org;
    Lieu lieu;
    Agent agent;
    Motif motif;
};

struct TestOrganisation
{
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    Organisation org;
    Lieu lieu;
    Agent agent;
    Motif motif; // 30 minutes, everyone, default delays

    // `zone`: the organisation's IANA zone. The engine is SQLite, or PostgreSQL (a fresh database
    // in a throw-away cluster) when CRENEAU_TEST_ENGINE=postgresql.
    explicit TestOrganisation(const QString &zone = QStringLiteral("Europe/Paris"));
    // What Store::open takes to reach the same database: a file path or a postgresql:// URL.
    QString location;
    QString databasePath() const { return location; }

    Agent addAgent(const QString &lastName, AgentRole role = AgentRole::Agent);
    Lieu addLieu(const QString &name);
    Motif addMotif(const QString &name, int minutes, BookableBy who);
    // Weekly on the given RRULE days from `first`, start-end wall-clock times.
    PlageOuverture
    addPlage(Id agentId, Id lieuId, QList<Id> motifs, const QDate &first, const QTime &start,
             const QTime &end,
             const QString &rrule = QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"));
    OtherOrganisation addOrganisation(const QString &slug, const QDate &firstDay);
    // A UTC instant from a wall-clock time in the organisation's zone.
    qint64 at(const QDate &day, const QTime &time) const;
    QDateTime local(const QDate &day, const QTime &time) const;
};

} // namespace creneau::test
