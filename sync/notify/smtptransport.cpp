#include "sync/notify/smtptransport.h"

#include <QPointer>
#include <QUrl>

#include <curl/curl.h>

#include <cstring>
#include <mutex>

namespace creneau::notify {

namespace {

struct Upload
{
    const QByteArray *bytes;
    qsizetype offset = 0;
};

size_t readChunk(char *buffer, size_t size, size_t count, void *userdata)
{
    auto *u = static_cast<Upload *>(userdata);
    const size_t room = size * count;
    const size_t left = size_t(u->bytes->size() - u->offset);
    const size_t n = left < room ? left : room;
    std::memcpy(buffer, u->bytes->constData() + u->offset, n);
    u->offset += qsizetype(n);
    return n;
}

// Never show a password in an error that ends up in the database.
QString redacted(const QString &url)
{
    QUrl u(url);
    u.setPassword(QString());
    return u.toString(QUrl::RemoveUserInfo);
}

} // namespace

SmtpTransport::SmtpTransport(QString url, MailAddress from, QObject *parent)
    : Transport(parent), m_url(std::move(url)), m_from(std::move(from))
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_pool.setMaxThreadCount(2);
}

SmtpTransport::~SmtpTransport()
{
    // No transfer may outlive the object it reports to.
    m_pool.waitForDone();
}

DeliveryResult SmtpTransport::send(const QString &url, const QString &from, const QString &to,
                                   const QByteArray &bytes, int timeoutSecs)
{
    CURL *curl = curl_easy_init();
    if (!curl)
        return {false, QStringLiteral("curl_easy_init failed")};
    char error[CURL_ERROR_SIZE] = {};
    const QByteArray urlBytes = url.toUtf8();
    const QByteArray fromBytes = '<' + cleanAddress(from).toLatin1() + '>';
    const QByteArray toBytes = '<' + cleanAddress(to).toLatin1() + '>';
    curl_slist *recipients = curl_slist_append(nullptr, toBytes.constData());
    Upload upload{&bytes};
    curl_easy_setopt(curl, CURLOPT_URL, urlBytes.constData());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    // With credentials, STARTTLS is required: a man in the middle who strips it must not get
    // the password in clear. Without, a relay that cannot do TLS still gets the message.
    if (url.startsWith(QLatin1String("smtp://"), Qt::CaseInsensitive))
        curl_easy_setopt(curl, CURLOPT_USE_SSL,
                         long(QUrl(url).userInfo().isEmpty() ? CURLUSESSL_TRY : CURLUSESSL_ALL));
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, fromBytes.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readChunk);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, curl_off_t(bytes.size()));
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 15L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, long(timeoutSecs));
    const CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (code == CURLE_OK)
        return {true, {}};
    return {false, QStringLiteral("%1 (%2): %3")
                       .arg(QString::fromUtf8(curl_easy_strerror(code)))
                       .arg(int(code))
                       .arg(QString::fromUtf8(error).trimmed() + QLatin1Char(' ') + redacted(url))};
}

void SmtpTransport::deliver(const OutboxMessage &message, const QDateTime &now, Done done)
{
    const QByteArray bytes = emailBytes(message, m_from, now);
    const QString url = m_url;
    const QString from = m_from.address;
    const QString to = message.recipient;
    const int timeout = m_timeoutSecs;
    m_pool.start([this, url, from, to, bytes, timeout, done = std::move(done)] {
        const DeliveryResult result = send(url, from, to, bytes, timeout);
        QMetaObject::invokeMethod(
            this, [done, result] { done(result); }, Qt::QueuedConnection);
    });
}

} // namespace creneau::notify
