#include "models/passwordinput.h"

#include "models/secrets.h"

namespace creneau {

void PasswordInput::prepare()
{
    hash();
}

void PasswordInput::prepareCheck(const QString &storedHash)
{
    matches(storedHash);
}

QString PasswordInput::hash() const
{
    if (m_hash.isEmpty() && !m_clear.isEmpty())
        m_hash = secrets::hashPassword(m_clear);
    return m_hash;
}

bool PasswordInput::matches(const QString &storedHash) const
{
    if (storedHash.isEmpty() || m_clear.isEmpty())
        return false;
    if (storedHash != m_checkedAgainst) {
        m_checkResult = secrets::verifyPassword(storedHash, m_clear);
        m_checkedAgainst = storedHash;
    }
    return m_checkResult;
}

} // namespace creneau
