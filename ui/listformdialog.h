// The administration dialogs' one skeleton: a list of rows with « New … » on the left, a form with
// the French messages next to its fields on the right, Save and Close; a saved change is waited
// for (PendingSave) and shown once back from the server, its refusal next to the fields.
#pragma once

#include "ui/agendasource.h"
#include "ui/fielderrorlabels.h"

#include <QDialog>

#include <functional>

class QFormLayout;
class QListWidget;
class QPushButton;
class QVBoxLayout;

namespace creneau::ui {

class PendingSave;

class ListFormDialog : public QDialog
{
    Q_OBJECT
public:
    // One line of the list.
    struct Row
    {
        Id id = 0;
        QString label;
        bool archived = false; // written after the label
        QVariant decoration;   // Qt::DecorationRole when valid (a motif's colour)
    };
    // The object names GUI and accessibility tests find the widgets by.
    struct Names
    {
        const char *dialog;
        const char *list;
        const char *newButton;
        const char *saveButton;
    };

    // Lists the rows again and shows `id`'s (the first row's when 0; a new one when none).
    void select(Id id);
    // Empties the form for a new row (subclass's loadNew) and focuses its first field.
    void startNew();
    // Checks and sends the form (see submit); false, messages shown and values kept, when invalid.
    virtual bool save() = 0;

signals:
    // A change was sent to the server.
    void catalogChanged();

protected:
    // `title`: the window's and the list's name; `newLabel`: the « New … » button's text.
    ListFormDialog(AgendaSource *source, const Names &names, const QString &title,
                   const QString &newLabel, QWidget *parent);

    // Call last in the subclass's constructor, once the form is built: adds Save and Close under
    // the form (after its fields in the Tab order) and shows the first row.
    void finishLayout();

    // `widget`, given the object name tests find it by.
    template <typename W> static W *named(W *widget, const char *name)
    {
        widget->setObjectName(QString::fromLatin1(name));
        return widget;
    }

    AgendaSource *source() const { return m_source; }
    QListWidget *list() const { return m_list; }
    // The form's area: fields are created in formBox() and added to form().
    QWidget *formBox() const { return m_formBox; }
    QFormLayout *form() const { return m_form; }
    // Adds `label: field` with its error label for the FieldErrors key `key`; the first field
    // added is the one focused by startNew().
    void addField(const QString &label, QWidget *field, const QString &key);
    // A button of the subclass's under « New … » (the absences' Remove).
    void addListButton(QPushButton *button);

    // Shows `errors` next to their fields; when there are none, sends the change (`send` returns
    // AgendaSource's key for it) and waits for the server's answer, the typed values kept.
    bool submit(const FieldErrors &errors, const std::function<QString()> &send);
    // Waits for the answer to change `key`, sent otherwise (a removal).
    void trackChange(const QString &key);

    // The list's rows, in order.
    virtual QList<Row> rows() const = 0;
    // Loads row `id` into the form.
    virtual void loadRow(Id id) = 0;
    // Loads a fresh item into the form.
    virtual void loadNew() = 0;

private:
    void showRow(Id id);

    AgendaSource *m_source;
    Names m_names;
    PendingSave *m_pending; // the change sent, until the server answers
    QListWidget *m_list;
    QVBoxLayout *m_listColumn;
    QVBoxLayout *m_formColumn;
    QWidget *m_formBox;
    QFormLayout *m_form;
    QWidget *m_firstField = nullptr;
    FieldErrorLabels m_errors;
};

} // namespace creneau::ui
