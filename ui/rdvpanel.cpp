#include "ui/rdvpanel.h"

#include "models/frenchformat.h"
#include "models/validation.h"

#include "ui/contactlinks.h"
#include "ui/usagermerge.h"

#include <QAction>
#include <QApplication>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace creneau::ui {

namespace {

// Whether and how the usager hears of their appointment: the server's rule (sync/notify): an SMS
// to a mobile number, an e-mail to an address, with their private link.
QString notifiedBy(const Usager &u)
{
    QStringList ways;
    if (isMobilePhone(u.phone))
        ways << RdvPanel::tr("by SMS");
    if (!u.email.trimmed().isEmpty())
        ways << RdvPanel::tr("by e-mail");
    if (ways.isEmpty())
        return RdvPanel::tr("No: neither a mobile number nor an e-mail");
    return RdvPanel::tr("Yes, %1, with their private link to move or cancel")
        .arg(ways.join(RdvPanel::tr(" and ")));
}

QPushButton *actionButton(const QString &text, const QString &name, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    return b;
}

} // namespace

RdvPanel::RdvPanel(AgendaSource *source, QWidget *parent) : QWidget(parent), m_source(source)
{
    setObjectName(QStringLiteral("rdvPanel"));
    auto *layout = new QVBoxLayout(this);
    setAccessibleName(tr("Appointment"));
    auto *title = new QLabel(tr("<b>Appointment</b>"), this);
    title->setAccessibleName(tr("Appointment"));
    layout->addWidget(title);

    auto *form = new QFormLayout;
    m_motif = addRow(form, tr("Motif"), QStringLiteral("motifLabel"));
    m_when = addRow(form, tr("When"), QStringLiteral("whenLabel"));
    m_when->setWordWrap(false); // two explicit lines; wrapping labels get clipped in a form
    m_lieu = addRow(form, tr("Lieu"), QStringLiteral("lieuLabel"));
    m_status = addRow(form, tr("Status"), QStringLiteral("statusLabel"));
    m_usagerName = addRow(form, tr("Usager"), QStringLiteral("usagerNameLabel"));
    m_usagerBirth = addRow(form, tr("Birth date"), QStringLiteral("usagerBirthLabel"),
                           tr("Usager's birth date"));
    m_usagerPhone =
        addRow(form, tr("Phone"), QStringLiteral("usagerPhoneLabel"), tr("Usager's phone"));
    m_usagerEmail =
        addRow(form, tr("E-mail"), QStringLiteral("usagerEmailLabel"), tr("Usager's e-mail"));
    m_usagerNotified = addRow(form, tr("Notified"), QStringLiteral("usagerNotifiedLabel"),
                              tr("How the usager was notified"));
    m_duplicateRow = new QWidget(this);
    auto *duplicateLayout = new QHBoxLayout(m_duplicateRow);
    duplicateLayout->setContentsMargins(0, 0, 0, 0);
    m_usagerDuplicate = new QLabel(m_duplicateRow);
    m_usagerDuplicate->setObjectName(QStringLiteral("usagerDuplicateLabel"));
    m_usagerDuplicate->setWordWrap(true);
    m_usagerDuplicate->setAccessibleDescription(tr("Possible duplicate"));
    auto *merge = actionButton(tr("Merge…"), QStringLiteral("usagerMergeButton"), m_duplicateRow);
    merge->setAccessibleDescription(tr("Merge the possible duplicate into this usager"));
    duplicateLayout->addWidget(m_usagerDuplicate, 1);
    duplicateLayout->addWidget(merge);
    form->addRow(QString(), m_duplicateRow);
    m_duplicateRow->hide();
    connect(merge, &QPushButton::clicked, this, &RdvPanel::askMergeDuplicate);
    m_context = addRow(form, tr("Context"), QStringLiteral("contextLabel"));
    layout->addLayout(form);

    m_prescripteurBox = new QGroupBox(tr("Booked by a prescripteur"), this);
    m_prescripteurBox->setObjectName(QStringLiteral("prescripteurBox"));
    auto *pform = new QFormLayout(m_prescripteurBox);
    m_prescripteurName = addRow(pform, tr("Name"), QStringLiteral("prescripteurNameLabel"),
                                tr("Prescripteur's name"));
    m_prescripteurEmail = addRow(pform, tr("E-mail"), QStringLiteral("prescripteurEmailLabel"),
                                 tr("Prescripteur's e-mail"));
    m_prescripteurPhone = addRow(pform, tr("Phone"), QStringLiteral("prescripteurPhoneLabel"),
                                 tr("Prescripteur's phone"));
    m_prescripteurBookedAt =
        addRow(pform, tr("Booked on"), QStringLiteral("prescripteurBookedAtLabel"),
               tr("Booked on (by the prescripteur)"));
    for (QLabel *l : {m_prescripteurEmail, m_prescripteurPhone}) {
        l->setTextFormat(Qt::RichText);
        l->setOpenExternalLinks(true);
        l->setTextInteractionFlags(Qt::TextBrowserInteraction);
    }
    layout->addWidget(m_prescripteurBox);

    m_actions = new QWidget(this);
    auto *grid = new QGridLayout(m_actions);
    grid->setContentsMargins(0, 0, 0, 0);
    // Each button runs a QAction, which the main window's « Appointment » menu shows too.
    const auto button = [this, grid](const QString &text, const char *name, const char *action,
                                     int row, int column, auto slot) {
        auto *a = new QAction(text, this);
        a->setObjectName(QString::fromLatin1(action));
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        auto *b = actionButton(text, QString::fromLatin1(name), m_actions);
        connect(b, &QPushButton::clicked, a, &QAction::trigger);
        grid->addWidget(b, row, column);
        return b;
    };
    m_firstAction = button(tr("Seen"), "seenButton", "actionSeen", 0, 0,
                           [this] { setStatus(RdvStatus::Seen); });
    button(tr("Absent"), "noShowButton", "actionNoShow", 0, 1,
           [this] { setStatus(RdvStatus::NoShow); });
    button(tr("Excused"), "excusedButton", "actionExcused", 0, 2,
           [this] { setStatus(RdvStatus::Excused); });
    button(tr("Edit the note…"), "editNoteButton", "actionEditNote", 1, 0,
           [this] { askContext(); });
    button(tr("Move…"), "moveRdvButton", "actionMoveRdv", 1, 1, [this] { askMove(); });
    button(tr("Cancel…"), "cancelRdvButton", "actionCancelRdv", 1, 2, [this] { askCancel(); });
    layout->addWidget(m_actions);
    layout->addStretch();

    showRdv(0);
}

QLabel *RdvPanel::addRow(QFormLayout *form, const QString &label, const QString &name,
                         const QString &spokenName)
{
    auto *value = new QLabel(this);
    value->setObjectName(name);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *caption = new QLabel(label, this);
    caption->setBuddy(value);
    form->addRow(caption, value);
    // A screen reader says the caption, then the value by its text (named after the caption, the
    // value would say « Motif » twice and hide its text); the caption labels it (buddy), and the
    // description says whose it is (« E-mail » is both the usager's and the prescripteur's).
    value->setAccessibleDescription(spokenName.isEmpty() ? label : spokenName);
    return value;
}

void RdvPanel::showRdv(Id rdvId)
{
    m_rdvId = rdvId;
    const std::optional<Rdv> rdv = rdvId ? m_source->rdv(rdvId) : std::nullopt;
    setEnabled(bool(rdv));
    if (!rdv)
        m_duplicateRow->hide();
    m_prescripteurBox->setVisible(rdv && rdv->createdBy == CreatedBy::Prescripteur);
    if (!rdv) {
        for (QLabel *l : findChildren<QLabel *>(QString(), Qt::FindDirectChildrenOnly))
            if (!l->objectName().isEmpty())
                l->clear();
        for (QLabel *l : m_prescripteurBox->findChildren<QLabel *>())
            if (l->buddy() == nullptr)
                l->clear();
        updateActions();
        return;
    }
    const QTimeZone zone = m_source->timeZone();
    const auto motif = m_source->motif(rdv->motifId);
    const auto lieu = rdv->lieuId ? m_source->lieu(rdv->lieuId) : std::nullopt;
    m_motif->setText(motif ? motif->name : QString());
    m_when->setText(
        fr::dateTime(rdv->startsAt, zone).replace(QStringLiteral(" à "), QStringLiteral("\nà ")) +
        tr(" (%n minute(s))", nullptr, rdv->durationMinutes));
    m_lieu->setText(lieu ? lieu->name : (motif ? displayName(motif->locationType) : QString()));
    QString status = displayName(rdv->status);
    if (rdv->status == RdvStatus::Revoked && !rdv->cancelReason.isEmpty())
        status += QStringLiteral(" — ") + rdv->cancelReason;
    m_status->setText(status);

    const auto usager =
        rdv->usagerIds.isEmpty() ? std::nullopt : m_source->usager(rdv->usagerIds.first());
    m_usagerName->setText(usager ? usager->fullName() : QString());
    m_usagerBirth->setText(usager ? fr::shortDate(usager->birthDate) : QString());
    m_usagerPhone->setText(usager ? fr::phone(usager->phone) : QString());
    m_usagerEmail->setText(usager ? usager->email : QString());
    m_usagerNotified->setText(usager ? notifiedBy(*usager) : QString());
    const QList<Usager> duplicates =
        usager ? m_source->possibleDuplicatesOf(usager->id) : QList<Usager>();
    m_usagerDuplicate->setText(
        duplicates.isEmpty() ? QString()
                             : tr("Possible duplicate: %1").arg(usagerSummary(duplicates.first())));
    m_duplicateRow->setVisible(!duplicates.isEmpty());
    m_context->setText(rdv->context);

    const Prescripteur &p = rdv->prescripteur;
    m_prescripteurName->setText(p.fullName().trimmed());
    m_prescripteurEmail->setText(mailtoLink(p.email));
    m_prescripteurPhone->setText(telLink(p.phone));
    m_prescripteurBookedAt->setText(fr::dateTime(rdv->createdAt, zone));
    // Cancelled (here or, as the change feed tells, elsewhere) while the keyboard was on its
    // actions: the keyboard goes back to the agenda rather than wherever Qt sends the focus of a
    // disabled button.
    const bool hadKeyboard = m_actions->isAncestorOf(QApplication::focusWidget());
    m_actions->setEnabled(rdv->status != RdvStatus::Revoked);
    if (hadKeyboard && !m_actions->isEnabled())
        emit closeRequested();
    updateActions();
}

void RdvPanel::updateActions()
{
    const bool open = m_rdvId && isEnabled() && m_actions->isEnabled();
    for (QAction *a : actions())
        a->setEnabled(open);
}

void RdvPanel::focusActions()
{
    if (m_firstAction->isEnabled() && m_firstAction->isVisibleTo(window()))
        m_firstAction->setFocus(Qt::OtherFocusReason);
    else
        setFocus(Qt::OtherFocusReason);
}

void RdvPanel::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        emit closeRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool RdvPanel::apply(const BookingOutcome &outcome)
{
    if (!outcome.ok()) {
        QMessageBox::warning(this, tr("Appointment"), outcome.message);
        return false;
    }
    const bool hadKeyboard = m_actions->isAncestorOf(window()->focusWidget());
    showRdv(m_rdvId);
    emit rdvChanged(m_rdvId);
    // Cancelled, its actions are disabled: the keyboard goes back to the agenda rather than
    // wherever Qt sends the focus of a disabled button.
    if (hadKeyboard && !m_actions->isEnabled())
        emit closeRequested();
    return true;
}

bool RdvPanel::setStatus(RdvStatus status)
{
    return m_rdvId && apply(m_source->setStatus(m_rdvId, m_agentId, status));
}

bool RdvPanel::cancel(const QString &reason)
{
    return m_rdvId && apply(m_source->cancel(m_rdvId, m_agentId, reason));
}

bool RdvPanel::setContext(const QString &context)
{
    return m_rdvId && apply(m_source->setContext(m_rdvId, m_agentId, context));
}

void RdvPanel::askCancel()
{
    bool ok = false;
    const QString reason =
        QInputDialog::getText(this, tr("Cancel the appointment"),
                              tr("Reason (the usager is told):"), QLineEdit::Normal, {}, &ok);
    if (ok)
        cancel(reason.trimmed());
}

bool RdvPanel::move(const QDateTime &start)
{
    return m_rdvId && apply(m_source->move(m_rdvId, m_agentId, start.toSecsSinceEpoch()));
}

void RdvPanel::askMove()
{
    const std::optional<Rdv> rdv = m_source->rdv(m_rdvId);
    if (!rdv)
        return;
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("moveDialog"));
    dialog.setWindowTitle(tr("Move the appointment"));
    // Wall-clock time in the edit, read back in the organisation's zone.
    const QDateTime current = QDateTime::fromSecsSinceEpoch(rdv->startsAt, m_source->timeZone());
    auto *edit = new QDateTimeEdit(QDateTime(current.date(), current.time()), &dialog);
    edit->setObjectName(QStringLiteral("moveStartEdit"));
    edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy HH:mm"));
    edit->setCalendarPopup(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("New date and time"), edit);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted)
        move(QDateTime(edit->date(), edit->time(), m_source->timeZone()));
}

void RdvPanel::askContext()
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(this, tr("Context note"), tr("Note:"),
                                                        m_context->text(), &ok);
    if (ok)
        setContext(text);
}

void RdvPanel::askMergeDuplicate()
{
    const std::optional<Rdv> rdv = m_source->rdv(m_rdvId);
    if (!rdv || rdv->usagerIds.isEmpty())
        return;
    const auto usager = m_source->usager(rdv->usagerIds.first());
    const QList<Usager> duplicates =
        usager ? m_source->possibleDuplicatesOf(usager->id) : QList<Usager>();
    // The appointment's usager is kept: its booking shows the details its booker typed.
    if (duplicates.isEmpty() ||
        !confirmAndMergeUsagers(this, m_source, *usager, duplicates.first()))
        return;
    showRdv(m_rdvId);
    emit rdvChanged(m_rdvId);
}

} // namespace creneau::ui
