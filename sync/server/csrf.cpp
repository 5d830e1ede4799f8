#include "sync/server/csrf.h"

#include "models/secrets.h"

namespace creneau::server {

namespace {
const QString kCookie = QStringLiteral("creneau_csrf");

bool plausibleCookie(const QString &value)
{
    if (value.size() < 22 || value.size() > 64)
        return false;
    for (const QChar c : value)
        if (!(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_')))
            return false;
    return true;
}
} // namespace

QString Csrf::token(const HttpRequest &request, HttpResponse &response) const
{
    QString cookie = request.cookie(kCookie);
    if (!plausibleCookie(cookie)) {
        cookie = secrets::randomToken(24);
        response.addHeader("Set-Cookie", (kCookie + QLatin1Char('=') + cookie).toLatin1() +
                                             "; Path=/; HttpOnly; SameSite=Lax" +
                                             (m_secure ? "; Secure" : ""));
    }
    return QString::fromLatin1(m_secret.sign("csrf:" + cookie.toLatin1()));
}

bool Csrf::check(const HttpRequest &request, const QString &formToken) const
{
    const QString cookie = request.cookie(kCookie);
    if (!plausibleCookie(cookie) || formToken.isEmpty())
        return false;
    return m_secret.verify("csrf:" + cookie.toLatin1(), formToken.toLatin1());
}

} // namespace creneau::server
