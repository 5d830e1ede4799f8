// What the public pages and the public API share: the store and the domain services, the
// organisation lookup, the créneaux questions every step asks, and the recap links.
#pragma once

#include "models/booking.h"
#include "models/catalog.h"
#include "models/clock.h"
#include "models/slotengine.h"
#include "models/store.h"
#include "sync/server/bookinglimit.h"
#include "sync/server/bookingqueue.h"
#include "sync/server/serversecret.h"

#include <QHash>
#include <QTimeZone>

#include <functional>
#include <optional>

namespace creneau::server {

class BookingSite
{
public:
    // `sink`: what follows each booking change (notifications), recorded in its transaction.
    BookingSite(Store &store, const ServerSecret &secret, QString publicUrl,
                const Clock &clock = Clock::system(), RdvEventSink *sink = nullptr);

    Store &store() { return m_store; }
    Catalog &catalog() { return m_catalog; }
    SlotEngine &engine() { return m_engine; }
    BookingService &booking() { return m_booking; }
    // What follows each booking change (notifications); null when nothing does.
    RdvEventSink *eventSink() const { return m_sink; }
    BookingLimit &bookingLimit() { return m_bookingLimit; }
    // The public API's bookings, committed in groups.
    BookingQueue &bookingQueue() { return m_bookingQueue; }
    const Clock &clock() const { return m_clock; }
    const ServerSecret &secret() const { return m_secret; }
    QString publicUrl() const { return m_publicUrl; }
    void setPublicUrl(const QString &url) { m_publicUrl = url; }
    // Whether the server can answer (set once it is listening): /healthz says « not ready »
    // before, so a load balancer sends nothing to an instance still starting.
    bool isReady() const { return m_ready; }
    void setReady(bool ready) { m_ready = ready; }

    // Throws HttpError 404 when unknown.
    Organisation organisation(const QString &slug, bool json = false) const;
    static QTimeZone zoneOf(const Organisation &org);
    // Motifs open online: Everyone only, or also AgentsAndPrescripteurs on the partners' link.
    QList<Motif> onlineMotifs(const Organisation &org, bool partner) const;
    // Throws HttpError 404 unless the motif belongs to `org` and is open to the link.
    Motif onlineMotif(const Organisation &org, Id motifId, bool partner, bool json = false) const;
    std::optional<Lieu> lieu(const Organisation &org, Id lieuId) const;

    // Cached while the organisation's version (Availability::version) and the current minute stay
    // the same: the list only changes with a write in that organisation or as time moves past the
    // motif's delays. A write in another organisation leaves it valid.
    QList<Creneau> creneaux(const Motif &motif, Id lieuId, const QDate &from, const QDate &to);
    std::optional<QDate> nextAvailableDay(const Motif &motif, const QDate &from);
    bool isFree(const Motif &motif, Id lieuId, qint64 start);
    // A collective motif's sessions open for registration (within its delays), soonest first,
    // full ones included; 200 at most.
    QList<SessionPlaces> sessions(const Motif &motif);
    // The free créneaux closest in time to `start` (within three weeks either side).
    QList<Creneau> nearest(const Motif &motif, qint64 start, int count = 5);

    // Rendered bodies of read-only answers (créneaux lists) of one organisation, valid like the
    // créneaux cache.
    std::optional<QByteArray> cachedBody(const QString &key);
    void cacheBody(const QString &key, Id organisationId, const QByteArray &body);
    // Told of each body cached, with the organisation's change number it was computed at
    // (Availability::stamp) and its minute: ReadWorkers share them with the server's thread.
    using BodyPublisher = std::function<void(const QString &key, Id organisationId, qint64 stamp,
                                             qint64 minute, const QByteArray &body)>;
    void setBodyPublisher(BodyPublisher publisher) { m_publishBody = std::move(publisher); }

    // The prescriber's recap link: unguessable, and needs no stored secret.
    QString recapToken(Id rdvId) const;
    Id rdvFromRecapToken(const QString &token) const;

private:
    Store &m_store;
    const ServerSecret &m_secret;
    QString m_publicUrl;
    bool m_ready = false;
    const Clock &m_clock;
    RdvEventSink *m_sink;
    Catalog m_catalog;
    SlotEngine m_engine;
    BookingService m_booking;
    BookingLimit m_bookingLimit;
    BookingQueue m_bookingQueue;
    struct CachedCreneaux
    {
        qint64 version = -1;
        qint64 minute = -1;
        QList<Creneau> list;
    };
    QHash<QString, CachedCreneaux> m_cache;
    BodyPublisher m_publishBody;
    struct CachedBody
    {
        Id organisation = 0;
        qint64 version = -1;
        qint64 minute = -1;
        QByteArray body;
    };
    QHash<QString, CachedBody> m_bodies;
};

} // namespace creneau::server
