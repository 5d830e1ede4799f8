#include "models/processidentity.h"

#include "models/secrets.h"

#include <QMutex>
#include <QSysInfo>

namespace creneau {

namespace {

QMutex mutex;

QString &instanceName()
{
    static QString name = QSysInfo::machineHostName().isEmpty() ? QStringLiteral("creneau")
                                                                : QSysInfo::machineHostName();
    return name;
}

} // namespace

void ProcessIdentity::setInstance(const QString &instance)
{
    QMutexLocker lock(&mutex);
    // A slash would make one instance's prefix match another's claims; a space or a control
    // character would split the access log's fields.
    QString clean = instance.trimmed();
    for (QChar &c : clean)
        if (c == QLatin1Char('/') || c.isSpace() || c.category() == QChar::Other_Control)
            c = QLatin1Char('_');
    if (!clean.isEmpty())
        instanceName() = clean.left(100);
}

QString ProcessIdentity::instance()
{
    QMutexLocker lock(&mutex);
    return instanceName();
}

QString ProcessIdentity::startId()
{
    static const QString id = secrets::randomToken(9);
    return id;
}

QString ProcessIdentity::claimant()
{
    return instance() + QLatin1Char('/') + startId();
}

} // namespace creneau
