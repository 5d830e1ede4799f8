#include "usagersdialog.h"

#include "usagersearch.h"

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
      m_rdvs(new QListWidget(this))
{
    setObjectName(QStringLiteral("usagersDialog"));
    setWindowTitle(tr("Usagers"));
    m_rdvs->setObjectName(QStringLiteral("usagerRdvList"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *columns = new QHBoxLayout;
    columns->addWidget(m_search, 1);
    columns->addWidget(m_rdvs, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(buttons);
    resize(760, 420);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_search, &UsagerSearch::usagerSelected, this, &UsagersDialog::showUsager);
    connect(m_rdvs, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        emit rdvActivated(item->data(Qt::UserRole).toLongLong());
    });
}

void UsagersDialog::showUsager(Id usagerId)
{
    m_rdvs->clear();
    if (!usagerId)
        return;
    const QTimeZone zone = m_source->timeZone();
    const QLocale locale;
    for (const Rdv &rdv : m_source->rdvsOfUsager(usagerId)) {
        const auto motif = m_source->motif(rdv.motifId);
        const QString when = locale.toString(QDateTime::fromSecsSinceEpoch(rdv.startsAt, zone),
                                             QStringLiteral("dd/MM/yyyy HH:mm"));
        auto *item = new QListWidgetItem(
            QStringLiteral("%1 — %2 (%3)")
                .arg(when, motif ? motif->name : QString(), statusText(rdv.status)),
            m_rdvs);
        item->setData(Qt::UserRole, rdv.id);
    }
}

} // namespace creneau::ui
