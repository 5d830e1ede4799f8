// Signing in to a remote creneau-server: e-mail and password, sent through the sync client. The
// server's refusal (wrong password, slowed down, locked) shows under the fields, which keep their
// values; the window never waits on the network.
#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;

namespace creneau::client {
class SyncClient;
}

namespace creneau::ui {

class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    LoginDialog(client::SyncClient *client, QUrl server, QWidget *parent = nullptr);

    // What the buttons do (public for tests).
    void signIn();

private:
    void setBusy(bool busy);

    client::SyncClient *m_client;
    QUrl m_server;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QLabel *m_error;
    QPushButton *m_signIn;
};

} // namespace creneau::ui
