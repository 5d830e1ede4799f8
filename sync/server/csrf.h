// CSRF protection of the HTML forms: a random per-browser cookie (HttpOnly, SameSite=Lax) and, in
// every form, its HMAC under the server's key. A cross-site page can neither read nor forge it.
#pragma once

#include "sync/server/httptypes.h"
#include "sync/server/serversecret.h"

namespace creneau::server {

class Csrf
{
public:
    static constexpr char kField[] = "csrf";

    explicit Csrf(const ServerSecret &secret) : m_secret(secret) {}
    // The cookie gets « Secure » when the public URL is https.
    void setSecure(bool secure) { m_secure = secure; }
    // The token to put in forms; sets the cookie on `response` when the browser has none yet.
    QString token(const HttpRequest &request, HttpResponse &response) const;
    bool check(const HttpRequest &request, const QString &formToken) const;

private:
    const ServerSecret &m_secret;
    bool m_secure = false;
};

} // namespace creneau::server
