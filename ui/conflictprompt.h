// A change the agent made (often offline) met a newer version on the server, say the usager
// cancelled while the agent moved the appointment. The agent is shown both and chooses: send
// theirs again over the current version, or keep the server's.
#pragma once

#include <QJsonObject>
#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QTimeZone>

namespace creneau::client {
class SyncClient;
}

namespace creneau::ui {

class ConflictPrompt : public QObject
{
    Q_OBJECT
public:
    ConflictPrompt(client::SyncClient *client, QTimeZone zone, QWidget *parent);

    // The question on screen, if any (tests answer it).
    QMessageBox *openPrompt() const { return m_box; }
    // The two answers.
    void applyMine(const QJsonObject &command, const QJsonObject &current);
    void keepServer();

    // French sentences for the command and the current state (public for tests).
    QString describeCommand(const QJsonObject &command) const;
    QString describeCurrent(const QJsonObject &current) const;

signals:
    void resolved(bool appliedMine);

private:
    void ask(const QJsonObject &command, const QJsonObject &current);

    client::SyncClient *m_client;
    QTimeZone m_zone;
    QWidget *m_parent;
    QPointer<QMessageBox> m_box;
};

} // namespace creneau::ui
