#include "ui/organisationdialog.h"

#include "sync/client/admincommands.h"
#include "sync/protocol/admincommands.h"
#include "ui/timezonechoice.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace creneau::ui {

FieldErrors fieldErrorsOf(const client::AdminReply &reply)
{
    FieldErrors out;
    for (auto it = reply.fields.begin(); it != reply.fields.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

namespace {

QLineEdit *lineEdit(QWidget *parent, const QString &name)
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(name);
    return e;
}

QSpinBox *hours(QWidget *parent, const QString &name)
{
    auto *s = new QSpinBox(parent);
    s->setObjectName(name);
    s->setRange(0, 14 * 24);
    return s;
}

} // namespace

OrganisationDialog::OrganisationDialog(const QUrl &serverUrl, const QString &bearerToken,
                                       QWidget *parent)
    : QDialog(parent), m_client(new client::AdminCommands(serverUrl, bearerToken, this))
{
    setWindowTitle(tr("Organisation"));
    auto *form = new QFormLayout;
    m_name = lineEdit(this, QStringLiteral("nameEdit"));
    m_slug = lineEdit(this, QStringLiteral("slugEdit"));
    m_slug->setToolTip(tr("The end of the booking link: lower-case letters, digits, hyphens."));
    m_address = lineEdit(this, QStringLiteral("addressEdit"));
    m_phone = lineEdit(this, QStringLiteral("phoneEdit"));
    m_email = lineEdit(this, QStringLiteral("emailEdit"));
    m_zone = new QComboBox(this);
    m_zone->setObjectName(QStringLiteral("zoneCombo"));
    fillTimeZones(m_zone);
    m_reminder = hours(this, QStringLiteral("reminderSpin"));
    m_reminder->setSpecialValueText(tr("No reminder"));
    m_reminder->setSuffix(tr(" h before"));
    m_cancel = hours(this, QStringLiteral("cancelSpin"));
    m_cancel->setSuffix(tr(" h before"));
    m_senderName = lineEdit(this, QStringLiteral("senderNameEdit"));
    m_replyTo = lineEdit(this, QStringLiteral("replyToEdit"));
    m_publicUrl = lineEdit(this, QStringLiteral("publicUrlEdit"));
    m_publicUrl->setPlaceholderText(QStringLiteral("https://rdv.example.fr"));
    m_errors.addRow(form, tr("Name"), m_name, QStringLiteral("name"));
    m_errors.addRow(form, tr("Link address"), m_slug, QStringLiteral("slug"));
    m_errors.addRow(form, tr("Address"), m_address, QStringLiteral("address"));
    m_errors.addRow(form, tr("Phone"), m_phone, QStringLiteral("phone"));
    m_errors.addRow(form, tr("Contact e-mail"), m_email, QStringLiteral("email"));
    m_errors.addRow(form, tr("Time zone"), m_zone, QStringLiteral("time_zone"));
    m_errors.addRow(form, tr("Usager reminder"), m_reminder, QStringLiteral("reminder_hours"));
    m_errors.addRow(form, tr("Usagers may cancel online until"), m_cancel,
                    QStringLiteral("usager_cancel_hours"));
    m_errors.addRow(form, tr("E-mails' sender name"), m_senderName, QStringLiteral("sender_name"));
    m_errors.addRow(form, tr("Replies to e-mails go to"), m_replyTo, QStringLiteral("reply_to"));
    m_errors.addRow(form, tr("Public address of the booking link"), m_publicUrl,
                    QStringLiteral("public_url"));
    connect(m_name, &QLineEdit::textChanged, this,
            [this](const QString &name) { m_senderName->setPlaceholderText(name); });
    connect(m_email, &QLineEdit::textChanged, this,
            [this](const QString &email) { m_replyTo->setPlaceholderText(email); });

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("Save"), QDialogButtonBox::ApplyRole);
    m_save->setObjectName(QStringLiteral("saveButton"));
    connect(m_save, &QPushButton::clicked, this, &OrganisationDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    reload();
}

void OrganisationDialog::reload()
{
    setBusy(true);
    m_status->setText(tr("Loading…"));
    m_client->load([this](const client::AdminReply &r) {
        if (r.ok())
            showOrganisation(r.body.value(QStringLiteral("organisation")).toObject());
        finish(r.ok(), r.ok() ? QString() : r.message);
    });
}

void OrganisationDialog::showOrganisation(const QJsonObject &o)
{
    m_name->setText(o.value(QStringLiteral("name")).toString());
    m_slug->setText(o.value(QStringLiteral("slug")).toString());
    m_address->setText(o.value(QStringLiteral("address")).toString());
    m_phone->setText(o.value(QStringLiteral("phone")).toString());
    m_email->setText(o.value(QStringLiteral("email")).toString());
    selectTimeZone(m_zone, o.value(QStringLiteral("time_zone")).toString());
    m_reminder->setValue(o.value(QStringLiteral("reminder_hours")).toInt());
    m_cancel->setValue(o.value(QStringLiteral("usager_cancel_hours")).toInt());
    m_senderName->setText(o.value(QStringLiteral("sender_name")).toString());
    m_replyTo->setText(o.value(QStringLiteral("reply_to")).toString());
    m_publicUrl->setText(o.value(QStringLiteral("public_url")).toString());
    m_publicUrl->setPlaceholderText(o.value(QStringLiteral("server_url")).toString());
    m_version = int(o.value(QStringLiteral("seq")).toInteger());
}

QJsonObject OrganisationDialog::payload() const
{
    OrganisationSettings s;
    Organisation &o = s.organisation;
    o.name = m_name->text();
    o.slug = m_slug->text().trimmed();
    o.address = m_address->text();
    o.phone = m_phone->text();
    o.email = m_email->text();
    o.timeZone = chosenTimeZone(m_zone);
    o.reminderHours = m_reminder->value();
    o.usagerCancelHours = m_cancel->value();
    s.senderName = m_senderName->text();
    s.replyTo = m_replyTo->text();
    s.publicUrl = m_publicUrl->text().trimmed();
    return protocol::organisationPayload(s);
}

void OrganisationDialog::save()
{
    setBusy(true);
    m_status->setText(tr("Saving…"));
    m_client->run(
        protocol::CommandType::SaveOrganisation, payload(),
        [this](const client::AdminReply &r) {
            m_errors.show(fieldErrorsOf(r));
            if (r.ok()) {
                m_version = int(r.body.value(QStringLiteral("result"))
                                    .toObject()
                                    .value(QStringLiteral("data"))
                                    .toObject()
                                    .value(QStringLiteral("seq"))
                                    .toInteger());
                emit saved();
            }
            finish(r.ok(), r.ok() ? tr("Saved.") : r.message);
        },
        m_version);
}

void OrganisationDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_save->setEnabled(!busy);
}

void OrganisationDialog::finish(bool ok, const QString &message)
{
    setBusy(false);
    m_status->setText(message);
    m_status->setStyleSheet(ok ? QString() : QStringLiteral("color: #b00020;"));
    emit requestFinished(ok);
}

} // namespace creneau::ui
