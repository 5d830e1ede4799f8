// Renders a page template inside the common layout, with the CSRF token every form needs.
#pragma once

#include "sync/server/csrf.h"
#include "sync/server/httptypes.h"

#include <QVariantMap>

namespace creneau::server {

class PageRenderer
{
public:
    explicit PageRenderer(const Csrf &csrf) : m_csrf(csrf) {}

    // `page` is a file of resources/web; `vars` its values; `title` the window title.
    HttpResponse render(const HttpRequest &request, const QString &page, QVariantMap vars,
                        const QString &title, int status = 200) const;
    // Gives the browser its CSRF cookie on a page served from a cache.
    void ensureCookie(const HttpRequest &request, HttpResponse &response) const
    {
        m_csrf.token(request, response);
    }
    // A page saying one thing (errors, "not found"...), no form.
    static HttpResponse message(int status, const QString &title, const QString &text);
    // Throws HttpError 403 unless the form carries a valid token.
    void requireCsrf(const HttpRequest &request) const;

private:
    const Csrf &m_csrf;
};

} // namespace creneau::server
