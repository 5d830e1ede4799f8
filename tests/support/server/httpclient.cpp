#include "httpclient.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>

namespace creneau::test {

Reply HttpClient::wait(QNetworkReply *reply)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &h : reply->rawHeaderPairs())
        r.headers.insert(h.first.toLower(), h.second);
    r.body = reply->readAll();
    reply->deleteLater();
    return r;
}

Reply HttpClient::get(const QString &path)
{
    QNetworkRequest request(QUrl(m_base + path));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return wait(m_manager.get(request));
}

Reply HttpClient::post(const QString &path, const QByteArray &body, const QByteArray &contentType)
{
    QNetworkRequest request(QUrl(m_base + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return wait(m_manager.post(request, body));
}

Reply HttpClient::postForm(const QString &path, const QList<QPair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &f : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(f.first) + '=' + QUrl::toPercentEncoding(f.second);
    }
    return post(path, body, "application/x-www-form-urlencoded");
}

QString unescape(const QString &html)
{
    QString s = html;
    s.replace(QLatin1String("&lt;"), QLatin1String("<"));
    s.replace(QLatin1String("&gt;"), QLatin1String(">"));
    s.replace(QLatin1String("&quot;"), QLatin1String("\""));
    s.replace(QLatin1String("&#39;"), QLatin1String("'"));
    s.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return s;
}

QList<QPair<QString, QString>> hiddenFields(const QString &html, const QString &action)
{
    QList<QPair<QString, QString>> out;
    const qsizetype start = html.indexOf(QStringLiteral("action=\"") + action + QLatin1Char('"'));
    if (start < 0)
        return out;
    const qsizetype end = html.indexOf(QLatin1String("</form>"), start);
    const QString form = html.mid(start, end - start);
    static const QRegularExpression input(
        QStringLiteral("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">"));
    for (auto it = input.globalMatch(form); it.hasNext();) {
        const auto m = it.next();
        out.append({unescape(m.captured(1)), unescape(m.captured(2))});
    }
    return out;
}

QString findLink(const QString &html, const QString &contains)
{
    static const QRegularExpression href(QStringLiteral("href=\"([^\"]*)\""));
    for (auto it = href.globalMatch(html); it.hasNext();) {
        const QString link = unescape(it.next().captured(1));
        if (link.contains(contains))
            return link;
    }
    return {};
}

} // namespace creneau::test
