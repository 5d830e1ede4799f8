// Where notifications go: --smtp, --mail-from, --sms-gateway, --sms-token on the command line,
// the same keys in <data>/creneau.conf (INI), CRENEAU_SMS_TOKEN in the environment. With neither
// SMTP nor gateway, messages are written to <data>/outbox/.
#pragma once

#include <QString>

namespace creneau::notify {

struct NotifySettings
{
    QString smtpUrl;
    QString mailFrom;
    QString smsGateway;
    QString smsToken;

    // Fills the empty fields from <dataDir>/creneau.conf, then the token from the environment.
    void completeFrom(const QString &dataDir);
    // An error in French-free English for the log, or empty when usable.
    QString check() const;
};

} // namespace creneau::notify
