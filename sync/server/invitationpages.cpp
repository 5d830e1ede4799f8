#include "sync/server/invitationpages.h"

#include "models/organisationservice.h"
#include "sync/server/flowstate.h"

namespace creneau::server {

namespace {

HttpResponse gone()
{
    return PageRenderer::message(404, QStringLiteral("Invitation introuvable"),
                                 QStringLiteral("Ce lien n'est plus valable : il a déjà servi ou "
                                                "a expiré. Demandez une nouvelle invitation à "
                                                "l'administrateur de votre organisation."));
}

HttpResponse form(BookingSite &site, const PageRenderer &pages, const HttpRequest &r,
                  const Agent &agent, const QString &passwordError, const QString &confirmError)
{
    QVariantMap v;
    const auto org = site.catalog().organisation(agent.organisationId);
    v[QStringLiteral("organisation")] = org ? org->name : QString();
    v[QStringLiteral("agent")] = agent.fullName();
    v[QStringLiteral("email")] = agent.email;
    v[QStringLiteral("action")] = r.path;
    QVariantList errors;
    if (!passwordError.isEmpty()) {
        v[QStringLiteral("password_error")] = passwordError;
        errors << QVariantMap{{QStringLiteral("id"), QStringLiteral("password")},
                              {QStringLiteral("message"), passwordError}};
    }
    if (!confirmError.isEmpty()) {
        v[QStringLiteral("confirm_error")] = confirmError;
        errors << QVariantMap{{QStringLiteral("id"), QStringLiteral("confirm")},
                              {QStringLiteral("message"), confirmError}};
    }
    v[QStringLiteral("has_errors")] = !errors.isEmpty();
    v[QStringLiteral("errors")] = errors;
    HttpResponse out =
        pages.render(r, QStringLiteral("invitation.html"), v,
                     QStringLiteral("Choisir votre mot de passe"), errors.isEmpty() ? 200 : 422);
    out.setHeader("Cache-Control", "private, no-store");
    // The token is in the path: no Referer to other sites.
    out.setHeader("Referrer-Policy", "no-referrer");
    return out;
}

// The rules' messages are English source strings translated at run time; the page is French
// whatever the server's locale, so its own words are used for the known cases.
QString frenchPasswordError(const QString &password)
{
    FieldErrors e;
    OrganisationService::checkPassword(e, QStringLiteral("password"), password);
    if (e.isEmpty())
        return {};
    if (password.size() < OrganisationService::kMinPasswordLength)
        return QStringLiteral("Le mot de passe doit compter au moins 12 caractères.");
    if (password.size() > 1024)
        return QStringLiteral("Le mot de passe compte au plus 1024 caractères.");
    return QStringLiteral("Ce mot de passe fait partie des plus courants : choisissez-en un "
                          "autre.");
}

} // namespace

void addInvitationPageRoutes(Router &router, BookingSite &site, const PageRenderer &pages)
{
    router.get(QStringLiteral("/invitation/{token}"), Auth::None, [&site, &pages](HttpRequest &r) {
        const auto agent =
            OrganisationService(site.store(), site.clock()).invitedAgent(r.param("token"));
        if (!agent)
            return gone();
        return form(site, pages, r, *agent, {}, {});
    });
    router.post(QStringLiteral("/invitation/{token}"), Auth::None, [&site, &pages](HttpRequest &r) {
        pages.requireCsrf(r);
        OrganisationService service(site.store(), site.clock());
        const QString token = r.param(QStringLiteral("token"));
        const auto agent = service.invitedAgent(token);
        if (!agent)
            return gone();
        const QUrlQuery f = FlowState::parseForm(r.body);
        const QString password = f.queryItemValue(QStringLiteral("password"), QUrl::FullyDecoded);
        const QString confirm = f.queryItemValue(QStringLiteral("confirm"), QUrl::FullyDecoded);
        const QString passwordError = frenchPasswordError(password);
        const QString confirmError =
            passwordError.isEmpty() && confirm != password
                ? QStringLiteral("Les deux mots de passe ne sont pas identiques.")
                : QString();
        if (!passwordError.isEmpty() || !confirmError.isEmpty())
            return form(site, pages, r, *agent, passwordError, confirmError);
        const AdminOutcome out = service.acceptInvitation(token, password);
        if (out.error == AdminError::NotFound)
            return gone();
        if (!out.ok())
            return form(site, pages, r, *agent, frenchPasswordError(password), {});
        HttpResponse done = PageRenderer::message(
            200, QStringLiteral("Mot de passe enregistré"),
            QStringLiteral("Votre mot de passe est enregistré. Connectez-vous à Créneau avec "
                           "votre adresse e-mail ") +
                agent->email + QStringLiteral(" et ce mot de passe."));
        done.setHeader("Cache-Control", "private, no-store");
        return done;
    });
}

} // namespace creneau::server
