// « Partager »: the partners' link and the public link, each with a copy button and a QR code,
// and a ready-to-send text telling a partner how to book for a beneficiary.
#pragma once

#include <QDialog>

namespace creneau::ui {

class ShareDialog : public QDialog
{
    Q_OBJECT
public:
    ShareDialog(const QString &organisationName, const QString &partnerLink,
                const QString &publicLink, QWidget *parent = nullptr);

    static QString partnerMessage(const QString &organisationName, const QString &partnerLink);

private:
    QWidget *linkBox(const QString &title, const QString &url, const QString &name);
};

} // namespace creneau::ui
