// The system keychain (Secret Service or KWallet, through QtKeychain), used synchronously: the
// calls are rare (sign-in, start, sign-out). Each gives up after a few seconds, so a desktop
// without any keychain service falls back quickly instead of waiting.
#pragma once

#include <QString>

#include <optional>

namespace creneau::client::keychain {

// False when CRENEAU_KEYCHAIN=off (tests, kiosks).
bool enabled();
bool write(const QString &key, const QString &secret);
std::optional<QString> read(const QString &key);
void remove(const QString &key);

} // namespace creneau::client::keychain
