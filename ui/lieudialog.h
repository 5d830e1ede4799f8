// Administration: the lieux (name, address, phone, archived), checked with the shared field
// rules (CatalogService) and sent to the server through AgendaSource.
#pragma once

#include "ui/agendasource.h"
#include "ui/fielderrorlabels.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QListWidget;

namespace creneau::ui {

class PendingSave;

class LieuDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LieuDialog(AgendaSource *source, QWidget *parent = nullptr);

    void startNew();
    bool save();

signals:
    void catalogChanged();

private:
    void reloadList(Id select);
    void load(const Lieu &lieu);

    AgendaSource *m_source;
    Lieu m_current;
    PendingSave *m_pending = nullptr; // the change sent, until the server answers
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_address;
    QLineEdit *m_phone;
    QCheckBox *m_archived;
    FieldErrorLabels m_errors;
};

} // namespace creneau::ui
