// « New collective session » (administrators): a collective motif, a lieu, the start, the
// duration, the agents leading it and the places (the motif's by default), once or repeated with
// the recurrence editor. Sent as create_session; the dialog closes once the server created the
// sessions and the change feed brought them, or shows the server's refusal with the values kept.
#pragma once

#include "ui/agendasource.h"
#include "ui/fielderrorlabels.h"

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace creneau::ui {

class PendingSave;
class RecurrenceEditor;

class SessionDialog : public QDialog
{
    Q_OBJECT
public:
    // `start`: wall-clock time in the organisation's zone, proposed to begin with.
    SessionDialog(AgendaSource *source, const QDateTime &start, QWidget *parent = nullptr);

    // Sends the command(s); false with the messages shown. The dialog accepts itself once the
    // server answered.
    bool save();
    // The commands one save() sends: one create_session (its rrule the server's to expand), or,
    // when the recurrence has exception dates (which create_session does not carry), one per
    // occurrence, expanded here with the same rule over the same year.
    QList<protocol::SessionPayload> payloads() const;

private:
    void motifChosen();

    AgendaSource *m_source;
    QComboBox *m_motif;
    QComboBox *m_lieu;
    QDateTimeEdit *m_start;
    QSpinBox *m_duration;
    QSpinBox *m_capacity;
    QListWidget *m_agents;
    RecurrenceEditor *m_recurrence;
    QLabel *m_error;
    QPushButton *m_create;
    PendingSave *m_pending;
    FieldErrorLabels m_errors;
};

} // namespace creneau::ui
