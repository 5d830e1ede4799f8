// The usagers of the organisation: search by name, phone or birth date, and the appointments of
// the one selected (past and future, with their status).
#pragma once

#include "agendasource.h"

#include <QDialog>

class QListWidget;

namespace creneau::ui {

class UsagerSearch;

class UsagersDialog : public QDialog
{
    Q_OBJECT
public:
    explicit UsagersDialog(AgendaSource *source, QWidget *parent = nullptr);
    UsagerSearch *search() const { return m_search; }

signals:
    // Double click on an appointment: the main window shows it in the agenda.
    void rdvActivated(qint64 rdvId);

private:
    void showUsager(Id usagerId);

    AgendaSource *m_source;
    UsagerSearch *m_search;
    QListWidget *m_rdvs;
};

} // namespace creneau::ui
