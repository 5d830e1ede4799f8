// Administration: the lieux (name, address, phone, archived), checked with the shared field
// rules (CatalogService) and sent to the server through AgendaSource.
#pragma once

#include "ui/listformdialog.h"

class QCheckBox;
class QLineEdit;

namespace creneau::ui {

class LieuDialog : public ListFormDialog
{
    Q_OBJECT
public:
    explicit LieuDialog(AgendaSource *source, QWidget *parent = nullptr);

    bool save() override;

private:
    QList<Row> rows() const override;
    void loadRow(Id id) override;
    void loadNew() override;
    void load(const Lieu &lieu);

    Lieu m_current;
    QLineEdit *m_name;
    QLineEdit *m_address;
    QLineEdit *m_phone;
    QCheckBox *m_archived;
};

} // namespace creneau::ui
