// Unguessable tokens and password hashes, from libsodium.
#pragma once

#include <QString>

namespace creneau::secrets {

// `bytes` random bytes (at least 16, i.e. 128 bits) as URL-safe base64 without padding.
QString randomToken(int bytes = 24);
// A keyed-free BLAKE2b digest in hex: tokens are stored only as this.
QString tokenHash(const QString &token);
// Argon2id, interactive limits; the result embeds its parameters and salt.
QString hashPassword(const QString &password);
bool verifyPassword(const QString &hash, const QString &password);
// Compares without leaking where the first difference is.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace creneau::secrets
