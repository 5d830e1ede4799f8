// « Adresse du lien de réservation » (embedded mode): who can open the booking link, this computer
// only, the local network or a public https address; saved for the next start.
#pragma once

#include "ui/bookinglinkaddress.h"
#include "ui/fielderrorlabels.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QRadioButton;

namespace creneau::ui {

class BookingLinkDialog : public QDialog
{
    Q_OBJECT
public:
    BookingLinkDialog(QString dataDir, QWidget *parent = nullptr);

    void accept() override;

private:
    BookingLinkAddress chosen() const;
    void updateExplanation();

    QString m_dataDir;
    BookingLinkAddress m_saved;
    QRadioButton *m_thisComputer;
    QRadioButton *m_localNetwork;
    QRadioButton *m_publicAddress;
    QLineEdit *m_publicUrl;
    QLabel *m_explanation;
    FieldErrorLabels m_errors;
};

} // namespace creneau::ui
