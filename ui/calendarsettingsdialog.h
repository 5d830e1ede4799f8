// « Mon agenda externe »: the agent chooses how their appointments reach their own calendar
// program (nothing, e-mail invitations, a private subscription link, CalDAV push). The settings
// live on the server and are read and written over HTTP only (CalendarSettingsClient); while a
// request runs the form is disabled and says « Chargement… », the window never waits.
#pragma once

#include "ui/calendarsettingsclient.h"

#include "ui/fielderrorlabels.h"

#include <QDialog>
#include <QJsonObject>
#include <QUrl>

class QAbstractButton;
class QButtonGroup;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace creneau::ui {

class CalendarSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // `serverUrl`: the creneau-server (embedded or remote); `bearerToken`: the agent's session
    // (POST /api/v1/agent/session). The settings are loaded at once.
    CalendarSettingsDialog(const QUrl &serverUrl, const QString &bearerToken,
                           QWidget *parent = nullptr);

    // What the buttons do (public for tests).
    void reload();
    void save();
    void regenerateFeed();
    void revokeFeed();
    bool isBusy() const { return m_busy; }

signals:
    // Each request's end, once the form shows its outcome (tests wait on it).
    void requestFinished(bool ok);

private:
    QWidget *modeBox();
    QGroupBox *subscriptionBox();
    QGroupBox *caldavBox();
    QWidget *urlRow(QLineEdit *edit, const QString &buttonName);
    void setBusy(bool busy);
    void showSettings(const QJsonObject &settings);
    void showFeedState(bool hasFeed);
    void showFailure(const CalendarReply &reply);
    void finish(bool ok);
    void followMode();
    QString chosenMode() const;

    CalendarSettingsClient *m_client;
    bool m_busy = false;
    bool m_loaded = false;
    QButtonGroup *m_modes;
    QWidget *m_form;
    QGroupBox *m_subscription;
    QGroupBox *m_caldav;
    QLabel *m_feedState;
    QLineEdit *m_feedUrl;
    QLineEdit *m_webcalUrl;
    QPushButton *m_revoke = nullptr;
    QLineEdit *m_caldavUrl;
    QLineEdit *m_caldavUser;
    QLineEdit *m_caldavPassword;
    FieldErrorLabels m_fieldErrors;
    QLabel *m_status;
    QLabel *m_error;
    QPushButton *m_save;
};

} // namespace creneau::ui
