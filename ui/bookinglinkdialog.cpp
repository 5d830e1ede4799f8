#include "ui/bookinglinkdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QRadioButton>
#include <QVBoxLayout>

namespace creneau::ui {

BookingLinkDialog::BookingLinkDialog(QString dataDir, QWidget *parent)
    : QDialog(parent), m_dataDir(std::move(dataDir)), m_saved(BookingLinkAddress::load(m_dataDir))
{
    setObjectName(QStringLiteral("bookingLinkDialog"));
    setWindowTitle(tr("Booking link address"));
    auto *layout = new QVBoxLayout(this);
    auto *intro =
        new QLabel(tr("Who must be able to open the booking link you give partners?"), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_thisComputer = new QRadioButton(tr("Only this computer (to try Créneau)"), this);
    m_thisComputer->setObjectName(QStringLiteral("thisComputerRadio"));
    m_localNetwork = new QRadioButton(tr("This local network"), this);
    m_localNetwork->setObjectName(QStringLiteral("localNetworkRadio"));
    m_publicAddress = new QRadioButton(tr("A public address"), this);
    m_publicAddress->setObjectName(QStringLiteral("publicAddressRadio"));
    for (QRadioButton *b : {m_thisComputer, m_localNetwork, m_publicAddress}) {
        layout->addWidget(b);
        connect(b, &QRadioButton::toggled, this, &BookingLinkDialog::updateExplanation);
    }
    auto *form = new QFormLayout;
    m_publicUrl = new QLineEdit(m_saved.publicUrl, this);
    m_publicUrl->setObjectName(QStringLiteral("publicUrlEdit"));
    m_publicUrl->setPlaceholderText(QStringLiteral("https://rdv.example.fr"));
    m_errors.addRow(form, tr("Public address"), m_publicUrl, QStringLiteral("public_url"));
    layout->addLayout(form);
    m_explanation = new QLabel(this);
    m_explanation->setObjectName(QStringLiteral("bookingLinkExplanation"));
    m_explanation->setWordWrap(true);
    layout->addWidget(m_explanation);
    auto *restart =
        new QLabel(tr("A new address takes effect at the next start of Créneau."), this);
    restart->setWordWrap(true);
    layout->addWidget(restart);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &BookingLinkDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    switch (m_saved.reach) {
    case BookingLinkAddress::Reach::ThisComputer:
        m_thisComputer->setChecked(true);
        break;
    case BookingLinkAddress::Reach::LocalNetwork:
        m_localNetwork->setChecked(true);
        break;
    case BookingLinkAddress::Reach::PublicAddress:
        m_publicAddress->setChecked(true);
        break;
    }
    updateExplanation();
}

BookingLinkAddress BookingLinkDialog::chosen() const
{
    BookingLinkAddress a = m_saved;
    a.reach = m_localNetwork->isChecked()    ? BookingLinkAddress::Reach::LocalNetwork
              : m_publicAddress->isChecked() ? BookingLinkAddress::Reach::PublicAddress
                                             : BookingLinkAddress::Reach::ThisComputer;
    a.publicUrl = m_publicUrl->text().trimmed();
    return a;
}

void BookingLinkDialog::updateExplanation()
{
    const BookingLinkAddress a = chosen();
    m_publicUrl->setEnabled(a.reach == BookingLinkAddress::Reach::PublicAddress);
    switch (a.reach) {
    case BookingLinkAddress::Reach::ThisComputer:
        m_explanation->setText(tr("The link works on this computer only: partners cannot open "
                                  "it. Choose this to try Créneau."));
        break;
    case BookingLinkAddress::Reach::LocalNetwork:
        m_explanation->setText(
            tr("The link will be %1: it works on the computers of this network. Open port %2 "
               "(TCP) in this computer's firewall.")
                .arg(a.linkBase(a.port))
                .arg(a.port));
        break;
    case BookingLinkAddress::Reach::PublicAddress:
        m_explanation->setText(
            tr("The https address that your reverse proxy or host points at port %1 of this "
               "computer. Partners open it from anywhere.")
                .arg(a.port));
        break;
    }
}

void BookingLinkDialog::accept()
{
    const BookingLinkAddress a = chosen();
    if (!m_errors.show(a.validate()))
        return; // values stay as typed, the message under the field
    if (!a.save(m_dataDir)) {
        QMessageBox::warning(this, windowTitle(), tr("The address could not be saved."));
        return;
    }
    QDialog::accept();
}

} // namespace creneau::ui
