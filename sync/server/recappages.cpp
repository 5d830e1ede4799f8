#include "sync/server/recappages.h"

#include "models/frenchformat.h"
#include "models/rdvrepository.h"
#include "models/secrets.h"
#include "sync/ical/calendardomain.h"
#include "sync/notify/outbox.h"
#include "sync/protocol/instants.h"
#include "sync/server/rdvrecap.h"

namespace creneau::server {

namespace {

struct Found
{
    Organisation org;
    Rdv rdv;
    Usager usager;
};

HttpError notFound()
{
    return HttpError(404, QStringLiteral("Ce rendez-vous est introuvable. Vérifiez le lien reçu."));
}

Found complete(BookingSite &site, const Organisation &org, const std::optional<Rdv> &rdv)
{
    if (!rdv || rdv->organisationId != org.id || rdv->usagerIds.isEmpty())
        throw notFound();
    const auto usager = RdvRepository(site.store()).usager(rdv->usagerIds.first());
    return {org, *rdv, usager ? *usager : Usager()};
}

Found byRecapToken(BookingSite &site, const HttpRequest &r)
{
    const Organisation org = site.organisation(r.param(QStringLiteral("slug")));
    const Id id = site.rdvFromRecapToken(r.param(QStringLiteral("token")));
    if (!id)
        throw notFound();
    return complete(site, org, RdvRepository(site.store()).find(id));
}

Found byUsagerToken(BookingSite &site, const HttpRequest &r)
{
    const Organisation org = site.organisation(r.param(QStringLiteral("slug")));
    const QString token = r.param(QStringLiteral("token"));
    if (token.size() < 20 || token.size() > 100)
        throw notFound();
    return complete(site, org,
                    RdvRepository(site.store()).findByUsagerToken(secrets::tokenHash(token)));
}

QString slugPath(const Organisation &org)
{
    return QStringLiteral("/rdv/") + QString::fromLatin1(QUrl::toPercentEncoding(org.slug));
}

// What was sent to whom, read from the outbox (held messages left out), for the prescriber's
// recap: their confirmation, the usager's channels, the reminder's date.
void sentVars(BookingSite &site, const Found &f, QVariantMap &v)
{
    const QTimeZone zone = BookingSite::zoneOf(f.org);
    QString prescripteurMail;
    QStringList usagerChannels;
    qint64 reminderAt = 0;
    for (const notify::OutboxMessage &m :
         notify::Outbox(site.store()).ofRdv(f.rdv.id, notify::Outbox::Content::Headers)) {
        if (m.status == QLatin1String("dropped"))
            continue;
        const bool sms = m.kind == notify::OutboxMessage::Kind::Sms;
        if (m.purpose == QLatin1String("prescripteur") && prescripteurMail.isEmpty())
            prescripteurMail = m.recipient;
        else if (m.purpose == QLatin1String("confirmation"))
            usagerChannels << (sms ? QStringLiteral("un SMS au ") + fr::phone(m.recipient)
                                   : QStringLiteral("un e-mail à ") + m.recipient);
        else if (m.purpose == QLatin1String("reminder") && m.status == QLatin1String("pending"))
            reminderAt = reminderAt ? qMin(reminderAt, m.dueAt) : m.dueAt;
    }
    usagerChannels.removeDuplicates();
    v[QStringLiteral("sent_prescripteur")] = prescripteurMail;
    v[QStringLiteral("sent_usager")] = usagerChannels.join(QStringLiteral(" et "));
    if (reminderAt)
        v[QStringLiteral("reminder_date")] = fr::dateTime(reminderAt, zone);
}

HttpResponse recap(BookingSite &site, const PageRenderer &pages, const HttpRequest &r,
                   const Found &f, const QString &self, bool usagerPage)
{
    QVariantMap v = rdvRecap(site, f.org, f.rdv, f.usager);
    v[QStringLiteral("ics_url")] = self + QStringLiteral("/rdv.ics");
    v[QStringLiteral("base")] = slugPath(f.org);
    v[QStringLiteral("usager_page")] = usagerPage;
    // The header names the organisation, as on every other page.
    v[QStringLiteral("org")] = v.value(QStringLiteral("organisation"));
    if (usagerPage && f.rdv.status != RdvStatus::Revoked) {
        const qint64 limit = f.rdv.startsAt - qint64(f.org.usagerCancelHours) * 3600;
        if (site.clock().nowSecs() < limit) {
            v[QStringLiteral("cancel_url")] = self + QStringLiteral("/annuler");
            // A place in a collective session follows its session: it is cancelled, not moved.
            if (!f.rdv.sessionId)
                v[QStringLiteral("move_url")] = self + QStringLiteral("/deplacer");
        } else {
            v[QStringLiteral("too_late")] = true;
        }
    }
    if (!usagerPage)
        sentVars(site, f, v);
    v[QStringLiteral("cancelled_now")] =
        r.queryValue(QStringLiteral("annule")) == QLatin1String("1");
    v[QStringLiteral("moved_now")] =
        r.queryValue(QStringLiteral("deplace")) == QLatin1String("1") &&
        f.rdv.status != RdvStatus::Revoked;
    v[QStringLiteral("session")] = f.rdv.sessionId != 0;
    const QString title = f.rdv.status == RdvStatus::Revoked
                              ? QStringLiteral("Rendez-vous annulé")
                              : QStringLiteral("Rendez-vous confirmé");
    HttpResponse out = pages.render(r, QStringLiteral("recap.html"), v, title);
    out.setHeader("Cache-Control", "private, no-store");
    return out;
}

HttpResponse ics(BookingSite &site, const Found &f, ical::Audience audience,
                 const QString &mailFrom)
{
    const QByteArray body =
        recapCalendar(site.store(), f.org, f.rdv, audience, mailFrom, site.clock().nowSecs());
    if (body.isEmpty())
        throw notFound();
    HttpResponse out = HttpResponse::text(body, "text/calendar; charset=utf-8");
    out.setHeader("Content-Disposition", "attachment; filename=\"rendez-vous.ics\"");
    out.setHeader("Cache-Control", "private, no-store");
    return out;
}

HttpResponse cancel(BookingSite &site, const PageRenderer &pages, const HttpRequest &r)
{
    pages.requireCsrf(r);
    const Found f = byUsagerToken(site, r);
    Actor actor;
    actor.kind = Actor::Kind::Usager;
    actor.usagerToken = r.param(QStringLiteral("token"));
    const BookingOutcome out =
        site.booking().cancel(f.rdv.id, actor, QStringLiteral("Annulé par l'usager en ligne"));
    if (!out.ok())
        return PageRenderer::message(out.error == BookingError::TooLate ? 409 : 403,
                                     QStringLiteral("Annulation impossible"), out.message);
    return HttpResponse::redirect(slugPath(f.org) + QStringLiteral("/mon-rdv/") +
                                  actor.usagerToken + QStringLiteral("?annule=1"));
}

Actor usagerActor(const HttpRequest &r)
{
    Actor actor;
    actor.kind = Actor::Kind::Usager;
    actor.usagerToken = r.param(QStringLiteral("token"));
    return actor;
}

// The usager's choice of another créneau: the same motif and lieu, a week at a time, within the
// motif's delays (the créneaux list) and the organisation's cancellation delay (checked again by
// BookingService::move).
HttpResponse movePage(BookingSite &site, const PageRenderer &pages, const HttpRequest &r)
{
    const Found f = byUsagerToken(site, r);
    const QString self =
        slugPath(f.org) + QStringLiteral("/mon-rdv/") + r.param(QStringLiteral("token"));
    const auto motif = site.catalog().motif(f.rdv.motifId);
    if (!motif || f.rdv.status == RdvStatus::Revoked)
        throw notFound();
    if (f.rdv.sessionId)
        return PageRenderer::message(
            409, QStringLiteral("Déplacement impossible"),
            QStringLiteral("Une place dans une session collective ne se déplace pas : annulez-la, "
                           "puis demandez une inscription à une autre session à ") +
                f.org.name + QLatin1Char('.'));
    if (site.clock().nowSecs() >= f.rdv.startsAt - qint64(f.org.usagerCancelHours) * 3600)
        return PageRenderer::message(409, QStringLiteral("Déplacement impossible"),
                                     QStringLiteral("Il est trop tard pour déplacer ce rendez-vous "
                                                    "en ligne : contactez ") +
                                         f.org.name + QLatin1Char('.'));
    const QTimeZone zone = BookingSite::zoneOf(f.org);
    const QDate today = site.clock().now().toTimeZone(zone).date();
    const QDate thisMonday = today.addDays(1 - today.dayOfWeek());
    QDate monday = QDate::fromString(r.queryValue(QStringLiteral("semaine")), Qt::ISODate);
    if (!monday.isValid() || monday < thisMonday || monday > today.addYears(2))
        monday = thisMonday;
    monday = monday.addDays(1 - monday.dayOfWeek());
    QVariantList days;
    QVariantList times;
    QDate current;
    auto flush = [&] {
        if (!times.isEmpty())
            days.append(QVariantMap{{QStringLiteral("label"), fr::date(current)},
                                    {QStringLiteral("slots"), times}});
        times.clear();
    };
    for (const Creneau &c : site.creneaux(*motif, f.rdv.lieuId, monday, monday.addDays(6))) {
        if (c.startsAt == f.rdv.startsAt || (f.rdv.lieuId && c.lieuId != f.rdv.lieuId))
            continue;
        const QDate day = QDateTime::fromSecsSinceEpoch(c.startsAt, zone).date();
        if (day != current) {
            flush();
            current = day;
        }
        times.append(QVariantMap{{QStringLiteral("time"), fr::time(c.startsAt, zone)},
                                 {QStringLiteral("label"), fr::dateTime(c.startsAt, zone)},
                                 {QStringLiteral("start"), QString::number(c.startsAt)}});
    }
    flush();
    QVariantMap v{{QStringLiteral("org"), QVariantMap{{QStringLiteral("name"), f.org.name}}},
                  {QStringLiteral("back_url"), self},
                  {QStringLiteral("move_action"), self + QStringLiteral("/deplacer")},
                  {QStringLiteral("current"), fr::dateTime(f.rdv.startsAt, zone)},
                  {QStringLiteral("motif"), motif->name},
                  {QStringLiteral("week_label"), QStringLiteral("Semaine du ") + fr::date(monday)},
                  {QStringLiteral("days"), days},
                  {QStringLiteral("taken_notice"),
                   r.queryValue(QStringLiteral("pris")) == QLatin1String("1")}};
    if (const auto lieu = site.lieu(f.org, f.rdv.lieuId);
        lieu && motif->locationType == LocationType::PublicOffice)
        v[QStringLiteral("lieu")] = lieu->name;
    const QString week = self + QStringLiteral("/deplacer?semaine=");
    if (monday > thisMonday)
        v[QStringLiteral("prev_url")] = week + monday.addDays(-7).toString(Qt::ISODate);
    v[QStringLiteral("next_url")] = week + monday.addDays(7).toString(Qt::ISODate);
    HttpResponse out =
        pages.render(r, QStringLiteral("move.html"), v, QStringLiteral("Déplacer mon rendez-vous"));
    out.setHeader("Cache-Control", "private, no-store");
    return out;
}

HttpResponse move(BookingSite &site, const PageRenderer &pages, const HttpRequest &r)
{
    pages.requireCsrf(r);
    const Found f = byUsagerToken(site, r);
    const Actor actor = usagerActor(r);
    const QUrlQuery form(QString::fromUtf8(r.body));
    bool ok = false;
    const qint64 start = form.queryItemValue(QStringLiteral("debut")).toLongLong(&ok);
    if (!ok || start <= 0)
        throw HttpError(400, QStringLiteral("Aucun créneau choisi : revenez à la liste."));
    // Same lieu: the usager changes the time, not where (a prescriber chose it with them).
    const BookingOutcome out = site.booking().move(f.rdv.id, actor, start, f.rdv.lieuId);
    const QString self = slugPath(f.org) + QStringLiteral("/mon-rdv/") + actor.usagerToken;
    // Taken meanwhile (or outside the motif's delays by now): back to the list, said plainly.
    if (out.error == BookingError::CreneauTaken || out.error == BookingError::Invalid)
        return HttpResponse::redirect(self + QStringLiteral("/deplacer?pris=1"));
    if (out.error == BookingError::TooLate)
        return PageRenderer::message(409, QStringLiteral("Déplacement impossible"),
                                     QStringLiteral("Il est trop tard pour déplacer ce rendez-vous "
                                                    "en ligne : contactez ") +
                                         f.org.name + QLatin1Char('.'));
    if (!out.ok())
        return PageRenderer::message(out.error == BookingError::Forbidden ? 403 : 409,
                                     QStringLiteral("Déplacement impossible"), out.message);
    return HttpResponse::redirect(self + QStringLiteral("?deplace=1"));
}

} // namespace

// The same event as the e-mails' (UID, SEQUENCE, ORGANIZER), as the reader may see it.
QByteArray recapCalendar(Store &store, const Organisation &org, const Rdv &rdv,
                         ical::Audience audience, const QString &mailFrom, qint64 now)
{
    auto e = ical::rdvEvent(store, rdv, audience);
    if (!e)
        return {};
    e->organizer = ical::organizer(org, mailFrom);
    ical::Calendar cal;
    cal.method = ical::Method::Publish;
    cal.domain = ical::calendarDomain(store);
    cal.timeZone = org.timeZone;
    cal.stamp = now;
    cal.events << *e;
    return ical::write(cal);
}

void addRecapPageRoutes(Router &router, BookingSite &site, const PageRenderer &pages,
                        const QString &mailFrom)
{
    router.get(QStringLiteral("/rdv/{slug}/recapitulatif/{token}"), Auth::None,
               [&site, &pages](HttpRequest &r) {
                   const Found f = byRecapToken(site, r);
                   return recap(site, pages, r, f, r.path, false);
               });
    router.get(QStringLiteral("/rdv/{slug}/recapitulatif/{token}/rdv.ics"), Auth::None,
               [&site, mailFrom](HttpRequest &r) {
                   return ics(site, byRecapToken(site, r), ical::Audience::Prescripteur, mailFrom);
               });
    router.get(QStringLiteral("/rdv/{slug}/mon-rdv/{token}"), Auth::None,
               [&site, &pages](HttpRequest &r) {
                   const Found f = byUsagerToken(site, r);
                   return recap(site, pages, r, f, r.path, true);
               });
    router.get(QStringLiteral("/rdv/{slug}/mon-rdv/{token}/rdv.ics"), Auth::None,
               [&site, mailFrom](HttpRequest &r) {
                   return ics(site, byUsagerToken(site, r), ical::Audience::Usager, mailFrom);
               });
    router.post(QStringLiteral("/rdv/{slug}/mon-rdv/{token}/annuler"), Auth::None,
                [&site, &pages](HttpRequest &r) { return cancel(site, pages, r); });
    router.get(QStringLiteral("/rdv/{slug}/mon-rdv/{token}/deplacer"), Auth::None,
               [&site, &pages](HttpRequest &r) { return movePage(site, pages, r); });
    router.post(QStringLiteral("/rdv/{slug}/mon-rdv/{token}/deplacer"), Auth::None,
                [&site, &pages](HttpRequest &r) { return move(site, pages, r); });
}

} // namespace creneau::server
