#include "sync/calendar/calendarkey.h"

#include "models/keyfile.h"

#include <QDir>

#include <sodium.h>

namespace creneau::calendar {

CalendarKey CalendarKey::random()
{
    if (sodium_init() < 0)
        qFatal("libsodium cannot start");
    QByteArray key(crypto_secretbox_KEYBYTES, Qt::Uninitialized);
    crypto_secretbox_keygen(reinterpret_cast<unsigned char *>(key.data()));
    return CalendarKey(key);
}

namespace {

secrets::KeyFile keyFile(const QString &dataDir)
{
    return secrets::loadOrCreateKeyFile(
        QDir(dataDir).filePath(QStringLiteral("calendar.key")),
        [] {
            QByteArray key(crypto_secretbox_KEYBYTES, Qt::Uninitialized);
            crypto_secretbox_keygen(reinterpret_cast<unsigned char *>(key.data()));
            return key.toBase64();
        },
        [](const QByteArray &text) {
            return QByteArray::fromBase64(text).size() == crypto_secretbox_KEYBYTES;
        });
}

} // namespace

CalendarKey CalendarKey::load(const QString &dataDir)
{
    if (dataDir.isEmpty())
        return random();
    if (sodium_init() < 0)
        qFatal("libsodium cannot start");
    const secrets::KeyFile file = keyFile(dataDir);
    if (!file.ok()) {
        // A file that cannot be used: what is sealed now will not outlive the process.
        qWarning("%s", qPrintable(file.error));
        return random();
    }
    return CalendarKey(QByteArray::fromBase64(file.contents));
}

std::optional<CalendarKey> CalendarKey::fromBase64(const QByteArray &text)
{
    if (sodium_init() < 0)
        qFatal("libsodium cannot start");
    const QByteArray key = QByteArray::fromBase64(text);
    if (key.size() != crypto_secretbox_KEYBYTES)
        return std::nullopt;
    return CalendarKey(key);
}

QString CalendarKey::seal(const QString &plain) const
{
    const QByteArray message = plain.toUtf8();
    QByteArray out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + message.size(),
                   Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char *>(message.constData()),
                          quint64(message.size()), nonce,
                          reinterpret_cast<const unsigned char *>(m_key.constData()));
    return QString::fromLatin1(out.toBase64());
}

std::optional<QString> CalendarKey::open(const QString &sealed) const
{
    const QByteArray in = QByteArray::fromBase64(sealed.toLatin1());
    const qsizetype overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
    if (in.size() < overhead)
        return std::nullopt;
    QByteArray plain(in.size() - overhead, Qt::Uninitialized);
    const auto *nonce = reinterpret_cast<const unsigned char *>(in.constData());
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(plain.data()),
                                   nonce + crypto_secretbox_NONCEBYTES,
                                   quint64(in.size() - crypto_secretbox_NONCEBYTES), nonce,
                                   reinterpret_cast<const unsigned char *>(m_key.constData())) != 0)
        return std::nullopt;
    return QString::fromUtf8(plain);
}

} // namespace creneau::calendar
