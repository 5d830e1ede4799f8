// The desktop's only door to the data: reads the agenda from the store file the embedded server
// writes, and changes appointments through BookingService. The sync client replaces it later.
#pragma once

#include "booking.h"
#include "domain.h"
#include "slotengine.h"
#include "store.h"

#include <QTimeZone>

#include <memory>
#include <optional>

namespace creneau::ui {

// A time of one agent, [start, end) in UTC seconds: an opening range occurrence (at a lieu) or an
// absence (lieuId 0).
struct AgentInterval
{
    Id agentId = 0;
    Id lieuId = 0;
    qint64 start = 0;
    qint64 end = 0;
};

class AgendaSource
{
public:
    // Opens its own connection to `databasePath`. Throws StoreError on failure. `sink` (the
    // embedded server's notifications) hears of every change the panel and dialogs make.
    explicit AgendaSource(const QString &databasePath, RdvEventSink *sink = nullptr);
    ~AgendaSource();

    // The first organisation of the store (the desktop shows one organisation for now).
    Organisation organisation() const;
    QTimeZone timeZone() const;
    QList<Agent> agents() const;
    std::optional<Agent> agentByEmail(const QString &email) const;
    QList<Motif> motifs() const; // archived ones included: old appointments keep theirs
    QList<Lieu> lieux() const;
    std::optional<Motif> motif(Id id) const;
    std::optional<Lieu> lieu(Id id) const;
    std::optional<Usager> usager(Id id) const;
    std::optional<Rdv> rdv(Id id) const;
    // By name (accents and case ignored), phone or birth date (dd/MM/yyyy or ISO).
    QList<Usager> searchUsagers(const QString &text) const;
    QList<Rdv> rdvsOfUsager(Id usagerId) const;
    QList<Rdv> rdvsBetween(qint64 from, qint64 to) const;
    // Appointments created (not changed) after change number `seq`, from yesterday on.
    QList<Rdv> rdvsCreatedSince(qint64 seq) const;
    // Occurrences on the days [from, to] of the organisation's zone.
    QList<AgentInterval> openings(const QDate &from, const QDate &to) const;
    QList<AgentInterval> absences(const QDate &from, const QDate &to) const;
    qint64 currentSeq() const;

    BookingService &booking() { return *m_booking; }
    // For the administration dialogs, which write the catalogue in a WriteTransaction.
    Store &store() { return *m_store; }

private:
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SlotEngine> m_engine;
    std::unique_ptr<BookingService> m_booking;
};

} // namespace creneau::ui
