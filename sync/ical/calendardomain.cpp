#include "sync/ical/calendardomain.h"

#include "models/sql.h"

#include <sodium.h>

namespace creneau::ical {

namespace {

QString stored(Store &store)
{
    return sql::scalar(store.db(),
                       QStringLiteral("SELECT calendar_domain FROM installation WHERE id = 1"))
        .toString();
}

// 80 random bits in lower-case hex: a valid domain label, unique per installation.
QString newDomain()
{
    unsigned char bytes[10];
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return QString::fromLatin1(hex) + QStringLiteral(".creneau");
}

} // namespace

QString calendarDomain(Store &store)
{
    QString domain = stored(store);
    if (!domain.isEmpty())
        return domain;
    if (sodium_init() < 0)
        throw StoreError(QStringLiteral("libsodium could not start"));
    WriteTransaction tx(store);
    sql::run(store.db(),
             QStringLiteral("INSERT INTO installation (id, calendar_domain) VALUES (1, ?) "
                            "ON CONFLICT (id) DO NOTHING"),
             {newDomain()});
    tx.commit();
    return stored(store);
}

} // namespace creneau::ical
