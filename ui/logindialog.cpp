#include "ui/logindialog.h"

#include "sync/client/syncclient.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace creneau::ui {

LoginDialog::LoginDialog(client::SyncClient *client, QUrl server, QWidget *parent)
    : QDialog(parent), m_client(client), m_server(std::move(server)), m_email(new QLineEdit),
      m_password(new QLineEdit), m_error(new QLabel), m_signIn(new QPushButton(tr("Sign in")))
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Sign in to Créneau"));
    m_email->setObjectName(QStringLiteral("emailEdit"));
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setStyleSheet(QStringLiteral("color:#b3261e"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);

    auto *serverLabel = new QLabel(m_server.toDisplayString().toHtmlEscaped());
    serverLabel->setObjectName(QStringLiteral("serverLabel"));
    auto *form = new QFormLayout;
    form->addRow(tr("Server"), serverLabel);
    form->addRow(tr("E-mail"), m_email);
    form->addRow(tr("Password"), m_password);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    buttons->addButton(m_signIn, QDialogButtonBox::AcceptRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_signIn, &QPushButton::clicked, this, &LoginDialog::signIn);
    connect(m_client, &client::SyncClient::loggedIn, this, [this] {
        setBusy(false);
        accept();
    });
    connect(m_client, &client::SyncClient::loginFailed, this, [this](int, const QString &message) {
        setBusy(false);
        m_error->setText(message.isEmpty() ? tr("Sign-in failed.") : message);
        m_error->setVisible(true);
        m_password->setFocus();
        m_password->selectAll();
    });
}

void LoginDialog::signIn()
{
    const QString email = m_email->text().trimmed();
    if (email.isEmpty() || m_password->text().isEmpty()) {
        m_error->setText(tr("Enter your e-mail and your password."));
        m_error->setVisible(true);
        return;
    }
    m_error->setVisible(false);
    setBusy(true);
    m_client->login(m_server, email, m_password->text());
}

void LoginDialog::setBusy(bool busy)
{
    m_email->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_signIn->setEnabled(!busy);
    m_signIn->setText(busy ? tr("Signing in…") : tr("Sign in"));
}

} // namespace creneau::ui
