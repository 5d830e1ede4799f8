// A blocking HTTP client for tests, with a cookie jar like one browser's.
#pragma once

#include <QByteArray>
#include <QMap>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrlQuery>

namespace creneau::test {

struct Reply
{
    int status = 0;
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QString text() const { return QString::fromUtf8(body); }
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

class HttpClient
{
public:
    explicit HttpClient(QString base) : m_base(std::move(base)) {}
    Reply get(const QString &path);
    Reply post(const QString &path, const QByteArray &body, const QByteArray &contentType);
    Reply postForm(const QString &path, const QList<QPair<QString, QString>> &fields);
    Reply postJson(const QString &path, const QByteArray &json)
    {
        return post(path, json, "application/json");
    }
    QNetworkAccessManager &manager() { return m_manager; }
    static Reply wait(QNetworkReply *reply);

private:
    QString m_base;
    QNetworkAccessManager m_manager;
};

// Every <input type="hidden"> of the first form whose action is `action`, plus csrf.
QList<QPair<QString, QString>> hiddenFields(const QString &html, const QString &action);
// The first href matching `contains`, with entities decoded.
QString findLink(const QString &html, const QString &contains);
QString unescape(const QString &html);

} // namespace creneau::test
