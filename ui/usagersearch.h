// Finds a usager by name, phone or birth date as the agent types: a search field over a list.
// Used by the new-appointment dialog and the usagers list.
#pragma once

#include "ui/agendasource.h"

#include <QWidget>

class QLineEdit;
class QListWidget;

namespace creneau::ui {

class UsagerSearch : public QWidget
{
    Q_OBJECT
public:
    explicit UsagerSearch(AgendaSource *source, QWidget *parent = nullptr);

    // Items of list(): Qt::UserRole the usager's id, this role true for « doublon possible ».
    static constexpr int kDuplicateRole = Qt::UserRole + 1;

    void search(const QString &text);
    // The current search again (after a merge).
    void refresh();
    Id selectedUsager() const;
    QListWidget *list() const { return m_list; }

signals:
    void usagerSelected(qint64 usagerId); // 0: none

private:
    AgendaSource *m_source;
    QLineEdit *m_edit;
    QListWidget *m_list;
};

} // namespace creneau::ui
