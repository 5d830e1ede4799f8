#include "sync/server/pagerenderer.h"

#include "models/frenchformat.h"

#include "sync/server/flowstate.h"
#include "sync/server/htmltemplate.h"

namespace creneau::server {

namespace {
HttpResponse inLayout(const QString &content, const QVariantMap &vars, const QString &title,
                      int status)
{
    QVariantMap layout = vars;
    layout[QStringLiteral("content")] = content;
    layout[QStringLiteral("title")] = fr::typography(title);
    const QString html = HtmlTemplate::fromResource(QStringLiteral("layout.html")).render(layout);
    return HttpResponse::html(html.toUtf8(), status);
}
} // namespace

HttpResponse PageRenderer::render(const HttpRequest &request, const QString &page, QVariantMap vars,
                                  const QString &title, int status) const
{
    HttpResponse response;
    vars[QStringLiteral("csrf")] = m_csrf.token(request, response);
    const QString content = HtmlTemplate::fromResource(page).render(vars);
    HttpResponse out = inLayout(content, vars, title, status);
    for (const auto &h : std::as_const(response.headers))
        out.addHeader(h.first, h.second);
    return out;
}

HttpResponse PageRenderer::message(int status, const QString &title, const QString &text)
{
    // Messages come from the domain's translations: French punctuation added here.
    const QVariantMap vars{{QStringLiteral("heading"), fr::typography(title)},
                           {QStringLiteral("text"), fr::typography(text)}};
    const QString content = HtmlTemplate::fromResource(QStringLiteral("message.html")).render(vars);
    return inLayout(content, vars, title, status);
}

void PageRenderer::requireCsrf(const HttpRequest &request) const
{
    // Defence in depth: a browser posting from another site says so in Origin.
    const QByteArray origin = request.header("origin");
    const QByteArray host = request.header("host");
    if (!origin.isEmpty() && !host.isEmpty() && origin != "http://" + host &&
        origin != "https://" + host)
        throw HttpError(403,
                        QStringLiteral("Ce formulaire ne peut être envoyé que depuis ce site."));
    const QString token =
        FlowState::parseForm(request.body).queryItemValue(QLatin1String(Csrf::kField));
    if (!m_csrf.check(request, token))
        throw HttpError(403, QStringLiteral("Le formulaire a expiré ou ne vient pas de ce site. "
                                            "Revenez à la page précédente, rechargez-la et "
                                            "recommencez."));
}

} // namespace creneau::server
