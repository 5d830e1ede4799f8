#include "ui/usagersearch.h"

#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace creneau::ui {

UsagerSearch::UsagerSearch(AgendaSource *source, QWidget *parent)
    : QWidget(parent), m_source(source), m_edit(new QLineEdit(this)), m_list(new QListWidget(this))
{
    m_edit->setObjectName(QStringLiteral("usagerSearchEdit"));
    m_edit->setPlaceholderText(tr("Name, phone or birth date (dd/mm/yyyy)"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setAccessibleName(tr("Find a usager"));
    m_edit->setAccessibleDescription(m_edit->placeholderText());
    m_list->setObjectName(QStringLiteral("usagerList"));
    m_list->setAccessibleName(tr("Usagers found"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    layout->addWidget(m_list);
    connect(m_edit, &QLineEdit::textChanged, this, &UsagerSearch::search);
    connect(m_list, &QListWidget::currentRowChanged, this,
            [this] { emit usagerSelected(selectedUsager()); });
}

void UsagerSearch::search(const QString &text)
{
    if (m_edit->text() != text)
        m_edit->setText(text); // comes back here through textChanged
    m_list->clear();
    if (text.trimmed().size() < 2) {
        emit usagerSelected(0);
        return;
    }
    const QLocale locale;
    const QList<Usager> found = m_source->searchUsagers(text);
    QList<Id> ids;
    for (const Usager &u : found)
        ids << u.id;
    const QSet<Id> flagged = m_source->usagersWithDuplicates(ids);
    for (const Usager &u : found) {
        QStringList parts{u.fullName()};
        if (u.birthDate.isValid())
            parts << locale.toString(u.birthDate, QStringLiteral("dd/MM/yyyy"));
        if (!u.phone.isEmpty())
            parts << u.phone;
        if (flagged.contains(u.id))
            parts << tr("possible duplicate");
        auto *item = new QListWidgetItem(parts.join(QStringLiteral(" — ")), m_list);
        item->setData(Qt::UserRole, u.id);
        item->setData(kDuplicateRole, flagged.contains(u.id));
    }
    emit usagerSelected(selectedUsager());
}

void UsagerSearch::refresh()
{
    const Id selected = selectedUsager();
    search(m_edit->text());
    for (int row = 0; row < m_list->count(); ++row)
        if (m_list->item(row)->data(Qt::UserRole).toLongLong() == selected)
            m_list->setCurrentRow(row);
}

Id UsagerSearch::selectedUsager() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

} // namespace creneau::ui
