#include "ui/absencedialog.h"

#include "ui/clocktime.h"

#include "models/catalog.h"
#include "models/catalogservice.h"
#include "models/recurrence.h"
#include "models/validation.h"
#include "ui/recurrenceeditor.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

namespace creneau::ui {

namespace {

// A day and a time, the day picked from a calendar.
QDateTimeEdit *dayAndTime(QDateTimeEdit *edit)
{
    edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
    edit->setCalendarPopup(true);
    return edit;
}

} // namespace

AbsenceDialog::AbsenceDialog(AgendaSource *source, QWidget *parent)
    : ListFormDialog(source,
                     {"absenceDialog", "absenceList", "newAbsenceButton", "saveAbsenceButton"},
                     tr("Absences"), tr("New absence"), parent)
{
    list()->setMinimumWidth(260);
    auto *remove = named(new QPushButton(tr("Remove"), this), "removeAbsenceButton");
    addListButton(remove);

    m_agent = named(new QComboBox(formBox()), "absenceAgentCombo");
    for (const Agent &a : source->agents())
        m_agent->addItem(a.fullName(), a.id);
    m_title = named(new QLineEdit(formBox()), "absenceTitleEdit");
    m_start = dayAndTime(named(new QDateTimeEdit(formBox()), "absenceStartEdit"));
    m_end = dayAndTime(named(new QDateTimeEdit(formBox()), "absenceEndEdit"));
    m_recurrence = new RecurrenceEditor(formBox());
    addField(tr("Agent"), m_agent, QStringLiteral("agent_id"));
    addField(tr("Title"), m_title, QStringLiteral("title"));
    addField(tr("From"), m_start, QStringLiteral("starts_at"));
    addField(tr("To"), m_end, QStringLiteral("ends_at"));
    addField(tr("Recurrence"), m_recurrence, QStringLiteral("rrule"));
    connect(remove, &QPushButton::clicked, this, &AbsenceDialog::removeCurrent);
    connect(m_start, &QDateTimeEdit::dateChanged, m_recurrence, &RecurrenceEditor::setFirstDay);
    finishLayout();
}

QList<ListFormDialog::Row> AbsenceDialog::rows() const
{
    const QTimeZone zone = source()->timeZone();
    const QLocale locale;
    QList<Row> rows;
    Catalog catalog(source()->store());
    for (const Absence &a : catalog.absences(source()->organisation().id)) {
        const auto agent = catalog.agent(a.agentId);
        const QDateTime at = QDateTime::fromSecsSinceEpoch(a.startsAt, zone);
        const QString when =
            locale.toString(at.date(), QStringLiteral("dd/MM/yyyy ")) + clockTime(at.time());
        rows.append({a.id,
                     QStringLiteral("%1 — %2 (%3)")
                         .arg(agent ? agent->fullName() : QString(), a.title, when),
                     false,
                     {}});
    }
    return rows;
}

void AbsenceDialog::loadRow(Id id)
{
    for (const Absence &a : Catalog(source()->store()).absences(source()->organisation().id))
        if (a.id == id)
            load(a);
}

void AbsenceDialog::loadNew()
{
    Absence fresh;
    fresh.organisationId = source()->organisation().id;
    fresh.agentId = m_agent->currentData().toLongLong();
    const QDateTime tomorrow(QDate::currentDate().addDays(1), QTime(9, 0), source()->timeZone());
    fresh.startsAt = tomorrow.toSecsSinceEpoch();
    fresh.endsAt = fresh.startsAt + 3 * 3600;
    load(fresh);
}

void AbsenceDialog::load(const Absence &absence)
{
    m_current = absence;
    const QTimeZone zone = source()->timeZone();
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
}

bool AbsenceDialog::save()
{
    const QTimeZone zone = source()->timeZone();
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
    return submit(errors, [&] { return source()->save(absence); });
}

void AbsenceDialog::removeCurrent()
{
    if (!m_current.id)
        return;
    trackChange(source()->removeAbsence(m_current.id));
}

} // namespace creneau::ui
