// The usagers of the organisation: search by name, phone or birth date, the appointments of the
// one selected (past and future, with their status), and its possible duplicates to merge.
#pragma once

#include "ui/agendasource.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

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
    void mergeSelectedDuplicate();

    AgendaSource *m_source;
    UsagerSearch *m_search;
    QListWidget *m_rdvs;
    QWidget *m_duplicates;
    QLabel *m_duplicateLabel;
    QComboBox *m_duplicateCombo;
    QPushButton *m_mergeButton;
};

} // namespace creneau::ui
