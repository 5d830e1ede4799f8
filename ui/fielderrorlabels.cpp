#include "ui/fielderrorlabels.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace creneau::ui {

void FieldErrorLabels::addRow(QFormLayout *form, const QString &label, QWidget *field,
                              const QString &key)
{
    // Field and message in one cell, so a hidden message leaves no empty row.
    auto *cell = new QWidget(form->parentWidget());
    cell->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum); // extra height goes below
    auto *column = new QVBoxLayout(cell);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto *error = new QLabel(cell);
    error->setObjectName(field->objectName() + QStringLiteral("Error"));
    error->setStyleSheet(QStringLiteral("color: #b00020;"));
    error->setWordWrap(true);
    error->setVisible(false);
    column->addWidget(field);
    column->addWidget(error);
    // The caption labels the field itself, not the cell around it: its mnemonic focuses the
    // field, and a screen reader names the field by it.
    auto *caption = new QLabel(label, form->parentWidget());
    caption->setBuddy(field);
    if (field->accessibleName().isEmpty())
        field->setAccessibleName(QString(label).remove(QLatin1Char('&')));
    form->addRow(caption, cell);
    m_labels.insert(key, error);
    m_fields.insert(key, field);
}

bool FieldErrorLabels::show(const FieldErrors &errors)
{
    for (auto it = m_labels.cbegin(); it != m_labels.cend(); ++it) {
        const QString message = errors.value(it.key());
        it.value()->setText(message);
        it.value()->setVisible(!message.isEmpty());
        // Read with the field when the keyboard reaches it.
        if (QWidget *field = m_fields.value(it.key()))
            field->setAccessibleDescription(message);
    }
    return errors.isEmpty();
}

} // namespace creneau::ui
