#include "ui/absencedialog.h"

#include "ui/clocktime.h"

#include "models/catalog.h"
#include "models/catalogservice.h"
#include "models/recurrence.h"
#include "models/validation.h"
#include "ui/pendingsave.h"
#include "ui/recurrenceeditor.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace creneau::ui {

namespace {

QDateTimeEdit *dateTimeEdit(const char *name, QWidget *parent)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
    edit->setCalendarPopup(true);
    return edit;
}

} // namespace

AbsenceDialog::AbsenceDialog(AgendaSource *source, QWidget *parent)
    : QDialog(parent), m_source(source)
{
    setObjectName(QStringLiteral("absenceDialog"));
    setWindowTitle(tr("Absences"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("absenceList"));
    m_list->setAccessibleName(tr("Absences"));
    m_list->setMinimumWidth(260);
    auto *add = new QPushButton(tr("New absence"), this);
    add->setObjectName(QStringLiteral("newAbsenceButton"));
    auto *remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(QStringLiteral("removeAbsenceButton"));
    auto *left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addWidget(add);
    left->addWidget(remove);

    auto *formBox = new QWidget(this);
    auto *form = new QFormLayout(formBox);
    m_agent = new QComboBox(formBox);
    m_agent->setObjectName(QStringLiteral("absenceAgentCombo"));
    for (const Agent &a : m_source->agents())
        m_agent->addItem(a.fullName(), a.id);
    m_title = new QLineEdit(formBox);
    m_title->setObjectName(QStringLiteral("absenceTitleEdit"));
    m_start = dateTimeEdit("absenceStartEdit", formBox);
    m_end = dateTimeEdit("absenceEndEdit", formBox);
    m_recurrence = new RecurrenceEditor(formBox);
    m_errors.addRow(form, tr("Agent"), m_agent, QStringLiteral("agent_id"));
    m_errors.addRow(form, tr("Title"), m_title, QStringLiteral("title"));
    m_errors.addRow(form, tr("From"), m_start, QStringLiteral("starts_at"));
    m_errors.addRow(form, tr("To"), m_end, QStringLiteral("ends_at"));
    m_errors.addRow(form, tr("Recurrence"), m_recurrence, QStringLiteral("rrule"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *saveButton = buttons->addButton(tr("Save"), QDialogButtonBox::ApplyRole);
    saveButton->setObjectName(QStringLiteral("saveAbsenceButton"));
    auto *right = new QVBoxLayout;
    right->addWidget(formBox);
    right->addWidget(buttons);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left);
    layout->addLayout(right, 1);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(saveButton, &QPushButton::clicked, this, &AbsenceDialog::save);
    connect(add, &QPushButton::clicked, this, &AbsenceDialog::startNew);
    connect(remove, &QPushButton::clicked, this, &AbsenceDialog::removeCurrent);
    connect(m_start, &QDateTimeEdit::dateChanged, m_recurrence, &RecurrenceEditor::setFirstDay);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        const Id id = m_list->item(row)->data(Qt::UserRole).toLongLong();
        for (const Absence &a : Catalog(m_source->store()).absences(m_source->organisation().id))
            if (a.id == id)
                load(a);
    });
    // A saved change shows once back from the server; its refusal next to the fields.
    m_pending = new PendingSave(m_source, this);
    connect(m_pending, &PendingSave::applied, this, [this](qint64 id) { reloadList(id); });
    connect(m_pending, &PendingSave::refused, this,
            [this](const QString &, const FieldErrors &fields) { m_errors.show(fields); });
    reloadList(0);
}

void AbsenceDialog::reloadList(Id select)
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    const QTimeZone zone = m_source->timeZone();
    const QLocale locale;
    int row = -1;
    const QList<Absence> absences =
        Catalog(m_source->store()).absences(m_source->organisation().id);
    for (const Absence &a : absences) {
        const auto agent = Catalog(m_source->store()).agent(a.agentId);
        const QDateTime at = QDateTime::fromSecsSinceEpoch(a.startsAt, zone);
        const QString when =
            locale.toString(at.date(), QStringLiteral("dd/MM/yyyy ")) + clockTime(at.time());
        auto *item =
            new QListWidgetItem(QStringLiteral("%1 — %2 (%3)")
                                    .arg(agent ? agent->fullName() : QString(), a.title, when),
                                m_list);
        item->setData(Qt::UserRole, a.id);
        if (a.id == select || (select == 0 && row < 0))
            row = m_list->count() - 1;
    }
    if (row >= 0) {
        m_list->setCurrentRow(row);
        load(absences[row]);
    } else {
        startNew();
    }
}

void AbsenceDialog::startNew()
{
    Absence fresh;
    fresh.organisationId = m_source->organisation().id;
    fresh.agentId = m_agent->currentData().toLongLong();
    const QDateTime tomorrow(QDate::currentDate().addDays(1), QTime(9, 0), m_source->timeZone());
    fresh.startsAt = tomorrow.toSecsSinceEpoch();
    fresh.endsAt = fresh.startsAt + 3 * 3600;
    {
        const QSignalBlocker block(m_list);
        m_list->setCurrentRow(-1);
    }
    load(fresh);
}

void AbsenceDialog::load(const Absence &absence)
{
    m_current = absence;
    const QTimeZone zone = m_source->timeZone();
    // The edits show wall-clock time; save() reads them in the organisation's zone.
    const QDateTime start = QDateTime::fromSecsSinceEpoch(absence.startsAt, zone);
    const QDateTime end = QDateTime::fromSecsSinceEpoch(absence.endsAt, zone);
    m_agent->setCurrentIndex(std::max(0, m_agent->findData(absence.agentId)));
    m_title->setText(absence.title);
    {
        const QSignalBlocker block(m_start);
        m_start->setDateTime(QDateTime(start.date(), start.time()));
    }
    m_end->setDateTime(QDateTime(end.date(), end.time()));
    m_recurrence->setRule(absence.rrule, start.date(), {});
    m_errors.show({});
}

bool AbsenceDialog::save()
{
    const QTimeZone zone = m_source->timeZone();
    Absence absence = m_current;
    absence.agentId = m_agent->currentData().toLongLong();
    absence.title = m_title->text().trimmed();
    absence.startsAt = QDateTime(m_start->date(), m_start->time(), zone).toSecsSinceEpoch();
    absence.endsAt = QDateTime(m_end->date(), m_end->time(), zone).toSecsSinceEpoch();
    absence.rrule = m_recurrence->rrule();
    // The server's rules (CatalogService), so the desktop refuses what the server would; an
    // instant left as saved is not held to the horizon, as on the server.
    const FieldErrors errors = CatalogService::checkAbsence(
        absence, QDateTime::currentSecsSinceEpoch(), m_current.id ? &m_current : nullptr);
    if (!m_errors.show(errors))
        return false;
    // The form keeps what was typed until the server answers (see m_pending).
    m_pending->track(m_source->save(absence));
    emit catalogChanged();
    return true;
}

void AbsenceDialog::removeCurrent()
{
    if (!m_current.id)
        return;
    m_pending->track(m_source->removeAbsence(m_current.id));
    emit catalogChanged();
}

} // namespace creneau::ui
