#include "ui/newrdvdialog.h"

#include "ui/pendingsave.h"
#include "ui/usagersearch.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace creneau::ui {

namespace {

QLineEdit *lineEdit(const char *name, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QString::fromLatin1(name));
    return edit;
}

} // namespace

NewRdvDialog::NewRdvDialog(AgendaSource *source, Id bookingAgentId, const QDateTime &start,
                           Id agentId, QWidget *parent)
    : QDialog(parent), m_source(source), m_bookingAgentId(bookingAgentId)
{
    setObjectName(QStringLiteral("newRdvDialog"));
    setWindowTitle(tr("New appointment"));
    m_search = new UsagerSearch(source, this);
    m_search->setObjectName(QStringLiteral("usagerSearch"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("bookingError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    m_context = lineEdit("contextEdit", this);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_bookButton = buttons->addButton(tr("Book"), QDialogButtonBox::AcceptRole);
    m_bookButton->setObjectName(QStringLiteral("bookButton"));
    auto *usagerBox = new QGroupBox(tr("Usager"), this);
    auto *usagerLayout = new QVBoxLayout(usagerBox);
    usagerLayout->addWidget(m_search);
    usagerLayout->addWidget(buildNewUsager());
    auto *contextForm = new QFormLayout;
    m_errors.addRow(contextForm, tr("Context note"), m_context, QStringLiteral("context"));

    auto *layout = new QVBoxLayout(this);
    m_what = buildWhat(start, agentId);
    layout->addWidget(m_what);
    layout->addWidget(usagerBox, 1);
    layout->addLayout(contextForm);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!book())
            return;
        if (!m_pending)
            return accept();
        m_bookButton->setEnabled(false);
        m_pending->track(m_source->lastBookingKey());
    });
    // Picking someone found replaces the new usager form, and typing a new one clears the pick.
    connect(m_search, &UsagerSearch::usagerSelected, this,
            [this](qint64 id) { m_newUsager->setChecked(id == 0); });
    connect(m_newUsager, &QGroupBox::toggled, this, [this](bool on) {
        if (on)
            m_search->list()->setCurrentRow(-1);
    });
}

QWidget *NewRdvDialog::buildWhat(const QDateTime &start, Id agentId)
{
    auto *box = new QWidget(this);
    auto *form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    m_motif = new QComboBox(box);
    m_motif->setObjectName(QStringLiteral("motifCombo"));
    for (const Motif &m : m_source->motifs())
        if (!m.archived)
            m_motif->addItem(tr("%1 (%n min)", nullptr, m.durationMinutes).arg(m.name), m.id);
    m_lieu = new QComboBox(box);
    m_lieu->setObjectName(QStringLiteral("lieuCombo"));
    for (const Lieu &l : m_source->lieux())
        if (!l.archived)
            m_lieu->addItem(l.name, l.id);
    m_agent = new QComboBox(box);
    m_agent->setObjectName(QStringLiteral("agentCombo"));
    for (const Agent &a : m_source->agents())
        m_agent->addItem(a.fullName(), a.id);
    m_agent->setCurrentIndex(std::max(0, m_agent->findData(agentId ? agentId : m_bookingAgentId)));
    // The edit shows wall-clock time; request() reads it in the organisation's zone.
    const QDateTime shown = start.isValid() ? start : QDateTime::currentDateTime();
    m_start = new QDateTimeEdit(QDateTime(shown.date(), shown.time()), box);
    m_start->setObjectName(QStringLiteral("startEdit"));
    m_start->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
    m_start->setCalendarPopup(true);
    form->addRow(tr("Motif"), m_motif);
    form->addRow(tr("Lieu"), m_lieu);
    form->addRow(tr("Agent"), m_agent);
    m_errors.addRow(form, tr("Start"), m_start, QStringLiteral("starts_at"));
    return box;
}

QWidget *NewRdvDialog::buildNewUsager()
{
    m_newUsager = new QGroupBox(tr("New usager"), this);
    m_newUsager->setObjectName(QStringLiteral("newUsagerBox"));
    m_newUsager->setCheckable(true);
    m_newUsager->setChecked(true);
    auto *form = new QFormLayout(m_newUsager);
    m_firstName = lineEdit("firstNameEdit", m_newUsager);
    m_lastName = lineEdit("lastNameEdit", m_newUsager);
    m_birthDate = lineEdit("birthDateEdit", m_newUsager);
    m_birthDate->setPlaceholderText(tr("dd/mm/yyyy"));
    m_phone = lineEdit("phoneEdit", m_newUsager);
    m_email = lineEdit("emailEdit", m_newUsager);
    m_errors.addRow(form, tr("First name"), m_firstName, QStringLiteral("usager.first_name"));
    m_errors.addRow(form, tr("Last name"), m_lastName, QStringLiteral("usager.last_name"));
    m_errors.addRow(form, tr("Birth date"), m_birthDate, QStringLiteral("usager.birth_date"));
    m_errors.addRow(form, tr("Phone"), m_phone, QStringLiteral("usager.phone"));
    m_errors.addRow(form, tr("E-mail"), m_email, QStringLiteral("usager.email"));
    return m_newUsager;
}

void NewRdvDialog::setSession(const CollectiveSession &session)
{
    m_session = session;
    setWindowTitle(tr("Add a participant"));
    m_bookButton->setText(tr("Register"));
    m_what->hide();
    m_pending = new PendingSave(m_source, this);
    connect(m_pending, &PendingSave::applied, this, &QDialog::accept);
    connect(m_pending, &PendingSave::refused, this,
            [this](const QString &message, const FieldErrors &fields) {
                m_errors.show(fields);
                m_error->setText(message);
                m_error->setVisible(true);
                m_bookButton->setEnabled(true);
            });
}

BookingRequest NewRdvDialog::request() const
{
    BookingRequest r;
    r.organisationId = m_source->organisation().id;
    r.motifId = m_motif->currentData().toLongLong();
    r.lieuId = m_lieu->currentData().toLongLong();
    r.startsAt =
        QDateTime(m_start->date(), m_start->time(), m_source->timeZone()).toSecsSinceEpoch();
    r.bookedBy = CreatedBy::Agent;
    r.agentId = m_agent->currentData().toLongLong();
    r.context = m_context->text().trimmed();
    r.existingUsagerId = m_newUsager->isChecked() ? 0 : m_search->selectedUsager();
    r.usager.firstName = m_firstName->text();
    r.usager.lastName = m_lastName->text();
    r.usager.birthDate =
        QDate::fromString(m_birthDate->text().trimmed(), QStringLiteral("dd/MM/yyyy"));
    r.usager.phone = m_phone->text();
    r.usager.email = m_email->text();
    if (m_session.id) {
        r.sessionId = m_session.id;
        r.motifId = m_session.motifId;
        r.lieuId = m_session.lieuId;
        r.startsAt = m_session.startsAt;
        r.agentId = m_bookingAgentId;
    }
    return r;
}

bool NewRdvDialog::book()
{
    const BookingRequest r = request();
    FieldErrors early;
    if (!r.existingUsagerId && !m_birthDate->text().trimmed().isEmpty() &&
        !r.usager.birthDate.isValid())
        early.insert(QStringLiteral("usager.birth_date"), tr("Enter a date such as 14/03/1980."));
    if (!m_newUsager->isChecked() && !r.existingUsagerId)
        early.insert(QStringLiteral("usager.first_name"),
                     tr("Pick a usager in the list or create one."));
    if (!early.isEmpty()) {
        m_errors.show(early);
        return false;
    }
    const BookingOutcome outcome = m_source->book(r);
    m_errors.show(outcome.fields);
    m_error->setText(outcome.ok() ? QString() : outcome.message);
    m_error->setVisible(!outcome.ok());
    if (outcome.ok())
        m_booked = outcome.rdv.id;
    return outcome.ok();
}

} // namespace creneau::ui
