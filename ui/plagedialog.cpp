#include "ui/plagedialog.h"

#include "ui/clocktime.h"

#include "models/catalog.h"
#include "models/catalogservice.h"
#include "ui/recurrenceeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QTimeEdit>

namespace creneau::ui {

PlageDialog::PlageDialog(AgendaSource *source, QWidget *parent)
    : ListFormDialog(source, {"plageDialog", "plageList", "newPlageButton", "savePlageButton"},
                     tr("Opening ranges"), tr("New opening range"), parent)
{
    list()->setMinimumWidth(260);
    buildForm();
    finishLayout();
}

void PlageDialog::buildForm()
{
    QWidget *box = formBox();
    m_title = named(new QLineEdit(box), "titleEdit");
    m_agent = named(new QComboBox(box), "agentCombo");
    for (const Agent &a : source()->agents())
        m_agent->addItem(a.fullName(), a.id);
    m_lieu = named(new QComboBox(box), "lieuCombo");
    for (const Lieu &l : source()->lieux())
        if (!l.archived)
            m_lieu->addItem(l.name, l.id);
    m_motifs = named(new QListWidget(box), "motifsList");
    m_motifs->setFixedHeight(100);
    for (const Motif &m : source()->motifs()) {
        if (m.archived)
            continue;
        auto *item = new QListWidgetItem(m.name, m_motifs);
        item->setData(Qt::UserRole, m.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_firstDay = named(new QDateEdit(box), "firstDayEdit");
    m_firstDay->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_firstDay->setCalendarPopup(true);
    m_start = named(new QTimeEdit(box), "startTimeEdit");
    m_end = named(new QTimeEdit(box), "endTimeEdit");
    m_recurrence = new RecurrenceEditor(box);
    m_archived = named(new QCheckBox(tr("Archived"), box), "archivedCheck");

    addField(tr("Title"), m_title, QStringLiteral("title"));
    addField(tr("Agent"), m_agent, QStringLiteral("agent_id"));
    addField(tr("Lieu"), m_lieu, QStringLiteral("lieu_id"));
    addField(tr("Motifs"), m_motifs, QStringLiteral("motif_ids"));
    addField(tr("First day"), m_firstDay, QStringLiteral("first_day"));
    form()->addRow(tr("From"), m_start);
    addField(tr("To"), m_end, QStringLiteral("end_time"));
    addField(tr("Recurrence"), m_recurrence, QStringLiteral("rrule"));
    form()->addRow(QString(), m_archived);
    connect(m_firstDay, &QDateEdit::dateChanged, m_recurrence, &RecurrenceEditor::setFirstDay);
}

QList<ListFormDialog::Row> PlageDialog::rows() const
{
    QList<Row> rows;
    Catalog catalog(source()->store());
    for (const PlageOuverture &p : catalog.plages(source()->organisation().id)) {
        const auto agent = catalog.agent(p.agentId);
        rows.append({p.id,
                     QStringLiteral("%1 — %2 %3–%4")
                         .arg(agent ? agent->fullName() : QString(), p.title,
                              clockTime(p.startTime), clockTime(p.endTime)),
                     p.archived,
                     {}});
    }
    return rows;
}

void PlageDialog::loadRow(Id id)
{
    for (const PlageOuverture &p : Catalog(source()->store()).plages(source()->organisation().id))
        if (p.id == id)
            load(p);
}

void PlageDialog::loadNew()
{
    PlageOuverture fresh;
    fresh.organisationId = source()->organisation().id;
    fresh.agentId = m_agent->currentData().toLongLong();
    fresh.lieuId = m_lieu->currentData().toLongLong();
    fresh.firstDay = QDate::currentDate();
    fresh.startTime = QTime(9, 0);
    fresh.endTime = QTime(12, 0);
    fresh.rrule = QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    load(fresh);
}

void PlageDialog::load(const PlageOuverture &plage)
{
    m_current = plage;
    m_title->setText(plage.title);
    m_agent->setCurrentIndex(std::max(0, m_agent->findData(plage.agentId)));
    m_lieu->setCurrentIndex(std::max(0, m_lieu->findData(plage.lieuId)));
    for (int i = 0; i < m_motifs->count(); ++i) {
        QListWidgetItem *item = m_motifs->item(i);
        item->setCheckState(plage.motifIds.contains(item->data(Qt::UserRole).toLongLong())
                                ? Qt::Checked
                                : Qt::Unchecked);
    }
    {
        const QSignalBlocker block(m_firstDay);
        m_firstDay->setDate(plage.firstDay);
    }
    m_start->setTime(plage.startTime);
    m_end->setTime(plage.endTime);
    m_recurrence->setRule(plage.rrule, plage.firstDay, plage.exceptionDates);
    m_archived->setChecked(plage.archived);
}

PlageOuverture PlageDialog::fromForm() const
{
    PlageOuverture p = m_current;
    p.title = m_title->text().trimmed();
    p.agentId = m_agent->currentData().toLongLong();
    p.lieuId = m_lieu->currentData().toLongLong();
    p.motifIds.clear();
    for (int i = 0; i < m_motifs->count(); ++i)
        if (m_motifs->item(i)->checkState() == Qt::Checked)
            p.motifIds << m_motifs->item(i)->data(Qt::UserRole).toLongLong();
    p.firstDay = m_firstDay->date();
    p.startTime = m_start->time();
    p.endTime = m_end->time();
    p.rrule = m_recurrence->rrule();
    p.exceptionDates = m_recurrence->exceptions();
    p.archived = m_archived->isChecked();
    return p;
}

bool PlageDialog::save()
{
    const PlageOuverture plage = fromForm();
    // The server's rules (CatalogService), so its messages show next to the fields here.
    return submit(CatalogService::checkPlage(plage), [&] { return source()->save(plage); });
}

} // namespace creneau::ui
