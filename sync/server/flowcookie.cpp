#include "sync/server/flowcookie.h"

#include <QUrl>
#include <QUrlQuery>

#include <sodium.h>

namespace creneau::server {

namespace {
constexpr char kName[] = "creneau_flow";
} // namespace

QString FlowCookie::name()
{
    return QString::fromLatin1(kName);
}

FlowCookie::FlowCookie(const ServerSecret &secret)
    // A key of its own: the HMAC of a fixed label, so the secret itself never encrypts.
    : m_key(QByteArray::fromHex(secret.sign("creneau booking flow cookie v1")))
{
    Q_ASSERT(m_key.size() == crypto_secretbox_KEYBYTES);
}

QByteArray FlowCookie::setCookie(const Content &content, qint64 now, bool secure) const
{
    if (sodium_init() < 0)
        return {};
    // Encoded as the browser encodes a form, and read back the same way (FlowState::fromForm).
    QByteArray plain = "t=" + QByteArray::number(now);
    if (!content.done.isEmpty())
        plain += "&fait=" + QUrl::toPercentEncoding(content.done);
    for (const QVariant &v : content.state.hidden()) {
        const QVariantMap f = v.toMap();
        plain += '&' + QUrl::toPercentEncoding(f.value(QStringLiteral("name")).toString()) + '=' +
                 QUrl::toPercentEncoding(f.value(QStringLiteral("value")).toString());
    }
    QByteArray box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), '\0');
    auto *nonce = reinterpret_cast<unsigned char *>(box.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char *>(plain.constData()),
                          quint64(plain.size()), nonce,
                          reinterpret_cast<const unsigned char *>(m_key.constData()));
    const QByteArray cookie =
        QByteArray(kName) + '=' +
        box.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) +
        "; Path=/rdv; Max-Age=" + QByteArray::number(kLifetimeSecs) + "; HttpOnly; SameSite=Lax" +
        (secure ? "; Secure" : "");
    return cookie.size() > kMaxCookieBytes ? QByteArray() : cookie;
}

std::optional<FlowCookie::Content> FlowCookie::decode(const QByteArray &value, qint64 now) const
{
    if (sodium_init() < 0 || value.isEmpty() || value.size() > kMaxCookieBytes)
        return std::nullopt;
    const QByteArray box = QByteArray::fromBase64(value, QByteArray::Base64UrlEncoding |
                                                             QByteArray::OmitTrailingEquals);
    const int overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
    if (box.size() < overhead)
        return std::nullopt;
    QByteArray plain(box.size() - overhead, '\0');
    const auto *nonce = reinterpret_cast<const unsigned char *>(box.constData());
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(plain.data()),
                                   nonce + crypto_secretbox_NONCEBYTES,
                                   quint64(box.size() - crypto_secretbox_NONCEBYTES), nonce,
                                   reinterpret_cast<const unsigned char *>(m_key.constData())) != 0)
        return std::nullopt;
    const QUrlQuery q = FlowState::parseForm(plain);
    bool ok = false;
    const qint64 issued = q.queryItemValue(QStringLiteral("t")).toLongLong(&ok);
    if (!ok || issued > now + 60 || now - issued > kLifetimeSecs)
        return std::nullopt;
    return Content{FlowState::fromForm(plain),
                   q.queryItemValue(QStringLiteral("fait"), QUrl::FullyDecoded)};
}

std::optional<FlowCookie::Content> FlowCookie::read(const HttpRequest &request, qint64 now) const
{
    return decode(request.cookie(name()).toLatin1(), now);
}

} // namespace creneau::server
