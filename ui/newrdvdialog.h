// An agent books at the desk or on the phone: any motif (online or not), lieu, agent and time,
// an existing usager found by name/phone/birth date or a new one, a context note. Books through
// BookingService as CreatedBy::Agent, so the same notifications follow.
#pragma once

#include "ui/agendasource.h"
#include "ui/fielderrorlabels.h"

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace creneau::ui {

class PendingSave;
class UsagerSearch;

class NewRdvDialog : public QDialog
{
    Q_OBJECT
public:
    // `start`: wall-clock time in the organisation's zone; `agentId` 0: the booking agent.
    NewRdvDialog(AgendaSource *source, Id bookingAgentId, const QDateTime &start, Id agentId,
                 QWidget *parent = nullptr);

    // « Add a participant »: a place in `session` instead of a créneau (create_rdv {session_id});
    // the motif, lieu, agent and time are the session's. The dialog then waits for the server's
    // answer: a place taken meanwhile (« session complète ») is shown here, what was typed kept.
    void setSession(const CollectiveSession &session);
    // Books; false with the messages shown (values kept).
    bool book();
    Id bookedRdv() const { return m_booked; }

private:
    QWidget *buildWhat(const QDateTime &start, Id agentId);
    QWidget *buildNewUsager();
    BookingRequest request() const;

    AgendaSource *m_source;
    Id m_bookingAgentId;
    Id m_booked = 0;
    CollectiveSession m_session; // id 0: an individual appointment
    QWidget *m_what;
    QPushButton *m_bookButton;
    PendingSave *m_pending = nullptr; // a session's place, until the server answers
    QComboBox *m_motif;
    QComboBox *m_lieu;
    QComboBox *m_agent;
    QDateTimeEdit *m_start;
    UsagerSearch *m_search;
    QGroupBox *m_newUsager;
    QLineEdit *m_firstName;
    QLineEdit *m_lastName;
    QLineEdit *m_birthDate;
    QLineEdit *m_phone;
    QLineEdit *m_email;
    QLineEdit *m_context;
    QLabel *m_error;
    FieldErrorLabels m_errors;
};

} // namespace creneau::ui
