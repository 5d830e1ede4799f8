#include "ui/sessiondialog.h"

#include "models/collectivesessions.h"
#include "models/recurrence.h"
#include "ui/pendingsave.h"
#include "ui/recurrenceeditor.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace creneau::ui {

namespace {

template <typename T> T *named(T *widget, const char *name, const QString &spoken)
{
    widget->setObjectName(QString::fromLatin1(name));
    widget->setAccessibleName(spoken);
    return widget;
}

} // namespace

SessionDialog::SessionDialog(AgendaSource *source, const QDateTime &start, QWidget *parent)
    : QDialog(parent), m_source(source), m_pending(new PendingSave(source, this))
{
    setObjectName(QStringLiteral("sessionDialog"));
    setWindowTitle(tr("New collective session"));
    m_motif = named(new QComboBox(this), "sessionMotifCombo", tr("Motif"));
    for (const Motif &m : source->motifs())
        if (!m.archived && m.isCollective())
            m_motif->addItem(m.name, m.id);
    m_lieu = named(new QComboBox(this), "sessionLieuCombo", tr("Lieu"));
    for (const Lieu &l : source->lieux())
        if (!l.archived)
            m_lieu->addItem(l.name, l.id);
    m_start = named(new QDateTimeEdit(QDateTime(start.date(), start.time()), this),
                    "sessionStartEdit", tr("Start"));
    m_start->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
    m_start->setCalendarPopup(true);
    m_duration = named(new QSpinBox(this), "sessionDurationSpin", tr("Duration"));
    m_duration->setRange(5, 12 * 60);
    m_duration->setSuffix(tr(" min"));
    m_capacity = named(new QSpinBox(this), "sessionCapacitySpin", tr("Places"));
    m_capacity->setRange(1, 1000);
    m_agents = named(new QListWidget(this), "sessionAgentsList", tr("Led by"));
    m_agents->setFixedHeight(110);
    for (const Agent &a : source->agents()) {
        auto *item = new QListWidgetItem(a.fullName(), m_agents);
        item->setData(Qt::UserRole, a.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_recurrence = new RecurrenceEditor(this);
    m_recurrence->setFirstDay(m_start->date());
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("sessionError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);

    auto *form = new QFormLayout;
    m_errors.addRow(form, tr("Motif"), m_motif, QStringLiteral("motif_id"));
    m_errors.addRow(form, tr("Lieu"), m_lieu, QStringLiteral("lieu_id"));
    m_errors.addRow(form, tr("Start"), m_start, QStringLiteral("starts_at"));
    m_errors.addRow(form, tr("Duration"), m_duration, QStringLiteral("duration_minutes"));
    m_errors.addRow(form, tr("Places"), m_capacity, QStringLiteral("capacity"));
    m_errors.addRow(form, tr("Led by"), m_agents, QStringLiteral("agent_ids"));
    m_errors.addRow(form, tr("Repeat (no day ticked: once)"), m_recurrence,
                    QStringLiteral("rrule"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("Create"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("createSessionButton"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_motif, &QComboBox::currentIndexChanged, this, &SessionDialog::motifChosen);
    connect(m_start, &QDateTimeEdit::dateChanged, m_recurrence, &RecurrenceEditor::setFirstDay);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, &SessionDialog::save);
    connect(m_pending, &PendingSave::applied, this, &QDialog::accept);
    connect(m_pending, &PendingSave::refused, this,
            [this](const QString &message, const FieldErrors &fields) {
                m_errors.show(fields);
                m_error->setText(message);
                m_error->setVisible(true);
                m_create->setEnabled(true);
            });
    motifChosen();
}

void SessionDialog::motifChosen()
{
    const auto motif = m_source->motif(m_motif->currentData().toLongLong());
    if (!motif)
        return;
    m_duration->setValue(motif->durationMinutes);
    m_capacity->setValue(motif->capacity);
}

QList<protocol::SessionPayload> SessionDialog::payloads() const
{
    protocol::SessionPayload p;
    p.motifId = m_motif->currentData().toLongLong();
    p.lieuId = m_lieu->currentData().toLongLong();
    for (int i = 0; i < m_agents->count(); ++i)
        if (m_agents->item(i)->checkState() == Qt::Checked)
            p.agentIds << m_agents->item(i)->data(Qt::UserRole).toLongLong();
    const QTimeZone zone = m_source->timeZone();
    p.startsAt = QDateTime(m_start->date(), m_start->time(), zone).toSecsSinceEpoch();
    p.durationMinutes = m_duration->value();
    p.capacity = m_capacity->value();
    p.rrule = m_recurrence->rrule();
    const QList<QDate> exceptions = m_recurrence->exceptions();
    if (p.rrule.isEmpty() || exceptions.isEmpty())
        return {p};
    // The server's window for a series: a year from the first day.
    const QDate first = m_start->date();
    QList<protocol::SessionPayload> out;
    for (const QDate &day :
         RecurrenceRule::parse(p.rrule).dates(first, first, first.addDays(366), exceptions)) {
        protocol::SessionPayload one = p;
        one.rrule.clear();
        one.startsAt = QDateTime(day, m_start->time(), zone).toSecsSinceEpoch();
        out << one;
    }
    return out;
}

bool SessionDialog::save()
{
    FieldErrors early;
    if (!m_motif->currentData().toLongLong())
        early.insert(QStringLiteral("motif_id"),
                     tr("No collective motif: give a motif places first (Administration › "
                        "Motifs…)."));
    const QList<protocol::SessionPayload> all = payloads();
    if (all.isEmpty())
        early.insert(QStringLiteral("rrule"), tr("Every occurrence is an exception."));
    else if (all.first().agentIds.isEmpty())
        early.insert(QStringLiteral("agent_ids"), tr("Tick the agents leading the session."));
    if (!RecurrenceRule::parse(m_recurrence->rrule()).isValid())
        early.insert(QStringLiteral("rrule"), RecurrenceRule::parse(m_recurrence->rrule()).error());
    m_error->setVisible(false);
    if (!m_errors.show(early))
        return false;
    if (all.size() > CollectiveSessionService::kMaxSeries) {
        m_error->setText(
            tr("At most %1 sessions at once.").arg(CollectiveSessionService::kMaxSeries));
        m_error->setVisible(true);
        return false;
    }
    QString key;
    for (const protocol::SessionPayload &p : all)
        key = m_source->createSession(p);
    // Commands are sent in order: the last one answered, the others were too.
    m_pending->track(key);
    m_create->setEnabled(false);
    return true;
}

} // namespace creneau::ui
