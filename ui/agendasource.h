// The desktop's only door to the data, the same in both modes: reads the sync client's cache, and
// changes things as commands the sync client queues and sends to the server (remote, or the one
// app/desktop hosts in embedded mode); the result comes back through the change feed.
#pragma once

#include "models/booking.h"
#include "models/domain.h"
#include "models/store.h"
#include "models/usagerduplicates.h"
#include "sync/protocol/agentcommand.h"
#include "sync/protocol/sessioncommands.h"

#include <QObject>
#include <QTimeZone>

#include <memory>
#include <optional>

namespace creneau::client {
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
    // Reads `client`'s cache (on its connection) and writes through its queue.
    explicit AgendaSource(client::SyncClient *client);
    ~AgendaSource() override;

    client::SyncClient *syncClient() const { return m_client; }
    // The agent whose session the sync client holds (signed in, or chosen in the demo).
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
    // Individual appointments only: a collective session's participants are read through it.
    QList<Rdv> rdvsBetween(qint64 from, qint64 to) const;
    // Collective sessions (agentsourcesessions.cpp), cancelled ones too, overlapping [from, to).
    QList<CollectiveSession> sessionsBetween(qint64 from, qint64 to) const;
    std::optional<CollectiveSession> session(Id id) const;
    // Places taken (participants not cancelled) of each session.
    QHash<Id, int> placesTaken(const QList<Id> &sessionIds) const;
    // The session's participants not cancelled, in registration order.
    QList<Rdv> participants(Id sessionId) const;
    // Appointments created (not changed) after change number `seq`, from yesterday on.
    QList<Rdv> rdvsCreatedSince(qint64 seq) const;
    // Occurrences on the days [from, to] of the organisation's zone.
    QList<AgentInterval> openings(const QDate &from, const QDate &to) const;
    QList<AgentInterval> absences(const QDate &from, const QDate &to) const;
    qint64 currentSeq() const;

    // Changes, made as the session's agent (`agentId` is who the panel acts as: the same one).
    // Checked here as far as the cache allows, then queued: the outcome is ok with rdv id 0, and
    // a refusal or a conflict arrives later through the sync client's signals.
    BookingOutcome book(const BookingRequest &request);
    // With request.sessionId: refused here already when the cache shows the session full or the
    // usager registered in it (the server checks again under its lock).
    // The command of the last book() that was queued (see PendingSave).
    QString lastBookingKey() const { return m_lastBookingKey; }
    BookingOutcome setStatus(Id rdvId, Id agentId, RdvStatus status);
    BookingOutcome cancel(Id rdvId, Id agentId, const QString &reason);
    BookingOutcome setContext(Id rdvId, Id agentId, const QString &context);
    BookingOutcome move(Id rdvId, Id agentId, qint64 start);
    // The catalogue (administration dialogs), queued: a new row gets its id from the feed.
    // Each returns its command's key (see changeDone, changeRejected, PendingSave).
    QString save(const Motif &motif);
    QString save(const Lieu &lieu);
    QString save(const PlageOuverture &plage);
    QString save(const Absence &absence);
    QString removeAbsence(Id absenceId);
    // create_session (one, or a series with its rrule); returns the command's key.
    QString createSession(const protocol::SessionPayload &session);
    // cancel_session: every participant's place is cancelled with it (the server tells them).
    BookingOutcome cancelSession(Id sessionId, const QString &reason);
    // Moves `duplicateId`'s appointments to `keepId` and removes the duplicate: queued as the
    // merge_usagers command.
    MergeOutcome mergeUsagers(Id keepId, Id duplicateId);

    // Reads only (the cache): the administration dialogs list plages and absences through it.
    Store &store() { return *m_store; }

signals:
    // The server refused a queued change (message in French, from the server).
    void changeRefused(const QString &message);
    // The cache took in changes from the server (the desktop's own, once applied, included).
    void changesApplied();
    // The server applied command `key` to row `id`, whose change number is `seq` (0: unknown).
    void changeDone(const QString &key, qint64 id, qint64 seq);
    // The server refused command `key`; `fields` names the refused fields when it did.
    void changeRejected(const QString &key, const QString &message, const FieldErrors &fields);

private:
    // The refusal book() gives before queueing a place in a session, if any.
    BookingOutcome checkSessionPlace(const BookingRequest &request) const;
    BookingOutcome queueRdvCommand(protocol::CommandType type, Id rdvId,
                                   const QJsonObject &payload);

    Store *m_store = nullptr;
    client::SyncClient *m_client = nullptr;
    QHash<QString, FieldErrors> m_refusedFields; // until their commandRejected follows
    QString m_lastBookingKey;
};

} // namespace creneau::ui
