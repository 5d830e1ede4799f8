#include "recappages.h"

#include "calendardomain.h"
#include "formatting.h"
#include "rdvrecap.h"
#include "rdvrepository.h"
#include "secrets.h"

namespace creneau::http {

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

HttpResponse recap(BookingSite &site, const PageRenderer &pages, const HttpRequest &r,
                   const Found &f, const QString &self, bool usagerPage)
{
    QVariantMap v = rdvRecap(site, f.org, f.rdv, f.usager);
    v[QStringLiteral("ics_url")] = self + QStringLiteral("/rdv.ics");
    v[QStringLiteral("base")] = slugPath(f.org);
    v[QStringLiteral("usager_page")] = usagerPage;
    if (usagerPage && f.rdv.status != RdvStatus::Revoked) {
        const qint64 limit = f.rdv.startsAt - qint64(f.org.usagerCancelHours) * 3600;
        if (site.clock().nowSecs() < limit)
            v[QStringLiteral("cancel_url")] = self + QStringLiteral("/annuler");
        else
            v[QStringLiteral("too_late")] = true;
    }
    v[QStringLiteral("cancelled_now")] =
        r.queryValue(QStringLiteral("annule")) == QLatin1String("1");
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
    router.get(QStringLiteral("/rdv/{slug}/recapitulatif/{token}"),
               [&site, &pages](HttpRequest &r) {
                   const Found f = byRecapToken(site, r);
                   return recap(site, pages, r, f, r.path, false);
               });
    router.get(QStringLiteral("/rdv/{slug}/recapitulatif/{token}/rdv.ics"),
               [&site, mailFrom](HttpRequest &r) {
                   return ics(site, byRecapToken(site, r), ical::Audience::Prescripteur, mailFrom);
               });
    router.get(QStringLiteral("/rdv/{slug}/mon-rdv/{token}"), [&site, &pages](HttpRequest &r) {
        const Found f = byUsagerToken(site, r);
        return recap(site, pages, r, f, r.path, true);
    });
    router.get(QStringLiteral("/rdv/{slug}/mon-rdv/{token}/rdv.ics"),
               [&site, mailFrom](HttpRequest &r) {
                   return ics(site, byUsagerToken(site, r), ical::Audience::Usager, mailFrom);
               });
    router.post(QStringLiteral("/rdv/{slug}/mon-rdv/{token}/annuler"),
                [&site, &pages](HttpRequest &r) { return cancel(site, pages, r); });
}

} // namespace creneau::http
