#include "usagersearch.h"

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
    m_list->setObjectName(QStringLiteral("usagerList"));
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
    for (const Usager &u : m_source->searchUsagers(text)) {
        QStringList parts{u.fullName()};
        if (u.birthDate.isValid())
            parts << locale.toString(u.birthDate, QStringLiteral("dd/MM/yyyy"));
        if (!u.phone.isEmpty())
            parts << u.phone;
        auto *item = new QListWidgetItem(parts.join(QStringLiteral(" — ")), m_list);
        item->setData(Qt::UserRole, u.id);
    }
    emit usagerSelected(selectedUsager());
}

Id UsagerSearch::selectedUsager() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

} // namespace creneau::ui
