// A password as a command carries it: the clear text, which the rules check, and the Argon2id
// work on it (hashing a new one, verifying a current one against the stored hash), which costs
// tens of milliseconds of CPU. prepare() and prepareCheck() do that work ahead, outside any
// write transaction, so that no writer waits on a hash; without them it is done when asked.
#pragma once

#include <QString>

namespace creneau {

class PasswordInput
{
public:
    PasswordInput() = default;
    // Implicit: a caller holding a clear password passes it as it is.
    PasswordInput(QString clear) : m_clear(std::move(clear)) {}
    PasswordInput(const char *) = delete; // a literal password is a mistake, not an input

    const QString &clear() const { return m_clear; }
    bool isEmpty() const { return m_clear.isEmpty(); }

    // Hashes now (nothing when empty).
    void prepare();
    // Verifies now against `storedHash`, as matches() will be asked.
    void prepareCheck(const QString &storedHash);

    // The Argon2id hash of the clear text; empty when it is empty.
    QString hash() const;
    // Whether the clear text is the password `storedHash` was made from (false when either is
    // empty). Uses the prepared answer when it was prepared against the same hash.
    bool matches(const QString &storedHash) const;

private:
    QString m_clear;
    mutable QString m_hash;
    mutable QString m_checkedAgainst;
    mutable bool m_checkResult = false;
};

} // namespace creneau
