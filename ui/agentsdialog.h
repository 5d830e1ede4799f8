// « Administration › Agents… »: the organisation's agents with their role and last sign-in; add
// one (an invitation e-mail, or an initial password when the server sends no e-mail), change a
// role, archive (their future appointments are then listed for reassignment), reset a password.
// Everything goes through the server (AdminCommands); its refusals show next to the fields.
#pragma once

#include "ui/fielderrorlabels.h"

#include <QDialog>
#include <QJsonArray>
#include <QUrl>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace creneau::client {
class AdminCommands;
struct AdminReply;
} // namespace creneau::client

namespace creneau::ui {

class AgentsDialog : public QDialog
{
    Q_OBJECT
public:
    AgentsDialog(const QUrl &serverUrl, const QString &bearerToken, QWidget *parent = nullptr);

    void reload();
    // The « Add » form's values, sent as save_agent.
    void addAgent();
    // Without confirmation (the buttons ask first).
    void setRole(qint64 agentId, bool admin);
    void archive(qint64 agentId);
    void resetPassword(qint64 agentId, const QString &initialPassword = {});
    qint64 selectedAgent() const;
    bool isBusy() const { return m_busy; }

signals:
    void requestFinished(bool ok);

private:
    void showAgents(const QJsonArray &agents);
    void setBusy(bool busy);
    void finish(const client::AdminReply &reply, const QString &success);
    void confirmArchive();
    void askReset();

    client::AdminCommands *m_client;
    FieldErrorLabels m_errors;
    QTableWidget *m_table;
    QLineEdit *m_firstName;
    QLineEdit *m_lastName;
    QLineEdit *m_email;
    QComboBox *m_role;
    QLineEdit *m_initialPassword;
    QLabel *m_status;
    QList<QPushButton *> m_buttons;
    QJsonArray m_agents;
    bool m_busy = false;
};

} // namespace creneau::ui
