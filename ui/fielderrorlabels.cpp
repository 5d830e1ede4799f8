#include "fielderrorlabels.h"

#include <QFormLayout>
#include <QLabel>

namespace creneau::ui {

void FieldErrorLabels::addRow(QFormLayout *form, const QString &label, QWidget *field,
                              const QString &key)
{
    form->addRow(label, field);
    auto *error = new QLabel(form->parentWidget());
    error->setObjectName(field->objectName() + QStringLiteral("Error"));
    error->setStyleSheet(QStringLiteral("color: #b00020;"));
    error->setWordWrap(true);
    error->setVisible(false);
    form->addRow(QString(), error);
    m_labels.insert(key, error);
}

bool FieldErrorLabels::show(const FieldErrors &errors)
{
    for (auto it = m_labels.cbegin(); it != m_labels.cend(); ++it) {
        const QString message = errors.value(it.key());
        it.value()->setText(message);
        it.value()->setVisible(!message.isEmpty());
    }
    return errors.isEmpty();
}

} // namespace creneau::ui
