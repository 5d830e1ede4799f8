#include "ui/sessionpanel.h"

#include "models/frenchformat.h"
#include "ui/agendamodel.h"
#include "ui/contactlinks.h"
#include "ui/newrdvdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace creneau::ui {

namespace {

// The statuses a participant can be given at the desk (cancelling is « Remove »).
constexpr RdvStatus kStatuses[] = {RdvStatus::Unknown, RdvStatus::Seen, RdvStatus::NoShow,
                                   RdvStatus::Excused};

const char kRdvIdProperty[] = "rdvId";

// Who registered the participant and how to reach them, as the appointment panel shows it.
QString prescripteurText(const Rdv &rdv)
{
    const Prescripteur &p = rdv.prescripteur;
    if (p.isEmpty())
        return SessionPanel::tr("Registered by an agent");
    QStringList parts{p.fullName().trimmed().toHtmlEscaped()};
    for (const QString &link : {mailtoLink(p.email), telLink(p.phone)})
        if (!link.isEmpty())
            parts << link;
    return parts.join(QStringLiteral("<br>"));
}

} // namespace

SessionPanel::SessionPanel(AgendaSource *source, QWidget *parent)
    : QWidget(parent), m_source(source)
{
    setObjectName(QStringLiteral("sessionPanel"));
    setAccessibleName(tr("Collective session"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<b>Collective session</b>"), this);
    title->setAccessibleName(tr("Collective session"));
    layout->addWidget(title);

    auto *form = new QFormLayout;
    m_motif = addRow(form, tr("Motif"), QStringLiteral("sessionMotifLabel"));
    m_when = addRow(form, tr("When"), QStringLiteral("sessionWhenLabel"));
    m_lieu = addRow(form, tr("Lieu"), QStringLiteral("sessionLieuLabel"));
    m_agents = addRow(form, tr("Led by"), QStringLiteral("sessionAgentsLabel"));
    m_places = addRow(form, tr("Places taken"), QStringLiteral("sessionPlacesLabel"));
    m_status = addRow(form, tr("Status"), QStringLiteral("sessionStatusLabel"));
    layout->addLayout(form);

    auto *box = new QGroupBox(tr("Participants"), this);
    box->setObjectName(QStringLiteral("participantsBox"));
    auto *boxLayout = new QVBoxLayout(box);
    m_noParticipant = new QLabel(tr("No participant yet."), box);
    m_noParticipant->setObjectName(QStringLiteral("noParticipantLabel"));
    boxLayout->addWidget(m_noParticipant);
    m_participants = new QWidget(box);
    m_participants->setObjectName(QStringLiteral("participantsList"));
    m_participants->setAccessibleName(tr("Participants"));
    m_participantsGrid = new QGridLayout(m_participants);
    m_participantsGrid->setContentsMargins(0, 0, 0, 0);
    boxLayout->addWidget(m_participants);
    layout->addWidget(box);

    auto *actions = new QHBoxLayout;
    m_add = new QPushButton(tr("Add a participant…"), this);
    m_add->setObjectName(QStringLiteral("addParticipantButton"));
    m_cancel = new QPushButton(tr("Cancel the session…"), this);
    m_cancel->setObjectName(QStringLiteral("cancelSessionButton"));
    actions->addWidget(m_add);
    actions->addWidget(m_cancel);
    layout->addLayout(actions);
    layout->addStretch();
    connect(m_add, &QPushButton::clicked, this, &SessionPanel::askAddParticipant);
    connect(m_cancel, &QPushButton::clicked, this, &SessionPanel::askCancelSession);

    showSession(0);
}

QLabel *SessionPanel::addRow(QFormLayout *form, const QString &label, const QString &name)
{
    auto *value = new QLabel(this);
    value->setObjectName(name);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *caption = new QLabel(label, this);
    caption->setBuddy(value);
    form->addRow(caption, value);
    // As in the appointment panel: the value is spoken by its text, described by its caption.
    value->setAccessibleDescription(label);
    return value;
}

void SessionPanel::showSession(Id sessionId)
{
    m_sessionId = sessionId;
    const std::optional<CollectiveSession> s =
        sessionId ? m_source->session(sessionId) : std::nullopt;
    setEnabled(bool(s));
    if (!s) {
        for (QLabel *l : {m_motif, m_when, m_lieu, m_agents, m_places, m_status})
            l->clear();
        fillParticipants(CollectiveSession());
        return;
    }
    const QTimeZone zone = m_source->timeZone();
    const auto motif = m_source->motif(s->motifId);
    const auto lieu = s->lieuId ? m_source->lieu(s->lieuId) : std::nullopt;
    m_motif->setText((motif ? motif->name : QString()) +
                     (s->title.isEmpty() ? QString() : QStringLiteral(" — ") + s->title));
    m_when->setText(fr::dateTime(s->startsAt, zone) +
                    tr(" (%n minute(s))", nullptr, s->durationMinutes));
    m_lieu->setText(lieu ? lieu->name : QString());
    QStringList agents;
    for (const Agent &a : m_source->agents())
        if (s->agentIds.contains(a.id))
            agents << a.fullName();
    m_agents->setText(agents.join(QStringLiteral(", ")));
    const int taken = int(m_source->participants(s->id).size());
    const QString places = AgendaModel::placesText(taken, s->capacity);
    m_places->setText(taken < s->capacity ? places : tr("%1 (full)").arg(places));
    QString status =
        s->cancelled ? displayName(RdvStatus::Revoked) : displayName(RdvStatus::Unknown);
    if (s->cancelled && !s->cancelReason.isEmpty())
        status += QStringLiteral(" — ") + s->cancelReason;
    m_status->setText(status);
    m_add->setEnabled(!s->cancelled && taken < s->capacity);
    m_add->setToolTip(taken < s->capacity ? QString() : tr("The session is full."));
    m_cancel->setEnabled(!s->cancelled);
    fillParticipants(*s);
}

void SessionPanel::fillParticipants(const CollectiveSession &session)
{
    // Rebuilt, later: a status combo may be the one whose signal brought us here.
    for (QWidget *w :
         m_participants->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly)) {
        m_participantsGrid->removeWidget(w);
        w->hide();
        w->deleteLater();
    }
    const QList<Rdv> participants =
        session.id && !session.cancelled ? m_source->participants(session.id) : QList<Rdv>();
    m_noParticipant->setVisible(participants.isEmpty());
    m_participants->setVisible(!participants.isEmpty());
    for (int i = 0; i < participants.size(); ++i)
        addParticipantRow(i, participants.at(i));
}

void SessionPanel::addParticipantRow(int row, const Rdv &rdv)
{
    const auto usager =
        rdv.usagerIds.isEmpty() ? std::nullopt : m_source->usager(rdv.usagerIds.first());
    const QString who = usager ? usager->fullName() : QString();
    auto *name = new QLabel(who, m_participants);
    name->setObjectName(QStringLiteral("participantName"));
    name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *prescripteur = new QLabel(prescripteurText(rdv), m_participants);
    prescripteur->setObjectName(QStringLiteral("participantPrescripteur"));
    prescripteur->setTextFormat(Qt::RichText);
    prescripteur->setOpenExternalLinks(true);
    prescripteur->setTextInteractionFlags(Qt::TextBrowserInteraction);
    prescripteur->setAccessibleDescription(tr("Prescripteur of %1").arg(who));
    auto *status = new QComboBox(m_participants);
    status->setObjectName(QStringLiteral("participantStatus"));
    for (const RdvStatus s : kStatuses)
        status->addItem(displayName(s), int(s));
    status->setCurrentIndex(std::max(0, status->findData(int(rdv.status))));
    // On Linux a combo box is spoken by its value; the name says whose it is.
    status->setAccessibleName(tr("Status of %1").arg(who));
    auto *remove = new QPushButton(tr("Remove"), m_participants);
    remove->setObjectName(QStringLiteral("removeParticipantButton"));
    remove->setAccessibleName(tr("Remove %1").arg(who));
    for (QWidget *w : std::initializer_list<QWidget *>{name, prescripteur, status, remove})
        w->setProperty(kRdvIdProperty, rdv.id);
    m_participantsGrid->addWidget(name, row, 0);
    m_participantsGrid->addWidget(prescripteur, row, 1);
    m_participantsGrid->addWidget(status, row, 2);
    m_participantsGrid->addWidget(remove, row, 3);
    const Id rdvId = rdv.id;
    connect(status, &QComboBox::activated, this, [this, status, rdvId] {
        setParticipantStatus(rdvId, RdvStatus(status->currentData().toInt()));
    });
    connect(remove, &QPushButton::clicked, this, [this, rdvId] { askRemove(rdvId); });
}

bool SessionPanel::apply(const BookingOutcome &outcome)
{
    if (!outcome.ok()) {
        QMessageBox::warning(this, tr("Collective session"), outcome.message);
        return false;
    }
    // Queued: the feed brings the change back, and the main window shows the session again.
    emit sessionChanged(m_sessionId);
    return true;
}

bool SessionPanel::setParticipantStatus(Id rdvId, RdvStatus status)
{
    return m_sessionId && apply(m_source->setStatus(rdvId, m_agentId, status));
}

bool SessionPanel::removeParticipant(Id rdvId)
{
    return m_sessionId && apply(m_source->cancel(rdvId, m_agentId, {}));
}

bool SessionPanel::cancelSession(const QString &reason)
{
    return m_sessionId && apply(m_source->cancelSession(m_sessionId, reason));
}

void SessionPanel::askRemove(Id rdvId)
{
    const auto rdv = m_source->rdv(rdvId);
    const auto usager =
        rdv && !rdv->usagerIds.isEmpty() ? m_source->usager(rdv->usagerIds.first()) : std::nullopt;
    QMessageBox box(QMessageBox::Question, tr("Remove a participant"),
                    tr("Remove %1 from this session? Their place is freed and they are told.")
                        .arg(usager ? usager->fullName() : QString()),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(QStringLiteral("removeParticipantBox"));
    box.setDefaultButton(QMessageBox::No);
    if (box.exec() == QMessageBox::Yes)
        removeParticipant(rdvId);
}

void SessionPanel::askCancelSession()
{
    const int count = int(m_source->participants(m_sessionId).size());
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Cancel the session"),
        tr("Cancel this session and the places of its %n participant(s)? Each one and their "
           "prescripteur are told.\nReason:",
           nullptr, count),
        QLineEdit::Normal, {}, &ok);
    if (ok)
        cancelSession(reason.trimmed());
}

void SessionPanel::askAddParticipant()
{
    const std::optional<CollectiveSession> s = m_source->session(m_sessionId);
    if (!s)
        return;
    NewRdvDialog dialog(m_source, m_agentId, {}, 0, this);
    dialog.setSession(*s);
    // The dialog closes once the server registered them (or stays, showing its refusal).
    if (dialog.exec() == QDialog::Accepted)
        emit sessionChanged(m_sessionId);
}

void SessionPanel::focusActions()
{
    if (m_add->isEnabled())
        m_add->setFocus(Qt::OtherFocusReason);
    else
        setFocus(Qt::OtherFocusReason);
}

void SessionPanel::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        emit closeRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace creneau::ui
