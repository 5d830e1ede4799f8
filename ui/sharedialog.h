// « Partager »: the partners' link and the public link, each with a copy button and a QR code,
// and a ready-to-send text telling a partner how to book for a beneficiary; when the links only
// open on this computer, a plain warning instead of QR codes and message.
#pragma once

#include <QDialog>

class QVBoxLayout;

namespace creneau::ui {

class ShareDialog : public QDialog
{
    Q_OBJECT
public:
    ShareDialog(const QString &organisationName, const QString &partnerLink,
                const QString &publicLink, QWidget *parent = nullptr);

    static QString partnerMessage(const QString &organisationName, const QString &partnerLink);

private:
    void addPartnerMessage(QVBoxLayout *layout, const QString &organisationName,
                           const QString &partnerLink);
    QWidget *linkBox(const QString &title, const QString &url, const QString &name);

    bool m_shareable = true; // false when the links open on this computer only
};

} // namespace creneau::ui
