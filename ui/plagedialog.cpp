#include "ui/plagedialog.h"

#include "ui/clocktime.h"

#include "models/catalog.h"
#include "models/catalogservice.h"
#include "ui/pendingsave.h"
#include "ui/recurrenceeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace creneau::ui {

namespace {

template <typename W> W *named(W *widget, const char *name)
{
    widget->setObjectName(QString::fromLatin1(name));
    return widget;
}

} // namespace

PlageDialog::PlageDialog(AgendaSource *source, QWidget *parent) : QDialog(parent), m_source(source)
{
    setObjectName(QStringLiteral("plageDialog"));
    setWindowTitle(tr("Opening ranges"));
    m_list = named(new QListWidget(this), "plageList");
    m_list->setMinimumWidth(260);
    m_list->setAccessibleName(tr("Opening ranges"));
    auto *add = named(new QPushButton(tr("New opening range"), this), "newPlageButton");
    auto *left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addWidget(add);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *saveButton =
        named(buttons->addButton(tr("Save"), QDialogButtonBox::ApplyRole), "savePlageButton");
    auto *right = new QVBoxLayout;
    right->addWidget(buildForm());
    right->addWidget(buttons);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left);
    layout->addLayout(right, 1);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(saveButton, &QPushButton::clicked, this, &PlageDialog::save);
    connect(add, &QPushButton::clicked, this, &PlageDialog::startNew);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        const Id id = m_list->item(row)->data(Qt::UserRole).toLongLong();
        for (const PlageOuverture &p :
             Catalog(m_source->store()).plages(m_source->organisation().id))
            if (p.id == id)
                load(p);
    });
    // A saved change shows once back from the server; its refusal next to the fields.
    m_pending = new PendingSave(m_source, this);
    connect(m_pending, &PendingSave::applied, this, [this](qint64 id) { reloadList(id); });
    connect(m_pending, &PendingSave::refused, this,
            [this](const QString &, const FieldErrors &fields) { m_errors.show(fields); });
    reloadList(0);
}

QWidget *PlageDialog::buildForm()
{
    auto *box = new QWidget(this);
    auto *form = new QFormLayout(box);
    m_title = named(new QLineEdit(box), "titleEdit");
    m_agent = named(new QComboBox(box), "agentCombo");
    for (const Agent &a : m_source->agents())
        m_agent->addItem(a.fullName(), a.id);
    m_lieu = named(new QComboBox(box), "lieuCombo");
    for (const Lieu &l : m_source->lieux())
        if (!l.archived)
            m_lieu->addItem(l.name, l.id);
    m_motifs = named(new QListWidget(box), "motifsList");
    m_motifs->setFixedHeight(100);
    for (const Motif &m : m_source->motifs()) {
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

    m_errors.addRow(form, tr("Title"), m_title, QStringLiteral("title"));
    m_errors.addRow(form, tr("Agent"), m_agent, QStringLiteral("agent_id"));
    m_errors.addRow(form, tr("Lieu"), m_lieu, QStringLiteral("lieu_id"));
    m_errors.addRow(form, tr("Motifs"), m_motifs, QStringLiteral("motif_ids"));
    m_errors.addRow(form, tr("First day"), m_firstDay, QStringLiteral("first_day"));
    form->addRow(tr("From"), m_start);
    m_errors.addRow(form, tr("To"), m_end, QStringLiteral("end_time"));
    m_errors.addRow(form, tr("Recurrence"), m_recurrence, QStringLiteral("rrule"));
    form->addRow(QString(), m_archived);
    connect(m_firstDay, &QDateEdit::dateChanged, m_recurrence, &RecurrenceEditor::setFirstDay);
    return box;
}

void PlageDialog::reloadList(Id select)
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    int row = -1;
    const QList<PlageOuverture> plages =
        Catalog(m_source->store()).plages(m_source->organisation().id);
    for (const PlageOuverture &p : plages) {
        const auto agent = Catalog(m_source->store()).agent(p.agentId);
        const QString text = QStringLiteral("%1 — %2 %3–%4")
                                 .arg(agent ? agent->fullName() : QString(), p.title,
                                      clockTime(p.startTime), clockTime(p.endTime));
        auto *item = new QListWidgetItem(p.archived ? tr("%1 (archived)").arg(text) : text, m_list);
        item->setData(Qt::UserRole, p.id);
        if (p.id == select || (select == 0 && row < 0))
            row = m_list->count() - 1;
    }
    if (row >= 0) {
        m_list->setCurrentRow(row);
        load(plages[row]);
    } else {
        startNew();
    }
}

void PlageDialog::selectPlage(Id plageId)
{
    reloadList(plageId);
}

void PlageDialog::startNew()
{
    PlageOuverture fresh;
    fresh.organisationId = m_source->organisation().id;
    fresh.agentId = m_agent->currentData().toLongLong();
    fresh.lieuId = m_lieu->currentData().toLongLong();
    fresh.firstDay = QDate::currentDate();
    fresh.startTime = QTime(9, 0);
    fresh.endTime = QTime(12, 0);
    fresh.rrule = QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    {
        const QSignalBlocker block(m_list);
        m_list->setCurrentRow(-1);
    }
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
    m_errors.show({});
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
    PlageOuverture plage = fromForm();
    if (!m_errors.show(CatalogService::checkPlage(plage))) // the server's rules
        return false;
    // The form keeps what was typed until the server answers (see m_pending).
    m_pending->track(m_source->save(plage));
    emit catalogChanged();
    return true;
}

} // namespace creneau::ui
