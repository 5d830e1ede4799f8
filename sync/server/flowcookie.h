// The booking flow between two pages, for Post/Redirect/Get: each step's form is posted, the
// server answers 303 to a GET of the next step, which reads what was typed from this cookie. So
// Back and Reload never post a form again, and no personal data travels in a URL. The cookie is
// encrypted and authenticated with a key derived from the server's secret (libsodium secretbox):
// unreadable where the browser keeps it, and refused when changed or older than its lifetime.
#pragma once

#include "sync/server/flowstate.h"
#include "sync/server/httptypes.h"
#include "sync/server/serversecret.h"

#include <optional>

namespace creneau::server {

class FlowCookie
{
public:
    static constexpr int kLifetimeSecs = 2 * 3600;
    // Above this the browser may refuse the cookie: the step is answered directly instead.
    static constexpr int kMaxCookieBytes = 3800;

    explicit FlowCookie(const ServerSecret &secret);

    struct Content
    {
        FlowState state;
        // Once booked: the page that shows it (recap or the usager's own page), so that Back to
        // a step says « already confirmed » rather than offering to book again.
        QString done;
    };

    // The Set-Cookie value holding `content`; empty when it would be too large.
    QByteArray setCookie(const Content &content, qint64 now, bool secure) const;
    // The content of the request's cookie; nullopt when absent, damaged, changed or expired.
    std::optional<Content> read(const HttpRequest &request, qint64 now) const;
    // Decoding alone, for tests: the cookie's value (after « name= »).
    std::optional<Content> decode(const QByteArray &value, qint64 now) const;

    static QString name();

private:
    QByteArray m_key;
};

} // namespace creneau::server
