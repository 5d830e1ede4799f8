// The desktop's only door to the data. Embedded mode: reads the store file the in-process server
// writes, and changes things through BookingService and the catalogue at once. Remote mode: reads
// the sync client's cache, and changes things as commands the sync client queues and sends; the
// result comes back through the change feed.
#pragma once

#include "booking.h"
#include "domain.h"
#include "slotengine.h"
#include "store.h"
#include "usagerduplicates.h"

#include <QObject>
#include <QTimeZone>

#include <memory>
#include <optional>

namespace creneau::sync {
class SyncClient;
}

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

class AgendaSource : public QObject
{
    Q_OBJECT
public:
    // Embedded mode. Opens its own connection to `databasePath`. Throws StoreError on failure.
    // `sink` (the embedded server's notifications) hears of every change the desktop makes.
    explicit AgendaSource(const QString &databasePath, RdvEventSink *sink = nullptr);
    // Remote mode: reads `client`'s cache (on its connection) and writes through its queue.
    explicit AgendaSource(sync::SyncClient *client);
    ~AgendaSource() override;

    bool isRemote() const { return m_client != nullptr; }
    sync::SyncClient *syncClient() const { return m_client; }
    // The agent signed in to the remote server; nullopt in embedded mode (« Je suis » chooses).
    std::optional<Agent> signedInAgent() const;

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
    // « Doublon possible » (UsagerDuplicates): which of `ids` have one, and who they are.
    QSet<Id> usagersWithDuplicates(const QList<Id> &ids) const;
    QList<Usager> possibleDuplicatesOf(Id usagerId) const;
    QList<Rdv> rdvsBetween(qint64 from, qint64 to) const;
    // Appointments created (not changed) after change number `seq`, from yesterday on.
    QList<Rdv> rdvsCreatedSince(qint64 seq) const;
    // Occurrences on the days [from, to] of the organisation's zone.
    QList<AgentInterval> openings(const QDate &from, const QDate &to) const;
    QList<AgentInterval> absences(const QDate &from, const QDate &to) const;
    qint64 currentSeq() const;

    // Changes, made as agent `agentId`. Embedded: done when they return. Remote: checked here
    // as far as the cache allows, then queued: the outcome is ok with rdv id 0, and a refusal or
    // a conflict arrives later through the sync client's signals.
    BookingOutcome book(const BookingRequest &request);
    BookingOutcome setStatus(Id rdvId, Id agentId, RdvStatus status);
    BookingOutcome cancel(Id rdvId, Id agentId, const QString &reason);
    BookingOutcome setContext(Id rdvId, Id agentId, const QString &context);
    BookingOutcome move(Id rdvId, Id agentId, qint64 start);
    // The catalogue (administration dialogs); `save` sets the id of a new row in embedded mode.
    void save(Motif &motif);
    void save(Lieu &lieu);
    void save(PlageOuverture &plage);
    void save(Absence &absence);
    void removeAbsence(Id absenceId);
    // Moves `duplicateId`'s appointments to `keepId` and removes the duplicate. Embedded: done
    // when it returns; remote: queued as the merge_usagers command.
    MergeOutcome mergeUsagers(Id keepId, Id duplicateId);

    // Reads only: the administration dialogs list plages and absences through the catalogue.
    Store &store() { return *m_store; }

signals:
    // Remote mode: the server refused a queued change (message in French, from the server).
    void changeRefused(const QString &message);

private:
    BookingOutcome queueRdvCommand(const QString &type, Id rdvId, QJsonObject payload);

    std::unique_ptr<Store> m_ownStore;
    Store *m_store = nullptr;
    sync::SyncClient *m_client = nullptr;
    std::unique_ptr<SlotEngine> m_engine;
    std::unique_ptr<BookingService> m_booking;
};

} // namespace creneau::ui
