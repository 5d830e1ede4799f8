#include "ui/lieudialog.h"

#include "models/catalogservice.h"
#include "ui/pendingsave.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace creneau::ui {

namespace {

QLineEdit *lineEdit(const char *name, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QString::fromLatin1(name));
    return edit;
}

} // namespace

LieuDialog::LieuDialog(AgendaSource *source, QWidget *parent) : QDialog(parent), m_source(source)
{
    setObjectName(QStringLiteral("lieuDialog"));
    setWindowTitle(tr("Lieux"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("lieuList"));
    m_list->setAccessibleName(tr("Lieux"));
    auto *add = new QPushButton(tr("New lieu"), this);
    add->setObjectName(QStringLiteral("newLieuButton"));
    auto *left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addWidget(add);

    auto *formBox = new QWidget(this);
    auto *form = new QFormLayout(formBox);
    m_name = lineEdit("lieuNameEdit", formBox);
    m_address = lineEdit("addressEdit", formBox);
    m_phone = lineEdit("lieuPhoneEdit", formBox);
    m_archived = new QCheckBox(tr("Archived"), formBox);
    m_archived->setObjectName(QStringLiteral("lieuArchivedCheck"));
    m_errors.addRow(form, tr("Name"), m_name, QStringLiteral("name"));
    m_errors.addRow(form, tr("Address"), m_address, QStringLiteral("address"));
    m_errors.addRow(form, tr("Phone"), m_phone, QStringLiteral("phone"));
    form->addRow(QString(), m_archived);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *saveButton = buttons->addButton(tr("Save"), QDialogButtonBox::ApplyRole);
    saveButton->setObjectName(QStringLiteral("saveLieuButton"));
    auto *right = new QVBoxLayout;
    right->addWidget(formBox);
    right->addStretch();
    right->addWidget(buttons);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left);
    layout->addLayout(right, 1);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(saveButton, &QPushButton::clicked, this, &LieuDialog::save);
    connect(add, &QPushButton::clicked, this, &LieuDialog::startNew);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            if (const auto lieu =
                    m_source->lieu(m_list->item(row)->data(Qt::UserRole).toLongLong()))
                load(*lieu);
    });
    // A saved change shows once back from the server; its refusal next to the fields.
    m_pending = new PendingSave(m_source, this);
    connect(m_pending, &PendingSave::applied, this, [this](qint64 id) { reloadList(id); });
    connect(m_pending, &PendingSave::refused, this,
            [this](const QString &, const FieldErrors &fields) { m_errors.show(fields); });
    reloadList(0);
}

void LieuDialog::reloadList(Id select)
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    int row = -1;
    for (const Lieu &l : m_source->lieux()) {
        auto *item =
            new QListWidgetItem(l.archived ? tr("%1 (archived)").arg(l.name) : l.name, m_list);
        item->setData(Qt::UserRole, l.id);
        if (l.id == select || (select == 0 && row < 0))
            row = m_list->count() - 1;
    }
    if (row >= 0) {
        m_list->setCurrentRow(row);
        load(*m_source->lieu(m_list->item(row)->data(Qt::UserRole).toLongLong()));
    } else {
        startNew();
    }
}

void LieuDialog::startNew()
{
    Lieu fresh;
    fresh.organisationId = m_source->organisation().id;
    {
        const QSignalBlocker block(m_list);
        m_list->setCurrentRow(-1);
    }
    load(fresh);
    m_name->setFocus();
}

void LieuDialog::load(const Lieu &lieu)
{
    m_current = lieu;
    m_name->setText(lieu.name);
    m_address->setText(lieu.address);
    m_phone->setText(lieu.phone);
    m_archived->setChecked(lieu.archived);
    m_errors.show({});
}

bool LieuDialog::save()
{
    Lieu lieu = m_current;
    lieu.name = m_name->text().trimmed();
    lieu.address = m_address->text().trimmed();
    lieu.phone = m_phone->text().trimmed();
    lieu.archived = m_archived->isChecked();
    // The server's rule book (CatalogService), so its messages show next to the fields here.
    if (!m_errors.show(CatalogService::checkLieu(lieu)))
        return false;
    // The form keeps what was typed until the server answers (see m_pending).
    m_pending->track(m_source->save(lieu));
    emit catalogChanged();
    return true;
}

} // namespace creneau::ui
