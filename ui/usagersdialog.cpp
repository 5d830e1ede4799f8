#include "ui/usagersdialog.h"

#include "ui/clocktime.h"

#include "ui/usagermerge.h"
#include "ui/usagersearch.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QVBoxLayout>

namespace creneau::ui {

namespace {

QString statusText(RdvStatus status)
{
    switch (status) {
    case RdvStatus::Seen:
        return UsagersDialog::tr("seen");
    case RdvStatus::NoShow:
        return UsagersDialog::tr("absent");
    case RdvStatus::Excused:
        return UsagersDialog::tr("excused");
    case RdvStatus::Revoked:
        return UsagersDialog::tr("cancelled");
    default:
        return UsagersDialog::tr("planned");
    }
}

} // namespace

UsagersDialog::UsagersDialog(AgendaSource *source, QWidget *parent)
    : QDialog(parent), m_source(source), m_search(new UsagerSearch(source, this)),
      m_rdvs(new QListWidget(this)), m_duplicates(new QWidget(this)),
      m_duplicateLabel(new QLabel(m_duplicates)), m_duplicateCombo(new QComboBox(m_duplicates)),
      m_mergeButton(new QPushButton(tr("Merge into this usager"), m_duplicates))
{
    setObjectName(QStringLiteral("usagersDialog"));
    setWindowTitle(tr("Usagers"));
    m_rdvs->setObjectName(QStringLiteral("usagerRdvList"));
    m_rdvs->setAccessibleName(tr("The usager's appointments"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_duplicateLabel->setObjectName(QStringLiteral("duplicateLabel"));
    m_duplicateLabel->setWordWrap(true);
    m_duplicateCombo->setObjectName(QStringLiteral("duplicateCombo"));
    m_mergeButton->setObjectName(QStringLiteral("mergeUsagerButton"));
    auto *duplicatesLayout = new QVBoxLayout(m_duplicates);
    duplicatesLayout->setContentsMargins(0, 0, 0, 0);
    duplicatesLayout->addWidget(m_duplicateLabel);
    duplicatesLayout->addWidget(m_duplicateCombo);
    duplicatesLayout->addWidget(m_mergeButton);
    m_duplicates->hide();
    auto *right = new QVBoxLayout;
    right->addWidget(m_rdvs, 1);
    right->addWidget(m_duplicates);
    auto *columns = new QHBoxLayout;
    columns->addWidget(m_search, 1);
    columns->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(buttons);
    resize(760, 420);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_search, &UsagerSearch::usagerSelected, this, &UsagersDialog::showUsager);
    connect(m_mergeButton, &QPushButton::clicked, this, &UsagersDialog::mergeSelectedDuplicate);
    // A merge (or any change) comes back through the feed: the list follows.
    connect(m_source, &AgendaSource::changesApplied, m_search, &UsagerSearch::refresh);
    connect(m_rdvs, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        emit rdvActivated(item->data(Qt::UserRole).toLongLong());
    });
}

void UsagersDialog::showUsager(Id usagerId)
{
    m_rdvs->clear();
    m_duplicateCombo->clear();
    const QList<Usager> duplicates =
        usagerId ? m_source->possibleDuplicatesOf(usagerId) : QList<Usager>();
    for (const Usager &d : duplicates)
        m_duplicateCombo->addItem(usagerSummary(d), d.id);
    m_duplicateLabel->setText(tr("Possible duplicate: the same name with the same phone, e-mail "
                                 "or birth date. If it is the same person, merge it into this "
                                 "usager (its appointments move here)."));
    m_duplicates->setVisible(!duplicates.isEmpty());
    if (!usagerId)
        return;
    const QTimeZone zone = m_source->timeZone();
    const QLocale locale;
    for (const Rdv &rdv : m_source->rdvsOfUsager(usagerId)) {
        const auto motif = m_source->motif(rdv.motifId);
        const QDateTime at = QDateTime::fromSecsSinceEpoch(rdv.startsAt, zone);
        const QString when =
            locale.toString(at.date(), QStringLiteral("dd/MM/yyyy ")) + clockTime(at.time());
        auto *item = new QListWidgetItem(
            QStringLiteral("%1 — %2 (%3)")
                .arg(when, motif ? motif->name : QString(), statusText(rdv.status)),
            m_rdvs);
        item->setData(Qt::UserRole, rdv.id);
    }
}

void UsagersDialog::mergeSelectedDuplicate()
{
    const auto keep = m_source->usager(m_search->selectedUsager());
    const auto duplicate = m_source->usager(m_duplicateCombo->currentData().toLongLong());
    if (!keep || !duplicate)
        return;
    if (confirmAndMergeUsagers(this, m_source, *keep, *duplicate))
        m_search->refresh(); // and again when the feed brings the change back
}

} // namespace creneau::ui
