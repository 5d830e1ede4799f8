#include "ui/sharedialog.h"

#include "ui/bookinglinkaddress.h"
#include "ui/qrcode.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace creneau::ui {

ShareDialog::ShareDialog(const QString &organisationName, const QString &partnerLink,
                         const QString &publicLink, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("shareDialog"));
    setWindowTitle(tr("Share"));
    auto *layout = new QVBoxLayout(this);
    if (worksOnlyOnThisComputer(partnerLink)) {
        // Handing partners a link that opens nowhere else would waste their time: say so, and
        // offer neither QR codes nor a message to send.
        auto *warning = new QLabel(
            tr("<b>These links only work on this computer.</b> Partners cannot open them. To "
               "share them, choose « This local network » or « A public address » in "
               "Administration › Booking link address… (embedded mode), or use a "
               "creneau-server reachable by your partners."),
            this);
        warning->setObjectName(QStringLiteral("onlyHereWarning"));
        warning->setWordWrap(true);
        layout->addWidget(warning);
        m_shareable = false;
    }
    auto *links = new QHBoxLayout;
    links->addWidget(linkBox(tr("Partners' link (town halls, associations, administrations)"),
                             partnerLink, QStringLiteral("partner")));
    links->addWidget(linkBox(tr("Public link"), publicLink, QStringLiteral("public")));
    layout->addLayout(links);

    if (m_shareable) {
        addPartnerMessage(layout, organisationName, partnerLink);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void ShareDialog::addPartnerMessage(QVBoxLayout *layout, const QString &organisationName,
                                    const QString &partnerLink)
{
    layout->addWidget(new QLabel(tr("Message to send to a partner:"), this));
    auto *message = new QPlainTextEdit(partnerMessage(organisationName, partnerLink), this);
    message->setObjectName(QStringLiteral("partnerMessageEdit"));
    message->setReadOnly(true);
    layout->addWidget(message);
    auto *copyMessage = new QPushButton(tr("Copy the message"), this);
    copyMessage->setObjectName(QStringLiteral("copyMessageButton"));
    connect(copyMessage, &QPushButton::clicked, this,
            [message] { QApplication::clipboard()->setText(message->toPlainText()); });
    layout->addWidget(copyMessage, 0, Qt::AlignLeft);
}

QWidget *ShareDialog::linkBox(const QString &title, const QString &url, const QString &name)
{
    auto *box = new QGroupBox(title, this);
    box->setObjectName(name + QStringLiteral("LinkBox"));
    auto *layout = new QVBoxLayout(box);
    auto *row = new QHBoxLayout;
    auto *edit = new QLineEdit(url, box);
    edit->setObjectName(name + QStringLiteral("LinkEdit"));
    edit->setReadOnly(true);
    edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(url) + 16);
    auto *copy = new QPushButton(tr("Copy"), box);
    copy->setObjectName(name + QStringLiteral("CopyButton"));
    connect(copy, &QPushButton::clicked, this, [url] { QApplication::clipboard()->setText(url); });
    row->addWidget(edit);
    row->addWidget(copy);
    layout->addLayout(row);
    if (!m_shareable)
        return box;
    auto *qr = new QLabel(box);
    qr->setObjectName(name + QStringLiteral("QrLabel"));
    qr->setPixmap(QPixmap::fromImage(qrCodeImage(url)));
    qr->setAlignment(Qt::AlignCenter);
    qr->setAccessibleName(tr("QR code of %1").arg(url));
    layout->addWidget(qr);
    return box;
}

QString ShareDialog::partnerMessage(const QString &organisationName, const QString &partnerLink)
{
    return tr("Hello,\n\n"
              "You can now book an appointment at %1 for the people you support.\n"
              "Open this link: %2\n"
              "Choose the motif and a free time, then enter the beneficiary's details and "
              "your own (name, e-mail, phone) so that we can reach you about the context. "
              "The appointment shows in our agenda at once.\n\n"
              "Kind regards")
        .arg(organisationName, partnerLink);
}

} // namespace creneau::ui
