// The French validation messages of a form, each in a red label under its field (the field names
// are those of FieldErrors: "name", "duration_minutes"...). Values stay as typed.
#pragma once

#include "models/validation.h"

#include <QHash>
#include <QObject>

class QFormLayout;
class QLabel;
class QWidget;

namespace creneau::ui {

class FieldErrorLabels
{
public:
    // Adds the row `label: field` and, below it, the hidden error label "<objectName>Error".
    void addRow(QFormLayout *form, const QString &label, QWidget *field, const QString &key);
    // Shows the messages of `errors`, hides the others; false when there was any.
    bool show(const FieldErrors &errors);
    QLabel *label(const QString &key) const { return m_labels.value(key); }

private:
    QHash<QString, QLabel *> m_labels;
    QHash<QString, QWidget *> m_fields;
};

} // namespace creneau::ui
