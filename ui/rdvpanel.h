// La fiche du rendez-vous: what an agent needs about one appointment (motif, time, lieu, status,
// usager, context, and the prescriber who booked it, to contact them), and the agent's actions,
// as QActions (actions()) that the main window's menu shows too.
#pragma once

#include "ui/agendasource.h"

#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLabel;
class QPushButton;

namespace creneau::ui {

class RdvPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RdvPanel(AgendaSource *source, QWidget *parent = nullptr);

    // 0 clears the panel.
    void showRdv(Id rdvId);
    Id rdvId() const { return m_rdvId; }
    void setCurrentAgent(Id agentId) { m_agentId = agentId; }

    // The actions, as the buttons run them (public for keyboard and tests).
    bool setStatus(RdvStatus status);
    bool cancel(const QString &reason);
    bool setContext(const QString &context);
    // To a free créneau of the same motif at `start` (organisation's zone); the usager is told.
    bool move(const QDateTime &start);
    // The keyboard arrives on the appointment (Enter in the agenda): the first action button.
    void focusActions();

signals:
    // An action changed the appointment.
    void rdvChanged(qint64 rdvId);
    // Escape: the keyboard goes back to the agenda.
    void closeRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    // `spokenName`: what a screen reader says the value is, when the caption alone is ambiguous.
    QLabel *addRow(QFormLayout *form, const QString &label, const QString &name,
                   const QString &spokenName = {});
    void updateActions();
    void askCancel();
    void askContext();
    void askMove();
    // « Doublon possible »: merges the usager's first possible duplicate into it.
    void askMergeDuplicate();
    bool apply(const BookingOutcome &outcome);

    AgendaSource *m_source;
    Id m_rdvId = 0;
    Id m_agentId = 0;
    QLabel *m_motif;
    QLabel *m_when;
    QLabel *m_lieu;
    QLabel *m_status;
    QLabel *m_usagerName;
    QLabel *m_usagerBirth;
    QLabel *m_usagerPhone;
    QLabel *m_usagerEmail;
    QLabel *m_usagerNotified;
    QWidget *m_duplicateRow;
    QLabel *m_usagerDuplicate;
    QLabel *m_context;
    QGroupBox *m_prescripteurBox;
    QLabel *m_prescripteurName;
    QLabel *m_prescripteurEmail;
    QLabel *m_prescripteurPhone;
    QLabel *m_prescripteurBookedAt;
    QWidget *m_actions;
    QPushButton *m_firstAction = nullptr;
};

} // namespace creneau::ui
