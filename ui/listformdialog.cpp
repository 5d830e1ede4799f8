#include "ui/listformdialog.h"

#include "ui/pendingsave.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace creneau::ui {

ListFormDialog::ListFormDialog(AgendaSource *source, const Names &names, const QString &title,
                               const QString &newLabel, QWidget *parent)
    : QDialog(parent), m_source(source), m_names(names)
{
    setObjectName(QString::fromLatin1(names.dialog));
    setWindowTitle(title);
    m_list = new QListWidget(this);
    m_list->setObjectName(QString::fromLatin1(names.list));
    m_list->setAccessibleName(title);
    auto *add = new QPushButton(newLabel, this);
    add->setObjectName(QString::fromLatin1(names.newButton));
    m_listColumn = new QVBoxLayout;
    m_listColumn->addWidget(m_list);
    m_listColumn->addWidget(add);

    m_formBox = new QWidget(this);
    m_form = new QFormLayout(m_formBox);
    m_formColumn = new QVBoxLayout;
    m_formColumn->addWidget(m_formBox);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(m_listColumn);
    layout->addLayout(m_formColumn, 1);

    connect(add, &QPushButton::clicked, this, &ListFormDialog::startNew);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showRow(m_list->item(row)->data(Qt::UserRole).toLongLong());
    });
    // A saved change shows once back from the server; its refusal next to the fields.
    m_pending = new PendingSave(m_source, this);
    connect(m_pending, &PendingSave::applied, this, &ListFormDialog::select);
    connect(m_pending, &PendingSave::refused, this,
            [this](const QString &, const FieldErrors &fields) { m_errors.show(fields); });
}

void ListFormDialog::finishLayout()
{
    // Created after the fields, so Tab reaches them after the form.
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *saveButton = buttons->addButton(tr("Save"), QDialogButtonBox::ApplyRole);
    saveButton->setObjectName(QString::fromLatin1(m_names.saveButton));
    m_formColumn->addStretch();
    m_formColumn->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(saveButton, &QPushButton::clicked, this, &ListFormDialog::save);
    select(0);
}

void ListFormDialog::addField(const QString &label, QWidget *field, const QString &key)
{
    m_errors.addRow(m_form, label, field, key);
    if (!m_firstField)
        m_firstField = field;
}

void ListFormDialog::addListButton(QPushButton *button)
{
    m_listColumn->addWidget(button);
}

void ListFormDialog::select(Id id)
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    int current = -1;
    for (const Row &row : rows()) {
        auto *item = new QListWidgetItem(
            row.archived ? tr("%1 (archived)").arg(row.label) : row.label, m_list);
        item->setData(Qt::UserRole, row.id);
        if (row.decoration.isValid())
            item->setData(Qt::DecorationRole, row.decoration);
        if (row.id == id || (id == 0 && current < 0))
            current = m_list->count() - 1;
    }
    if (current >= 0) {
        m_list->setCurrentRow(current);
        showRow(m_list->item(current)->data(Qt::UserRole).toLongLong());
    } else {
        startNew();
    }
}

void ListFormDialog::showRow(Id id)
{
    loadRow(id);
    m_errors.show({});
}

void ListFormDialog::startNew()
{
    {
        const QSignalBlocker block(m_list);
        m_list->clearSelection();
        m_list->setCurrentRow(-1);
    }
    loadNew();
    m_errors.show({});
    if (m_firstField)
        m_firstField->setFocus();
}

bool ListFormDialog::submit(const FieldErrors &errors, const std::function<QString()> &send)
{
    if (!m_errors.show(errors))
        return false;
    trackChange(send());
    return true;
}

void ListFormDialog::trackChange(const QString &key)
{
    // The form keeps what was typed until the server answers (see m_pending).
    m_pending->track(key);
    emit catalogChanged();
}

} // namespace creneau::ui
