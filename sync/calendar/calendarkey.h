// The key that seals agents' CalDAV passwords at rest (libsodium crypto_secretbox), kept in the
// data directory next to server.key so that a copy of the database alone reveals nothing.
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace creneau::calendar {

class CalendarKey
{
public:
    // Reads DIR/calendar.key (created owner-only when missing; see InstallationKeys, which the
    // server uses instead); an empty dir gives a key that lives as long as the
    // process.
    static CalendarKey load(const QString &dataDir);
    static CalendarKey random();
    // From its base64 text (InstallationKeys::calendar); nullopt when it is not a key.
    static std::optional<CalendarKey> fromBase64(const QByteArray &text);

    // base64(nonce || ciphertext); a fresh nonce each time.
    QString seal(const QString &plain) const;
    // nullopt when the text was not sealed with this key (or is damaged).
    std::optional<QString> open(const QString &sealed) const;

private:
    explicit CalendarKey(QByteArray key) : m_key(std::move(key)) {}
    QByteArray m_key; // crypto_secretbox_KEYBYTES raw bytes
};

} // namespace creneau::calendar
