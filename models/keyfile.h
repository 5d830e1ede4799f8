// Key files at rest: created owner-only and never replaced, refused when other users may read them
// or when they hold no key, so that a sealed secret is never lost silently nor exposed.
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace creneau::secrets {

struct KeyFile
{
    QByteArray contents; // trimmed; empty on error
    QString error;       // for the operator, names the file and what to do; empty when usable
    bool ok() const { return error.isEmpty(); }
};

// Reads `path`, or creates it with `make()` (mode 0600, exclusive create, flushed to disk) when
// it does not exist. An existing file that is readable by group or others, or whose contents
// `valid` refuses, is an error and is left untouched.
KeyFile loadOrCreateKeyFile(const QString &path, const std::function<QByteArray()> &make,
                            const std::function<bool(const QByteArray &)> &valid);

} // namespace creneau::secrets
