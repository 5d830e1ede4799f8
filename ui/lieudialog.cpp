#include "ui/lieudialog.h"

#include "models/catalogservice.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLineEdit>

namespace creneau::ui {

LieuDialog::LieuDialog(AgendaSource *source, QWidget *parent)
    : ListFormDialog(source, {"lieuDialog", "lieuList", "newLieuButton", "saveLieuButton"},
                     tr("Lieux"), tr("New lieu"), parent)
{
    m_name = named(new QLineEdit(formBox()), "lieuNameEdit");
    m_address = named(new QLineEdit(formBox()), "addressEdit");
    m_phone = named(new QLineEdit(formBox()), "lieuPhoneEdit");
    m_archived = named(new QCheckBox(tr("Archived"), formBox()), "lieuArchivedCheck");
    addField(tr("Name"), m_name, QStringLiteral("name"));
    addField(tr("Address"), m_address, QStringLiteral("address"));
    addField(tr("Phone"), m_phone, QStringLiteral("phone"));
    form()->addRow(QString(), m_archived);
    finishLayout();
}

QList<ListFormDialog::Row> LieuDialog::rows() const
{
    QList<Row> rows;
    for (const Lieu &l : source()->lieux())
        rows.append({l.id, l.name, l.archived, {}});
    return rows;
}

void LieuDialog::loadRow(Id id)
{
    if (const auto lieu = source()->lieu(id))
        load(*lieu);
}

void LieuDialog::loadNew()
{
    Lieu fresh;
    fresh.organisationId = source()->organisation().id;
    load(fresh);
}

void LieuDialog::load(const Lieu &lieu)
{
    m_current = lieu;
    m_name->setText(lieu.name);
    m_address->setText(lieu.address);
    m_phone->setText(lieu.phone);
    m_archived->setChecked(lieu.archived);
}

bool LieuDialog::save()
{
    Lieu lieu = m_current;
    lieu.name = m_name->text().trimmed();
    lieu.address = m_address->text().trimmed();
    lieu.phone = m_phone->text().trimmed();
    lieu.archived = m_archived->isChecked();
    // The server's rule book (CatalogService), so its messages show next to the fields here.
    return submit(CatalogService::checkLieu(lieu), [&] { return source()->save(lieu); });
}

} // namespace creneau::ui
