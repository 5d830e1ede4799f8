#include "ui/calendarsettingsdialog.h"

#include "ui/calendarsettingsclient.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace creneau::ui {

namespace {

// The server's words for the modes, in the order of the radio buttons (their ids).
const QStringList kModes = {QStringLiteral("none"), QStringLiteral("email"),
                            QStringLiteral("subscription"), QStringLiteral("caldav")};
const QString kSubscription = QStringLiteral("subscription");
const QString kCaldav = QStringLiteral("caldav");

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: palette(mid);"));
    return label;
}

} // namespace

CalendarSettingsDialog::CalendarSettingsDialog(const QUrl &serverUrl, const QString &bearerToken,
                                               QWidget *parent)
    : QDialog(parent), m_client(new CalendarSettingsClient(serverUrl, bearerToken, this)),
      m_modes(new QButtonGroup(this)), m_form(new QWidget(this)), m_feedUrl(new QLineEdit(this)),
      m_webcalUrl(new QLineEdit(this)), m_caldavUrl(new QLineEdit(this)),
      m_caldavUser(new QLineEdit(this)), m_caldavPassword(new QLineEdit(this)),
      m_status(new QLabel(this)), m_error(new QLabel(this)),
      m_save(new QPushButton(tr("Save"), this))
{
    setObjectName(QStringLiteral("calendarSettingsDialog"));
    setWindowTitle(tr("My external calendar"));
    auto *form = new QVBoxLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->addWidget(new QLabel(tr("Choose how your Créneau appointments reach the calendar you "
                                  "already use (Thunderbird, Outlook, Nextcloud, Apple, Google)."),
                               m_form));
    form->addWidget(modeBox());
    m_subscription = subscriptionBox();
    m_caldav = caldavBox();
    form->addWidget(m_subscription);
    form->addWidget(m_caldav);

    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setDefault(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Not QDialogButtonBox::accepted: the dialog closes only once the server has agreed.
    connect(m_save, &QPushButton::clicked, this, &CalendarSettingsDialog::save);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addWidget(m_error);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    followMode();
    reload();
}

QWidget *CalendarSettingsDialog::modeBox()
{
    auto *box = new QGroupBox(tr("Where should your appointments go?"), m_form);
    auto *layout = new QVBoxLayout(box);
    const QList<QPair<QString, QString>> choices = {
        {tr("None"), tr("Your appointments stay in the Créneau agenda only.")},
        {tr("E-mail"),
         tr("An e-mail for each new, moved or cancelled appointment, with an .ics file that your "
            "calendar program adds in one click.")},
        {tr("Subscription"),
         tr("A private link your calendar program subscribes to: it refreshes on its own and "
            "lists your appointments from 30 days back.")},
        {tr("CalDAV"),
         tr("Créneau writes each appointment straight into your CalDAV calendar (Nextcloud, SOGo, "
            "Radicale…), moves it, removes it when cancelled, and catches up if that server was "
            "down.")},
    };
    const QStringList names = {QStringLiteral("modeNoneRadio"), QStringLiteral("modeEmailRadio"),
                               QStringLiteral("modeSubscriptionRadio"),
                               QStringLiteral("modeCaldavRadio")};
    for (int i = 0; i < choices.size(); ++i) {
        auto *radio = new QRadioButton(choices[i].first, box);
        radio->setObjectName(names[i]);
        m_modes->addButton(radio, i);
        layout->addWidget(radio);
        QLabel *explanation = note(choices[i].second, box);
        explanation->setContentsMargins(24, 0, 0, 6); // under the radio's text, not its circle
        layout->addWidget(explanation);
    }
    m_modes->button(0)->setChecked(true);
    connect(m_modes, &QButtonGroup::idClicked, this, &CalendarSettingsDialog::followMode);
    return box;
}

QGroupBox *CalendarSettingsDialog::subscriptionBox()
{
    auto *box = new QGroupBox(tr("Subscription link"), m_form);
    box->setObjectName(QStringLiteral("subscriptionBox"));
    auto *layout = new QVBoxLayout(box);
    m_feedState = new QLabel(box);
    m_feedState->setObjectName(QStringLiteral("feedStateLabel"));
    m_feedState->setWordWrap(true);
    layout->addWidget(m_feedState);
    m_feedUrl->setObjectName(QStringLiteral("feedUrlEdit"));
    m_webcalUrl->setObjectName(QStringLiteral("webcalUrlEdit"));
    auto *urls = new QFormLayout;
    urls->addRow(tr("Web address (https)"), urlRow(m_feedUrl, QStringLiteral("copyFeedUrlButton")));
    urls->addRow(tr("Calendar programs (webcal)"),
                 urlRow(m_webcalUrl, QStringLiteral("copyWebcalUrlButton")));
    layout->addLayout(urls);
    auto *actions = new QHBoxLayout;
    auto *regenerate = new QPushButton(tr("Generate a new link"), box);
    regenerate->setObjectName(QStringLiteral("regenerateFeedButton"));
    m_revoke = new QPushButton(tr("Revoke the link"), box);
    m_revoke->setObjectName(QStringLiteral("revokeFeedButton"));
    connect(regenerate, &QPushButton::clicked, this, &CalendarSettingsDialog::regenerateFeed);
    connect(m_revoke, &QPushButton::clicked, this, &CalendarSettingsDialog::revokeFeed);
    actions->addWidget(regenerate);
    actions->addWidget(m_revoke);
    actions->addStretch();
    layout->addLayout(actions);
    layout->addWidget(note(tr("Anyone who has this link can read your appointments: give it to "
                              "your calendar program only, and revoke it if it leaked."),
                           box));
    return box;
}

QWidget *CalendarSettingsDialog::urlRow(QLineEdit *edit, const QString &buttonName)
{
    auto *row = new QWidget(m_form);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    edit->setReadOnly(true);
    edit->setPlaceholderText(tr("shown once, after « Generate a new link »"));
    auto *copy = new QPushButton(tr("Copy"), row);
    copy->setObjectName(buttonName);
    copy->setEnabled(false);
    connect(copy, &QPushButton::clicked, this,
            [edit] { QApplication::clipboard()->setText(edit->text()); });
    connect(edit, &QLineEdit::textChanged, copy,
            [copy](const QString &text) { copy->setEnabled(!text.isEmpty()); });
    layout->addWidget(edit, 1);
    layout->addWidget(copy);
    return row;
}

QGroupBox *CalendarSettingsDialog::caldavBox()
{
    auto *box = new QGroupBox(tr("CalDAV calendar"), m_form);
    box->setObjectName(QStringLiteral("caldavBox"));
    auto *form = new QFormLayout(box);
    m_caldavUrl->setObjectName(QStringLiteral("caldavUrlEdit"));
    m_caldavUrl->setPlaceholderText(
        QStringLiteral("https://cloud.example.fr/remote.php/dav/calendars/nom/creneau/"));
    m_caldavUser->setObjectName(QStringLiteral("caldavUserEdit"));
    m_caldavPassword->setObjectName(QStringLiteral("caldavPasswordEdit"));
    m_caldavPassword->setEchoMode(QLineEdit::Password);
    m_fieldErrors.addRow(form, tr("Calendar address"), m_caldavUrl, QStringLiteral("caldav_url"));
    m_fieldErrors.addRow(form, tr("User name"), m_caldavUser, QStringLiteral("caldav_user"));
    m_fieldErrors.addRow(form, tr("Password"), m_caldavPassword, QStringLiteral("caldav_password"));
    form->addRow(note(tr("The password is kept encrypted on the server and never shown again. "
                         "Leave it empty to keep the current one."),
                      box));
    return box;
}

QString CalendarSettingsDialog::chosenMode() const
{
    return kModes.value(m_modes->checkedId(), kModes.first());
}

void CalendarSettingsDialog::followMode()
{
    m_subscription->setVisible(chosenMode() == kSubscription);
    m_caldav->setVisible(chosenMode() == kCaldav);
}

void CalendarSettingsDialog::setBusy(bool busy)
{
    m_busy = busy;
    // Nothing to edit until the settings were read: saving defaults would overwrite them.
    m_form->setEnabled(!busy && m_loaded);
    m_save->setEnabled(!busy && m_loaded);
    m_status->setText(busy ? tr("Loading…") : QString());
    m_status->setVisible(busy);
    if (busy) {
        m_error->setVisible(false);
        m_fieldErrors.show({});
    }
}

void CalendarSettingsDialog::finish(bool ok)
{
    setBusy(false);
    emit requestFinished(ok);
}

void CalendarSettingsDialog::reload()
{
    if (m_busy)
        return;
    setBusy(true);
    m_client->loadSettings([this](const CalendarReply &r) {
        if (r.ok())
            showSettings(r.body);
        else
            showFailure(r);
        m_loaded = m_loaded || r.ok();
        finish(r.ok());
    });
}

void CalendarSettingsDialog::showSettings(const QJsonObject &s)
{
    const int id = kModes.indexOf(s.value(QStringLiteral("mode")).toString());
    m_modes->button(id < 0 ? 0 : id)->setChecked(true);
    m_caldavUrl->setText(s.value(QStringLiteral("caldav_url")).toString());
    m_caldavUser->setText(s.value(QStringLiteral("caldav_user")).toString());
    m_caldavPassword->clear();
    m_caldavPassword->setPlaceholderText(
        s.value(QStringLiteral("has_caldav_password")).toBool() ? tr("unchanged") : tr("none"));
    m_feedUrl->clear();
    m_webcalUrl->clear();
    showFeedState(s.value(QStringLiteral("has_feed")).toBool());
    followMode();
}

void CalendarSettingsDialog::showFeedState(bool hasFeed)
{
    const bool shown = !m_feedUrl->text().isEmpty();
    if (shown)
        m_feedState->setText(tr("Here is your new private link. Copy it now: it is shown only "
                                "this once. Any previous link no longer works."));
    else if (hasFeed)
        m_feedState->setText(tr("A private link is active. For your safety it is shown only once, "
                                "right after it is generated: to see it again, generate a new "
                                "link (the current one then stops working)."));
    else
        m_feedState->setText(tr("No private link yet: generate one, then paste it into your "
                                "calendar program."));
    m_revoke->setEnabled(hasFeed);
}

void CalendarSettingsDialog::showFailure(const CalendarReply &reply)
{
    const QJsonObject fields = reply.body.value(QStringLiteral("fields")).toObject();
    FieldErrors shown;
    QStringList others; // messages without a field of their own here ("mode")
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (m_fieldErrors.label(it.key()))
            shown.insert(it.key(), it.value().toString());
        else
            others << it.value().toString();
    }
    m_fieldErrors.show(shown);
    if (fields.isEmpty())
        others << reply.message;
    m_error->setText(others.join(QLatin1Char('\n')));
    m_error->setVisible(!others.isEmpty());
}

void CalendarSettingsDialog::save()
{
    if (m_busy)
        return;
    QJsonObject body{{QStringLiteral("mode"), chosenMode()}};
    // The CalDAV fields only with that mode: a half-typed address left behind by an agent who
    // then chose another mode must not block the save.
    if (chosenMode() == kCaldav) {
        body.insert(QStringLiteral("caldav_url"), m_caldavUrl->text().trimmed());
        body.insert(QStringLiteral("caldav_user"), m_caldavUser->text().trimmed());
        if (!m_caldavPassword->text().isEmpty()) // empty: the stored one stays
            body.insert(QStringLiteral("caldav_password"), m_caldavPassword->text());
    }
    setBusy(true);
    m_client->saveSettings(body, [this](const CalendarReply &r) {
        if (!r.ok())
            showFailure(r); // the typed values stay in their fields
        finish(r.ok());
        if (r.ok())
            accept();
    });
}

void CalendarSettingsDialog::regenerateFeed()
{
    if (m_busy)
        return;
    setBusy(true);
    m_client->regenerateFeed([this](const CalendarReply &r) {
        if (r.ok()) {
            m_feedUrl->setText(r.body.value(QStringLiteral("url")).toString());
            m_webcalUrl->setText(r.body.value(QStringLiteral("webcal")).toString());
            showFeedState(true);
        } else {
            showFailure(r);
        }
        finish(r.ok());
    });
}

void CalendarSettingsDialog::revokeFeed()
{
    if (m_busy)
        return;
    setBusy(true);
    m_client->revokeFeed([this](const CalendarReply &r) {
        if (r.ok()) {
            m_feedUrl->clear();
            m_webcalUrl->clear();
            showFeedState(false);
        } else {
            showFailure(r);
        }
        finish(r.ok());
    });
}

} // namespace creneau::ui
