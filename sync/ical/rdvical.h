// What an appointment's event says to each reader: SUMMARY, LOCATION and DESCRIPTION for the
// usager, the prescriber (nothing of the usager's contact) or the agents (contacts, the usager's
// name reduced to initials when the organisation asks for it), and the ORGANIZER every face
// names. The text itself is written by icalwriter.h.
#pragma once

#include "models/store.h"
#include "sync/ical/icalwriter.h"

#include <optional>

namespace creneau::ical {

enum class Audience
{
    Usager,
    Prescripteur,
    Agent,
};

// nullopt when the appointment's organisation or motif is gone. No ORGANIZER nor ATTENDEE: the
// face adds those its method needs (organizer() below).
std::optional<Event> rdvEvent(Store &store, const Rdv &rdv, Audience audience);
// The same from what the caller has read already (the notifications read it once per change).
Event rdvEvent(const Organisation &org, const Motif &motif, const std::optional<Lieu> &lieu,
               const std::optional<Usager> &usager, const Rdv &rdv, Audience audience);

// A collective session's one event for the agents leading it: the motif, the lieu, and the
// places taken (« 7/12 participants ») in the description. nullopt when its motif is gone.
std::optional<Event> sessionEvent(Store &store, const CollectiveSession &session, int taken);

// The organisation, by its own address when it has one, else by the address mails come from;
// `sentBy` is then the mail sender when it differs. Every face names the same organiser.
Person organizer(const Organisation &org, const QString &mailFrom);

// The organisation's IANA zone, "UTC" when it is gone.
QString timeZoneOf(Store &store, Id organisationId);
// « Jean-Luc de la Tour » → « J.-L. d. l. T. »; a name with nothing to keep gives « ? ».
QString initials(const QString &name);
bool isCancelled(const Rdv &rdv);

} // namespace creneau::ical
