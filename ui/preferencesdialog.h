// « Mes préférences… », for every agent: which appointment e-mails they get (RDV Service
// Public's four levels), their external calendar (CalendarSettingsDialog), their own password.
// Read from and saved to the server (AdminCommands); refusals show next to the fields.
#pragma once

#include "ui/fielderrorlabels.h"

#include <QDialog>
#include <QUrl>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;

namespace creneau::client {
class AdminCommands;
struct AdminReply;
} // namespace creneau::client

namespace creneau::ui {

class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    PreferencesDialog(const QUrl &serverUrl, const QString &bearerToken, QWidget *parent = nullptr);

    void reload();
    void saveNotificationLevel();
    void changePassword();
    void showCalendarSettings();
    QString notificationLevel() const;
    bool isBusy() const { return m_busy; }

signals:
    void requestFinished(bool ok);
    // Every session ended with the old password; the desktop signs in again with this one.
    void passwordChanged(const QString &email, const QString &password);

private:
    void setBusy(bool busy);
    void finish(const client::AdminReply &reply, const QString &success);

    client::AdminCommands *m_client;
    QUrl m_server;
    QString m_token;
    QString m_email;
    FieldErrorLabels m_errors;
    QButtonGroup *m_levels;
    QLineEdit *m_current;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    QLabel *m_status;
    QList<QPushButton *> m_buttons;
    bool m_busy = false;
    bool m_mustChange = false;
};

} // namespace creneau::ui
