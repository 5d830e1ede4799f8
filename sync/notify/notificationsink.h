// Decides who is told what after a booking change and queues it in the outbox, inside the
// booking transaction (RdvEventSink): the prescriber's confirmation, the usager's confirmation,
// reminder, move and cancellation notices (e-mail and/or SMS), and the agents' e-mails: with the
// .ics invitation for every change when the agent chose e-mail as their external calendar,
// otherwise a plain notice according to their notification level. A collective session is one
// event for the agents leading it: a registration or a cancelled place sends the session's
// updated REQUEST (its count), the session's change or cancellation one REQUEST or CANCEL; the
// usagers and prescribers keep one event per participant. Messages are queued as drafts
// (outboxdraft.h): the transaction decides and snapshots, the reader of the outbox renders.
#pragma once

#include "models/booking.h"
#include "models/clock.h"
#include "sync/notify/outbox.h"

#include <functional>

namespace creneau::notify {

struct NotifyContext
{
    QString host = QStringLiteral("creneau.localhost"); // for Message-IDs (UIDs: sync/ical)
    // The mails' sender: the .ics files' ORGANIZER when the organisation has no address of its
    // own, else its SENT-BY.
    QString fromAddress;
    // Base of the links in messages ("https://rdv.example.fr"); empty: no links.
    std::function<QString()> publicUrl;
    // The prescriber's recap token for an appointment (BookingSite::recapToken); may be empty.
    std::function<QString(Id)> recapToken;
    // Whether the agent chose « E-mail » as their external calendar (sync/calendar decides; the
    // notifications only ask). Unset: nobody did, and agents get plain notices only.
    std::function<bool(Store &, Id agentId)> calendarByEmail;
    // Messages a recipient (e-mail address or phone) may get per day from changes made by the
    // public (usagers, prescribers); later ones are held: kept in the outbox as 'dropped' with
    // the reason, and the appointment's agents are told once a day per recipient. Changes made
    // by agents are not counted. 0: no limit.
    int maxMessagesPerRecipient = 3;
    // The same for the prescriber's own confirmations, counted apart: a social worker may orient
    // several beneficiaries a day and expects each confirmation. Names hold no digits nor links,
    // so what a spammer could put in these messages is limited.
    int maxMessagesPerPrescripteur = 20;
};

class NotificationSink : public RdvEventSink
{
public:
    NotificationSink(NotifyContext context, const Clock &clock = Clock::system());
    void record(Store &store, const RdvEvent &event) override;
    void recordSession(Store &store, const SessionEvent &event) override;
    // The usager's reminder of an appointment that has none (booked while the organisation sent
    // no reminders), at the organisation's current delay; nothing when that instant is past.
    void queueReminder(Store &store, const Rdv &rdv);

    // "soon": the appointment is today or tomorrow in the organisation's zone.
    static bool wantsNotice(const Agent &agent, const RdvEvent &event, const QTimeZone &zone,
                            qint64 now);

private:
    NotifyContext m_context;
    const Clock &m_clock;
};

} // namespace creneau::notify
