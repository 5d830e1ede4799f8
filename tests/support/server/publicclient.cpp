#include "publicclient.h"

#include "mailparser.h"

#include <QDir>
#include <QNetworkReply>
#include <QRegularExpression>

namespace creneau::test {

Reply PublicClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                         const QByteArray &contentType)
{
    QNetworkRequest request(QUrl(m_base + path));
    request.setRawHeader("X-Forwarded-For", m_address);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (!cookies.isEmpty())
        request.setRawHeader("Cookie", cookies);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkAccessManager &m = m_http.manager();
    return HttpClient::wait(method == "GET" ? m.get(request) : m.post(request, body));
}

Reply PublicClient::get(const QString &path)
{
    return send("GET", path, {}, {});
}

Reply PublicClient::postJson(const QString &path, const QByteArray &json)
{
    return send("POST", path, json, "application/json");
}

Reply PublicClient::postForm(const QString &path, const QList<QPair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &f : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(f.first) + '=' + QUrl::toPercentEncoding(f.second);
    }
    return send("POST", path, body, "application/x-www-form-urlencoded");
}

QList<OutboxFile> outboxFiles(const QString &dataDir)
{
    QList<OutboxFile> out;
    const QDir dir(QDir(dataDir).filePath(QStringLiteral("outbox")));
    for (const QFileInfo &info : dir.entryInfoList(
             {QStringLiteral("*.eml"), QStringLiteral("*.sms")}, QDir::Files, QDir::Name)) {
        QFile f(info.filePath());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        OutboxFile file;
        file.name = info.fileName();
        file.bytes = f.readAll();
        if (info.suffix() == QLatin1String("sms")) {
            const QString text = QString::fromUtf8(file.bytes);
            file.recipient = text.section(QLatin1Char('\n'), 0, 0).mid(4).trimmed();
            file.text = text.section(QLatin1Char('\n'), 2);
        } else {
            const ParsedMail mail = parseMail(file.bytes);
            static const QRegularExpression angle(QStringLiteral("<([^>]+)>"));
            const QString to = mail.header("To");
            const auto m = angle.match(to);
            file.recipient = m.hasMatch() ? m.captured(1) : to.trimmed();
            file.text = mail.header("Subject") + QLatin1Char('\n') + mail.text + QLatin1Char('\n') +
                        mail.html + QLatin1Char('\n') + QString::fromUtf8(mail.ics);
        }
        out << file;
    }
    return out;
}

} // namespace creneau::test
