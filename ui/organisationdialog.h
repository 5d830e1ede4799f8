// « Administration › Organisation… »: the organisation's name, address, contact, zone, the
// usagers' reminder and cancellation delays, the e-mails' sender name and Reply-To, and the
// public address of the booking link. Read from and saved to the server (AdminCommands); its
// refusals show next to their fields, values kept.
#pragma once

#include "ui/fielderrorlabels.h"

#include <QDialog>
#include <QJsonObject>
#include <QUrl>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace creneau::client {
class AdminCommands;
struct AdminReply;
} // namespace creneau::client

namespace creneau::ui {

// The server's messages per field, as the forms show them.
FieldErrors fieldErrorsOf(const client::AdminReply &reply);

class OrganisationDialog : public QDialog
{
    Q_OBJECT
public:
    OrganisationDialog(const QUrl &serverUrl, const QString &bearerToken,
                       QWidget *parent = nullptr);

    void reload();
    void save();
    bool isBusy() const { return m_busy; }

signals:
    // Each request's end, once the form shows its outcome (tests wait on it).
    void requestFinished(bool ok);
    void saved();

private:
    void showOrganisation(const QJsonObject &organisation);
    QJsonObject payload() const;
    void setBusy(bool busy);
    void finish(bool ok, const QString &message);

    client::AdminCommands *m_client;
    FieldErrorLabels m_errors;
    QLineEdit *m_name;
    QLineEdit *m_slug;
    QLineEdit *m_address;
    QLineEdit *m_phone;
    QLineEdit *m_email;
    QComboBox *m_zone;
    QSpinBox *m_reminder;
    QSpinBox *m_cancel;
    QLineEdit *m_senderName;
    QLineEdit *m_replyTo;
    QLineEdit *m_publicUrl;
    QLabel *m_status;
    QPushButton *m_save;
    int m_version = 0;
    bool m_busy = false;
};

} // namespace creneau::ui
