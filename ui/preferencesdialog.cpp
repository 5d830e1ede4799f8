#include "ui/preferencesdialog.h"

#include "sync/client/admincommands.h"
#include "sync/protocol/admincommands.h"
#include "ui/calendarsettingsdialog.h"
#include "ui/organisationdialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace creneau::ui {

namespace {
const char *const kLevels[] = {"all", "others", "soon", "none"};
} // namespace

PreferencesDialog::PreferencesDialog(const QUrl &serverUrl, const QString &bearerToken,
                                     QWidget *parent)
    : QDialog(parent), m_client(new client::AdminCommands(serverUrl, bearerToken, this)),
      m_server(serverUrl), m_token(bearerToken)
{
    setWindowTitle(tr("My preferences"));
    auto *notices = new QGroupBox(tr("E-mails about my appointments"), this);
    auto *noticeLayout = new QVBoxLayout(notices);
    m_levels = new QButtonGroup(this);
    const QString labels[] = {tr("Every change"), tr("Only what others booked or changed for me"),
                              tr("Only changes for today and tomorrow, made by others"),
                              tr("None")};
    for (int i = 0; i < 4; ++i) {
        auto *b = new QRadioButton(labels[i], notices);
        b->setObjectName(QStringLiteral("level_") + QLatin1String(kLevels[i]));
        m_levels->addButton(b, i);
        noticeLayout->addWidget(b);
    }
    auto *saveLevel = new QPushButton(tr("Save"), notices);
    saveLevel->setObjectName(QStringLiteral("saveLevelButton"));
    noticeLayout->addWidget(saveLevel, 0, Qt::AlignRight);
    connect(saveLevel, &QPushButton::clicked, this, &PreferencesDialog::saveNotificationLevel);

    auto *calendar = new QPushButton(tr("My external calendar…"), this);
    calendar->setObjectName(QStringLiteral("calendarButton"));
    connect(calendar, &QPushButton::clicked, this, &PreferencesDialog::showCalendarSettings);

    auto *passwordBox = new QGroupBox(tr("My password"), this);
    auto *form = new QFormLayout(passwordBox);
    auto secret = [passwordBox](const QString &name) {
        auto *e = new QLineEdit(passwordBox);
        e->setObjectName(name);
        e->setEchoMode(QLineEdit::Password);
        return e;
    };
    m_current = secret(QStringLiteral("currentPasswordEdit"));
    m_password = secret(QStringLiteral("newPasswordEdit"));
    m_confirm = secret(QStringLiteral("confirmPasswordEdit"));
    m_password->setPlaceholderText(tr("At least 12 characters"));
    m_errors.addRow(form, tr("Current password"), m_current, QStringLiteral("current_password"));
    m_errors.addRow(form, tr("New password"), m_password, QStringLiteral("password"));
    m_errors.addRow(form, tr("New password again"), m_confirm, QStringLiteral("confirm"));
    auto *change = new QPushButton(tr("Change my password"), passwordBox);
    change->setObjectName(QStringLiteral("changePasswordButton"));
    form->addRow(QString(), change);
    connect(change, &QPushButton::clicked, this, &PreferencesDialog::changePassword);
    m_buttons << saveLevel << change;

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(notices);
    layout->addWidget(calendar, 0, Qt::AlignLeft);
    layout->addWidget(passwordBox);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    reload();
}

void PreferencesDialog::reload()
{
    setBusy(true);
    m_client->load([this](const client::AdminReply &r) {
        const qint64 me = r.body.value(QStringLiteral("me")).toInteger();
        for (const QJsonValue &v : r.body.value(QStringLiteral("agents")).toArray()) {
            const QJsonObject a = v.toObject();
            if (a.value(QStringLiteral("id")).toInteger() != me)
                continue;
            m_email = a.value(QStringLiteral("email")).toString();
            m_mustChange = a.value(QStringLiteral("must_change_password")).toBool();
            const QString level = a.value(QStringLiteral("notification_level")).toString();
            for (int i = 0; i < 4; ++i)
                if (level == QLatin1String(kLevels[i]))
                    m_levels->button(i)->setChecked(true);
        }
        setBusy(false);
        m_status->setText(!r.ok()        ? r.message
                          : m_mustChange ? tr("Your password was set by an administrator: "
                                              "choose your own to go on.")
                                         : QString());
        if (m_mustChange)
            m_current->setFocus();
        emit requestFinished(r.ok());
    });
}

QString PreferencesDialog::notificationLevel() const
{
    const int id = m_levels->checkedId();
    return id < 0 ? QString() : QString::fromLatin1(kLevels[id]);
}

void PreferencesDialog::saveNotificationLevel()
{
    setBusy(true);
    NotificationLevel level = NotificationLevel::All;
    fromWord(notificationLevel(), &level);
    m_client->run(protocol::CommandType::SetNotificationLevel,
                  protocol::notificationLevelPayload(level),
                  [this](const client::AdminReply &r) { finish(r, tr("Saved.")); });
}

void PreferencesDialog::changePassword()
{
    // Typed twice: checked here, the rules themselves are the server's.
    if (m_password->text() != m_confirm->text()) {
        m_errors.show({{QStringLiteral("confirm"), tr("The two passwords differ.")}});
        emit requestFinished(false);
        return;
    }
    setBusy(true);
    const QString password = m_password->text();
    m_client->run(protocol::CommandType::ChangePassword,
                  protocol::changePasswordPayload({m_current->text(), password}),
                  [this, password](const client::AdminReply &r) {
                      m_errors.show(fieldErrorsOf(r));
                      if (!r.ok()) {
                          finish(r, {});
                          return;
                      }
                      for (QLineEdit *e : {m_current, m_password, m_confirm})
                          e->clear();
                      m_mustChange = false;
                      // Every session ended: this dialog's too. Sign in again with the new one.
                      m_client->signIn(m_email, password, [this](const client::AdminReply &s) {
                          if (s.ok()) {
                              m_token = s.body.value(QStringLiteral("token")).toString();
                              m_client->setToken(m_token);
                          }
                          finish(s, tr("Password changed."));
                      });
                      emit passwordChanged(m_email, password);
                  });
}

void PreferencesDialog::showCalendarSettings()
{
    auto *dialog = new CalendarSettingsDialog(m_server, m_token, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void PreferencesDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QPushButton *b : std::as_const(m_buttons))
        b->setEnabled(!busy);
}

void PreferencesDialog::finish(const client::AdminReply &r, const QString &success)
{
    setBusy(false);
    m_status->setText(r.ok() ? success : r.message);
    m_status->setStyleSheet(r.ok() ? QString() : QStringLiteral("color: #b00020;"));
    emit requestFinished(r.ok());
}

} // namespace creneau::ui
