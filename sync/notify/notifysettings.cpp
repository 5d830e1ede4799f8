#include "sync/notify/notifysettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QUrl>

namespace creneau::notify {

void NotifySettings::completeFrom(const QString &dataDir)
{
    const QString path = QDir(dataDir).filePath(QStringLiteral("creneau.conf"));
    if (QFileInfo::exists(path)) {
        const QSettings conf(path, QSettings::IniFormat);
        auto fill = [&conf](QString &field, const char *key) {
            if (field.isEmpty())
                field = conf.value(QLatin1String(key)).toString().trimmed();
        };
        fill(smtpUrl, "smtp");
        fill(mailFrom, "mail-from");
        fill(smsGateway, "sms-gateway");
        fill(smsToken, "sms-token");
    }
    if (smsToken.isEmpty())
        smsToken = qEnvironmentVariable("CRENEAU_SMS_TOKEN");
}

QString NotifySettings::check() const
{
    if (!smtpUrl.isEmpty()) {
        const QUrl url(smtpUrl);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("smtp") && url.scheme() != QLatin1String("smtps")) ||
            url.host().isEmpty())
            return QStringLiteral("--smtp expects smtp://[user:password@]host[:port] or smtps://");
    }
    if (!smsGateway.isEmpty()) {
        const QUrl url(smsGateway);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return QStringLiteral("--sms-gateway expects an http:// or https:// URL");
    }
    if (!mailFrom.isEmpty() && !mailFrom.contains(QLatin1Char('@')))
        return QStringLiteral("--mail-from expects an e-mail address");
    return {};
}

} // namespace creneau::notify
