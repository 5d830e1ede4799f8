#include "sync/server/publicapi.h"

#include "models/organisationservice.h"

#include "models/storehealth.h"
#include "sync/protocol/instants.h"
#include "sync/server/httpserver.h"
#include "sync/server/publicsessions.h"
#include "sync/server/rdvrecap.h"
#include "sync/server/readworkers.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace creneau::server {

namespace {

QByteArray compact(const QJsonValue &v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                       : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

Id idParam(const QString &text)
{
    bool ok = false;
    const Id id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        throw HttpError(404, QStringLiteral("Identifiant inconnu."), true);
    return id;
}

HttpResponse motifs(BookingSite &site, HttpRequest &request)
{
    const Organisation org = site.organisation(request.param(QStringLiteral("slug")), true);
    QJsonArray out;
    for (const Motif &m : site.onlineMotifs(org, true))
        out.append(QJsonObject{{QStringLiteral("id"), m.id},
                               {QStringLiteral("name"), m.name},
                               {QStringLiteral("duration_minutes"), m.durationMinutes},
                               {QStringLiteral("location_type"), creneau::toWord(m.locationType)},
                               {QStringLiteral("bookable_by"), creneau::toWord(m.bookableBy)},
                               {QStringLiteral("instructions"), m.instructions},
                               {QStringLiteral("capacity"), m.capacity}});
    return HttpResponse::json(compact(out));
}

// Where a list's body is cached (BookingSite::cacheBody, ReadWorkers' shared answers).
QString answerKey(const HttpRequest &request)
{
    return QStringLiteral("api:") + request.path + QLatin1Char('?') +
           request.query.toString(QUrl::FullyEncoded);
}

// A collective motif's sessions open for registration, with their places left.
HttpResponse sessions(BookingSite &site, HttpRequest &request)
{
    const QString cacheKey = answerKey(request);
    if (const auto hit = site.cachedBody(cacheKey))
        return HttpResponse::json(*hit);
    const Organisation org = site.organisation(request.param(QStringLiteral("slug")), true);
    const Motif motif =
        site.onlineMotif(org, idParam(request.param(QStringLiteral("id"))), true, true);
    const QByteArray body = compact(sessionsJson(site, org, site.sessions(motif)));
    site.cacheBody(cacheKey, org.id, body);
    return HttpResponse::json(body);
}

QDate dateParam(const HttpRequest &request, const QString &key, const QDate &fallback)
{
    const QString text = request.queryValue(key);
    if (text.isEmpty())
        return fallback;
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid() || text.size() != 10)
        throw HttpError(
            400, QStringLiteral("Date invalide pour « %1 » : attendu AAAA-MM-JJ.").arg(key), true);
    return d;
}

HttpResponse creneaux(BookingSite &site, HttpRequest &request)
{
    const QString cacheKey = answerKey(request);
    if (const auto hit = site.cachedBody(cacheKey))
        return HttpResponse::json(*hit);
    const Organisation org = site.organisation(request.param(QStringLiteral("slug")), true);
    const Motif motif =
        site.onlineMotif(org, idParam(request.param(QStringLiteral("id"))), true, true);
    const QTimeZone zone = BookingSite::zoneOf(org);
    const QDate today = site.clock().now().toTimeZone(zone).date();
    const QDate from = dateParam(request, QStringLiteral("from"), today);
    const QDate to = dateParam(request, QStringLiteral("to"), from.addDays(6));
    if (to < from || from.daysTo(to) > 62)
        throw HttpError(400,
                        QStringLiteral("La période demandée doit aller de « from » à « to », "
                                       "sur 63 jours au plus."),
                        true);
    Id lieuId = 0;
    if (const QString l = request.queryValue(QStringLiteral("lieu_id")); !l.isEmpty())
        lieuId = idParam(l);
    QHash<Id, QString> lieuNames;
    for (const Lieu &l : site.catalog().lieux(org.id))
        lieuNames.insert(l.id, l.name);
    QJsonArray out;
    for (const Creneau &c : site.creneaux(motif, lieuId, from, to))
        out.append(
            QJsonObject{{QStringLiteral("starts_at"), protocol::isoWithOffset(c.startsAt, zone)},
                        {QStringLiteral("ends_at"), protocol::isoWithOffset(c.endsAt, zone)},
                        {QStringLiteral("lieu_id"), c.lieuId},
                        {QStringLiteral("lieu_name"), lieuNames.value(c.lieuId)}});
    const QByteArray body = compact(out);
    site.cacheBody(cacheKey, org.id, body);
    return HttpResponse::json(body);
}

QString str(const QJsonObject &o, const char *key, FieldErrors &errors, const QString &prefix)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString()) {
        errors.insert(prefix + QLatin1String(key),
                      QStringLiteral("Doit être une chaîne de caractères."));
        return {};
    }
    return v.toString();
}

HttpResponse unprocessable(const FieldErrors &fields, const QString &message)
{
    QJsonObject f;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        f.insert(it.key(), it.value());
    return HttpResponse::json(
        compact(QJsonObject{{QStringLiteral("error"), message}, {QStringLiteral("fields"), f}}),
        422);
}

// Reads the POST body into a BookingRequest; shape errors go to `errors`.
BookingRequest parseBooking(const Organisation &org, const QJsonObject &o, FieldErrors &errors,
                            bool *acknowledged)
{
    BookingRequest req;
    req.organisationId = org.id;
    const QJsonValue motif = o.value(QStringLiteral("motif_id"));
    // toInteger(): a double beyond 64 bits (1e300) cast to an integer is undefined behaviour.
    req.motifId = motif.isDouble() ? Id(motif.toInteger(0)) : 0;
    if (req.motifId <= 0)
        errors.insert(QStringLiteral("motif_id"), QStringLiteral("Motif obligatoire."));
    const QJsonValue lieu = o.value(QStringLiteral("lieu_id"));
    if (lieu.isDouble())
        req.lieuId = Id(lieu.toInteger(-1)); // not an id: refused as an unknown lieu
    else if (!lieu.isUndefined() && !lieu.isNull())
        errors.insert(QStringLiteral("lieu_id"), QStringLiteral("Lieu invalide."));
    const QJsonValue session = o.value(QStringLiteral("session_id"));
    if (session.isDouble() && session.toInteger(0) > 0)
        req.sessionId = Id(session.toInteger(0)); // a place in this session: no starts_at
    else if (!session.isUndefined() && !session.isNull())
        errors.insert(QStringLiteral("session_id"), QStringLiteral("Session invalide."));
    else if (!protocol::parseIsoInstant(o.value(QStringLiteral("starts_at")).toString(),
                                        &req.startsAt))
        errors.insert(QStringLiteral("starts_at"),
                      QStringLiteral("Date et heure attendues au format ISO 8601 avec décalage."));
    const QString by = o.value(QStringLiteral("booked_by")).toString();
    if (by == QLatin1String("prescripteur"))
        req.bookedBy = CreatedBy::Prescripteur;
    else if (by == QLatin1String("usager"))
        req.bookedBy = CreatedBy::Usager;
    else
        errors.insert(QStringLiteral("booked_by"),
                      QStringLiteral("Valeur attendue : « prescripteur » ou « usager »."));
    const QJsonObject p = o.value(QStringLiteral("prescripteur")).toObject();
    const QString pp = QStringLiteral("prescripteur.");
    req.prescripteur.firstName = str(p, "first_name", errors, pp);
    req.prescripteur.lastName = str(p, "last_name", errors, pp);
    req.prescripteur.email = str(p, "email", errors, pp);
    req.prescripteur.phone = str(p, "phone", errors, pp);
    const QJsonObject u = o.value(QStringLiteral("usager")).toObject();
    const QString up = QStringLiteral("usager.");
    req.usager.firstName = str(u, "first_name", errors, up);
    req.usager.lastName = str(u, "last_name", errors, up);
    req.usager.email = str(u, "email", errors, up);
    req.usager.phone = str(u, "phone", errors, up);
    const QString birth = str(u, "birth_date", errors, up);
    if (!birth.isEmpty()) {
        req.usager.birthDate = QDate::fromString(birth, Qt::ISODate);
        if (!req.usager.birthDate.isValid() || birth.size() != 10)
            errors.insert(QStringLiteral("usager.birth_date"),
                          QStringLiteral("Date de naissance attendue au format AAAA-MM-JJ."));
    }
    *acknowledged = u.value(QStringLiteral("acknowledge_no_notification")).toBool();
    return req;
}

// The answer to one booking of a group, built inside its transaction (the recap reads what was
// just written) and sent after the commit.
HttpResponse bookingAnswer(BookingSite &site, const Organisation &org,
                           const BookingQueue::Result &result)
{
    if (result.limited) {
        HttpResponse r = HttpResponse::jsonError(429, BookingLimit::message(result.retryAfter));
        r.setHeader("Retry-After", QByteArray::number(result.retryAfter));
        return r;
    }
    const BookingOutcome &out = result.outcome;
    switch (out.error) {
    case BookingError::None:
        break;
    case BookingError::Invalid:
        return unprocessable(out.fields, out.message);
    case BookingError::CreneauTaken:
        return HttpResponse::jsonError(409, out.message);
    case BookingError::MotifUnavailable:
        return unprocessable({{QStringLiteral("motif_id"), out.message}}, out.message);
    case BookingError::NotFound: // only an unknown session on this path
        return unprocessable({{QStringLiteral("session_id"), out.message}}, out.message);
    case BookingError::AlreadyRegistered:
        return HttpResponse::jsonError(409, out.message);
    case BookingError::SessionFull:
        // The next sessions with places, so that the caller can offer them at once.
        return HttpResponse::json(compact(QJsonObject{{QStringLiteral("error"), out.message},
                                                      {QStringLiteral("next_sessions"),
                                                       sessionsJson(site, org, out.nextSessions)}}),
                                  409);
    default:
        return HttpResponse::jsonError(403, out.message);
    }
    // out.usager holds what was typed (a stored usager is reused only when identical).
    QVariantMap recap = rdvRecap(site, org, out.rdv, out.usager);
    const QString base =
        OrganisationService(site.store()).settings(org.id).linkBase(site.publicUrl()) +
        QStringLiteral("/rdv/") + org.slug;
    // The private link is the usager's: answered to a usager booking for themself, and sent by
    // SMS or e-mail to a usager booked by a prescriber, who never sees it.
    if (!out.usagerToken.isEmpty() && out.rdv.createdBy == CreatedBy::Usager)
        recap[QStringLiteral("manage_url")] = base + QStringLiteral("/mon-rdv/") + out.usagerToken;
    else
        recap[QStringLiteral("recap_url")] =
            base + QStringLiteral("/recapitulatif/") + site.recapToken(out.rdv.id);
    return HttpResponse::json(
        QJsonDocument(QJsonObject::fromVariantMap(recap)).toJson(QJsonDocument::Compact), 201);
}

HttpResponse book(BookingSite &site, HttpRequest &request)
{
    const Organisation org = site.organisation(request.param(QStringLiteral("slug")), true);
    if (!request.header("content-type").toLower().startsWith("application/json"))
        throw HttpError(415, QStringLiteral("Le corps doit être du JSON (application/json)."),
                        true);
    if (const int wait = site.bookingLimit().retryAfter(request.peer)) {
        HttpResponse r = HttpResponse::jsonError(429, BookingLimit::message(wait));
        r.setHeader("Retry-After", QByteArray::number(wait));
        return r;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        throw HttpError(400, QStringLiteral("JSON mal formé : un objet est attendu."), true);
    FieldErrors errors;
    bool acknowledged = false;
    const BookingRequest req = parseBooking(org, doc.object(), errors, &acknowledged);
    if (!errors.isEmpty())
        return unprocessable(errors, BookingService::messageFor(BookingError::Invalid));
    checkReachable(errors, req, acknowledged);
    if (!errors.isEmpty())
        return unprocessable(errors, BookingService::messageFor(BookingError::Invalid));
    // Booked with the others that arrive together (BookingQueue): answered after their commit.
    HttpResponse later;
    later.deferred = [&site, org, req, peer = request.peer](HttpResponse::Completion done) {
        site.bookingQueue().submit(
            req, peer,
            [&site, org, done](BookingQueue::Result &r) {
                HttpResponse answer = bookingAnswer(site, org, r);
                r.answer = [done, answer] { done(answer); };
            },
            [done](const BookingQueue::Result &) {
                // The store could not write: nothing was booked, and the client is told when
                // to try again, as for any storage failure.
                HttpResponse r = HttpResponse::jsonError(
                    503, QStringLiteral("La réservation n'a pas pu être enregistrée : "
                                        "rien n'a été réservé, réessayez."));
                r.setHeader("Retry-After", "30");
                done(r);
            });
    };
    later.cancel = [] {}; // the client left: the booking still runs, nobody is answered
    return later;
}

HttpResponse openApi(HttpRequest &)
{
    QFile file(QStringLiteral(":/openapi.json"));
    if (!file.open(QIODevice::ReadOnly))
        throw HttpError(500, QStringLiteral("Document OpenAPI absent."), true);
    return HttpResponse::json(file.readAll());
}

// For the operator and the load balancer: a read, a rolled-back write and the free space of the
// SQLite store's disk; 503 with what is wrong (and Retry-After) when the store cannot take a
// booking.
HttpResponse health(BookingSite &site)
{
    Store &store = site.store();
    const QString dir = store.engine() == Store::Engine::Sqlite
                            ? QFileInfo(store.location()).absolutePath()
                            : QString();
    const QStringList problems = storeProblems(store, dir);
    if (problems.isEmpty())
        return HttpResponse::json(R"({"status":"ok"})");
    const QJsonObject body{
        {QStringLiteral("status"), QStringLiteral("error")},
        {QStringLiteral("error"), QStringLiteral("Base de données indisponible.")},
        {QStringLiteral("problems"), QJsonArray::fromStringList(problems)}};
    HttpResponse r = HttpResponse::json(QJsonDocument(body).toJson(QJsonDocument::Compact), 503);
    r.setHeader("Retry-After", QByteArray::number(HttpServer::kStoreRetryAfterSecs));
    return r;
}

} // namespace

void addPublicApiRoutes(Router &router, BookingSite &site, ReadWorkers *readers)
{
    // The lists are the API's busiest reads: computed by the organisation's worker when there are.
    const auto list = [&site, readers](HttpResponse (*answer)(BookingSite &, HttpRequest &)) {
        return [&site, readers, answer](HttpRequest &r) {
            if (!readers)
                return answer(site, r);
            return readers->answer(r.param(QStringLiteral("slug")), answerKey(r), r, answer);
        };
    };
    router.get(QStringLiteral("/api/v1/public/{slug}/motifs"), Auth::None,
               [&site](HttpRequest &r) { return motifs(site, r); });
    router.get(QStringLiteral("/api/v1/public/{slug}/motifs/{id}/creneaux"), Auth::None,
               list(creneaux));
    router.get(QStringLiteral("/api/v1/public/{slug}/motifs/{id}/sessions"), Auth::None,
               list(sessions));
    router.post(QStringLiteral("/api/v1/public/{slug}/rdvs"), Auth::None,
                [&site](HttpRequest &r) { return book(site, r); });
    router.get(QStringLiteral("/api/v1/openapi.json"), Auth::None, openApi);
    router.get(QStringLiteral("/healthz"), Auth::None, [&site](HttpRequest &) {
        if (!site.isReady())
            return HttpResponse::jsonError(503, QStringLiteral("Serveur pas encore prêt."));
        return health(site);
    });
}

} // namespace creneau::server
