// La fiche d'une session collective: its motif, time, lieu, agents and places (« 7/12 »), its
// participants — each one's usager, the prescripteur who registered them (mailto:, tel:) and
// their status — and the desk's actions: change a status, add a participant, remove one, cancel
// the session. Everything goes through AgendaSource's agent commands.
#pragma once

#include "ui/agendasource.h"

#include <QWidget>

class QFormLayout;
class QGridLayout;
class QLabel;
class QPushButton;

namespace creneau::ui {

class SessionPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SessionPanel(AgendaSource *source, QWidget *parent = nullptr);

    // 0 clears the panel.
    void showSession(Id sessionId);
    Id sessionId() const { return m_sessionId; }
    void setCurrentAgent(Id agentId) { m_agentId = agentId; }

    // The actions without their dialogs (public for keyboard and tests); false with the message
    // shown.
    bool setParticipantStatus(Id rdvId, RdvStatus status);
    bool removeParticipant(Id rdvId);
    bool cancelSession(const QString &reason);
    // The keyboard arrives on the session (Enter in the agenda).
    void focusActions();

signals:
    // An action changed the session or one of its participants.
    void sessionChanged(qint64 sessionId);
    // Escape: the keyboard goes back to the agenda.
    void closeRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QLabel *addRow(QFormLayout *form, const QString &label, const QString &name);
    void fillParticipants(const CollectiveSession &session);
    void addParticipantRow(int row, const Rdv &rdv);
    void askAddParticipant();
    void askRemove(Id rdvId);
    void askCancelSession();
    bool apply(const BookingOutcome &outcome);

    AgendaSource *m_source;
    Id m_sessionId = 0;
    Id m_agentId = 0;
    QLabel *m_motif;
    QLabel *m_when;
    QLabel *m_lieu;
    QLabel *m_agents;
    QLabel *m_places;
    QLabel *m_status;
    QWidget *m_participants;
    QGridLayout *m_participantsGrid;
    QLabel *m_noParticipant;
    QPushButton *m_add;
    QPushButton *m_cancel;
};

} // namespace creneau::ui
