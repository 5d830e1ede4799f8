#include "models/keyfile.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace creneau::secrets {

namespace {

KeyFile failure(const QString &message)
{
    return {{}, message};
}

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

KeyFile create(const QString &path, const QByteArray &key)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return failure(QStringLiteral("cannot create %1: %2").arg(path, systemError()));
    qsizetype written = 0;
    while (written < key.size()) {
        const ssize_t n = ::write(fd, key.constData() + written, size_t(key.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const QString why = systemError();
            ::close(fd);
            ::unlink(native.constData()); // a half-written key must not be read back later
            return failure(QStringLiteral("cannot write %1: %2").arg(path, why));
        }
        written += n;
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const QString why = systemError();
        ::unlink(native.constData());
        return failure(QStringLiteral("cannot write %1: %2").arg(path, why));
    }
    return {key, {}};
}

} // namespace

KeyFile loadOrCreateKeyFile(const QString &path, const std::function<QByteArray()> &make,
                            const std::function<bool(const QByteArray &)> &valid)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st = {};
    if (::stat(native.constData(), &st) != 0) {
        if (errno != ENOENT)
            return failure(QStringLiteral("cannot read %1: %2").arg(path, systemError()));
        return create(path, make());
    }
    if ((st.st_mode & 077) != 0)
        return failure(QStringLiteral("%1 is readable by other users (mode %2): make it readable "
                                      "by the service alone (chmod 600 %1)")
                           .arg(path)
                           .arg(st.st_mode & 0777, 4, 8, QLatin1Char('0')));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray contents = file.readAll().trimmed();
    if (!valid(contents))
        return failure(QStringLiteral("%1 does not hold a valid key; it was left as it is (restore "
                                      "it from a backup, or remove it to lose what it sealed)")
                           .arg(path));
    return {contents, {}};
}

} // namespace creneau::secrets
