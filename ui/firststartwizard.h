// The first start of the desktop on an empty store (no --demo): a French assistant for the
// organisation (name, link address proposed from it, contact, zone), its first administrator
// (with a password typed twice), its first lieu (skippable for phone or visio-only services),
// who can open the booking link, and a last page saying what comes next — which still offers the
// demo organisation instead. Every page is checked with OrganisationService's rules, messages
// under the fields. The wizard writes nothing: app/desktop applies its result.
#pragma once

#include "models/organisationservice.h"
#include "ui/bookinglinkaddress.h"
#include "ui/fielderrorlabels.h"

#include <QWizard>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace creneau::ui {

struct FirstStartChoice
{
    bool demo = false; // the demo organisation instead of the rest
    FirstStart start;
    BookingLinkAddress link;
};

class FirstStartWizard : public QWizard
{
    Q_OBJECT
public:
    enum Page
    {
        OrganisationPage,
        AdminPage,
        LieuPage,
        LinkPage,
        FinishPage
    };
    // `slugTaken`: whether a link address is already used (the store's organisations).
    explicit FirstStartWizard(std::function<bool(const QString &)> slugTaken,
                              QWidget *parent = nullptr);

    FirstStartChoice choice() const;

private:
    class OrganisationForm;
    class AdminForm;
    class LieuForm;
    class LinkForm;
    OrganisationForm *m_organisation;
    AdminForm *m_admin;
    LieuForm *m_lieu;
    LinkForm *m_link;
    QCheckBox *m_demo;
};

} // namespace creneau::ui
