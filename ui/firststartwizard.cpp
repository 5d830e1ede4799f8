#include "ui/firststartwizard.h"

#include "ui/timezonechoice.h"

#include "models/catalogservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace creneau::ui {

namespace {

QLineEdit *lineEdit(QWidget *parent, const QString &name)
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(name);
    return e;
}

// Only the messages of the fields a page shows.
FieldErrors only(const FieldErrors &all, const QStringList &keys)
{
    FieldErrors out;
    for (const QString &k : keys)
        if (all.contains(k))
            out.insert(k, all.value(k));
    return out;
}

} // namespace

class FirstStartWizard::OrganisationForm : public QWizardPage
{
public:
    OrganisationForm(std::function<bool(const QString &)> slugTaken, QWidget *parent)
        : QWizardPage(parent), m_slugTaken(std::move(slugTaken))
    {
        setObjectName(QStringLiteral("organisationPage"));
        setTitle(FirstStartWizard::tr("Your organisation"));
        setSubTitle(FirstStartWizard::tr("What usagers and partners will see."));
        auto *form = new QFormLayout(this);
        name = lineEdit(this, QStringLiteral("organisationNameEdit"));
        slug = lineEdit(this, QStringLiteral("slugEdit"));
        link = new QLabel(this);
        link->setObjectName(QStringLiteral("linkPreview"));
        link->setWordWrap(true);
        address = lineEdit(this, QStringLiteral("organisationAddressEdit"));
        phone = lineEdit(this, QStringLiteral("organisationPhoneEdit"));
        email = lineEdit(this, QStringLiteral("organisationEmailEdit"));
        zone = new QComboBox(this);
        zone->setObjectName(QStringLiteral("zoneCombo"));
        fillTimeZones(zone);
        errors.addRow(form, FirstStartWizard::tr("Name"), name, QStringLiteral("name"));
        errors.addRow(form, FirstStartWizard::tr("Link address"), slug, QStringLiteral("slug"));
        form->addRow(QString(), link);
        errors.addRow(form, FirstStartWizard::tr("Address"), address, QStringLiteral("address"));
        errors.addRow(form, FirstStartWizard::tr("Phone"), phone, QStringLiteral("phone"));
        errors.addRow(form, FirstStartWizard::tr("Contact e-mail"), email, QStringLiteral("email"));
        errors.addRow(form, FirstStartWizard::tr("Time zone"), zone, QStringLiteral("time_zone"));
        // The slug follows the name until the user edits it.
        QObject::connect(name, &QLineEdit::textEdited, this, [this](const QString &text) {
            if (!m_slugEdited)
                slug->setText(OrganisationService::proposeSlug(text));
        });
        QObject::connect(slug, &QLineEdit::textEdited, this, [this] { m_slugEdited = true; });
        QObject::connect(slug, &QLineEdit::textChanged, this, [this](const QString &s) {
            link->setText(FirstStartWizard::tr("Your booking link will end in /rdv/%1")
                              .arg(s.isEmpty() ? QStringLiteral("…") : s));
        });
        slug->setText(QString());
        link->setText(
            FirstStartWizard::tr("Your booking link will end in /rdv/%1").arg(QStringLiteral("…")));
    }

    OrganisationSettings settings() const
    {
        OrganisationSettings s;
        s.organisation.name = name->text().trimmed();
        s.organisation.slug = slug->text().trimmed();
        s.organisation.address = address->text().trimmed();
        s.organisation.phone = phone->text().trimmed();
        s.organisation.email = email->text().trimmed();
        s.organisation.timeZone = chosenTimeZone(zone);
        return s;
    }

    bool validatePage() override
    {
        FieldErrors e =
            only(OrganisationService::validate(settings()),
                 {QStringLiteral("name"), QStringLiteral("slug"), QStringLiteral("address"),
                  QStringLiteral("phone"), QStringLiteral("email"), QStringLiteral("time_zone")});
        if (!e.contains(QStringLiteral("slug")) && m_slugTaken &&
            m_slugTaken(settings().organisation.slug))
            e.insert(QStringLiteral("slug"),
                     QCoreApplication::translate("creneau::OrganisationService",
                                                 "This address is already taken."));
        return errors.show(e);
    }

    QLineEdit *name, *slug, *address, *phone, *email;
    QLabel *link;
    QComboBox *zone;
    FieldErrorLabels errors;

private:
    std::function<bool(const QString &)> m_slugTaken;
    bool m_slugEdited = false;
};

class FirstStartWizard::AdminForm : public QWizardPage
{
public:
    explicit AdminForm(QWidget *parent) : QWizardPage(parent)
    {
        setObjectName(QStringLiteral("adminPage"));
        setTitle(FirstStartWizard::tr("The first administrator"));
        setSubTitle(FirstStartWizard::tr("You, most likely: you will add the other agents from "
                                         "Administration › Agents…"));
        auto *form = new QFormLayout(this);
        firstName = lineEdit(this, QStringLiteral("firstNameEdit"));
        lastName = lineEdit(this, QStringLiteral("lastNameEdit"));
        email = lineEdit(this, QStringLiteral("adminEmailEdit"));
        password = lineEdit(this, QStringLiteral("passwordEdit"));
        confirm = lineEdit(this, QStringLiteral("confirmEdit"));
        for (QLineEdit *e : {password, confirm})
            e->setEchoMode(QLineEdit::Password);
        password->setPlaceholderText(FirstStartWizard::tr("At least 12 characters"));
        errors.addRow(form, FirstStartWizard::tr("First name"), firstName,
                      QStringLiteral("first_name"));
        errors.addRow(form, FirstStartWizard::tr("Last name"), lastName,
                      QStringLiteral("last_name"));
        errors.addRow(form, FirstStartWizard::tr("E-mail (your sign-in)"), email,
                      QStringLiteral("email"));
        errors.addRow(form, FirstStartWizard::tr("Password"), password, QStringLiteral("password"));
        errors.addRow(form, FirstStartWizard::tr("Password again"), confirm,
                      QStringLiteral("confirm"));
    }

    Agent agent() const
    {
        Agent a;
        a.firstName = firstName->text().trimmed();
        a.lastName = lastName->text().trimmed();
        a.email = email->text().trimmed();
        a.role = AgentRole::Admin;
        return a;
    }

    bool validatePage() override
    {
        FieldErrors e = OrganisationService::validateAgent(agent());
        OrganisationService::checkPassword(e, QStringLiteral("password"), password->text());
        if (!e.contains(QStringLiteral("password")) && confirm->text() != password->text())
            e.insert(QStringLiteral("confirm"), FirstStartWizard::tr("The two passwords differ."));
        return errors.show(e);
    }

    QLineEdit *firstName, *lastName, *email, *password, *confirm;
    FieldErrorLabels errors;
};

class FirstStartWizard::LieuForm : public QWizardPage
{
public:
    explicit LieuForm(QWidget *parent) : QWizardPage(parent)
    {
        setObjectName(QStringLiteral("lieuPage"));
        setTitle(FirstStartWizard::tr("Where you receive"));
        setSubTitle(FirstStartWizard::tr("Your first lieu. You can add others later in "
                                         "Administration › Lieux…"));
        auto *layout = new QVBoxLayout(this);
        skip = new QCheckBox(FirstStartWizard::tr("No lieu: appointments by phone or video only"),
                             this);
        skip->setObjectName(QStringLiteral("skipLieuCheck"));
        layout->addWidget(skip);
        auto *form = new QFormLayout;
        layout->addLayout(form);
        name = lineEdit(this, QStringLiteral("lieuNameEdit"));
        address = lineEdit(this, QStringLiteral("lieuAddressEdit"));
        errors.addRow(form, FirstStartWizard::tr("Name"), name, QStringLiteral("name"));
        errors.addRow(form, FirstStartWizard::tr("Address"), address, QStringLiteral("address"));
        QObject::connect(skip, &QCheckBox::toggled, this, [this](bool on) {
            name->setEnabled(!on);
            address->setEnabled(!on);
            if (on)
                errors.show({});
        });
    }

    std::optional<Lieu> lieu() const
    {
        if (skip->isChecked())
            return std::nullopt;
        Lieu l;
        l.name = name->text().trimmed();
        l.address = address->text().trimmed();
        return l;
    }

    bool validatePage() override
    {
        FieldErrors e;
        if (!skip->isChecked())
            e = CatalogService::checkLieu(*lieu());
        return errors.show(e);
    }

    QCheckBox *skip;
    QLineEdit *name, *address;
    FieldErrorLabels errors;
};

class FirstStartWizard::LinkForm : public QWizardPage
{
public:
    explicit LinkForm(QWidget *parent) : QWizardPage(parent)
    {
        setObjectName(QStringLiteral("linkPage"));
        const auto bt = [](const char *text) {
            // The same words as « Administration › Booking link address… ».
            return QCoreApplication::translate("creneau::ui::BookingLinkDialog", text);
        };
        setTitle(FirstStartWizard::tr("The booking link"));
        setSubTitle(bt("Who must be able to open the booking link you give partners?"));
        auto *layout = new QVBoxLayout(this);
        thisComputer = new QRadioButton(bt("Only this computer (to try Créneau)"), this);
        thisComputer->setObjectName(QStringLiteral("thisComputerRadio"));
        localNetwork = new QRadioButton(bt("This local network"), this);
        localNetwork->setObjectName(QStringLiteral("localNetworkRadio"));
        publicAddress = new QRadioButton(bt("A public address"), this);
        publicAddress->setObjectName(QStringLiteral("publicAddressRadio"));
        for (QRadioButton *b : {thisComputer, localNetwork, publicAddress})
            layout->addWidget(b);
        thisComputer->setChecked(true);
        auto *form = new QFormLayout;
        layout->addLayout(form);
        publicUrl = lineEdit(this, QStringLiteral("publicUrlEdit"));
        publicUrl->setPlaceholderText(QStringLiteral("https://rdv.example.fr"));
        errors.addRow(form, bt("Public address"), publicUrl, QStringLiteral("public_url"));
        explanation = new QLabel(this);
        explanation->setWordWrap(true);
        layout->addWidget(explanation);
        for (QRadioButton *b : {thisComputer, localNetwork, publicAddress})
            QObject::connect(b, &QRadioButton::toggled, this, [this, bt] {
                const BookingLinkAddress a = address();
                publicUrl->setEnabled(a.reach == BookingLinkAddress::Reach::PublicAddress);
                explanation->setText(
                    a.reach == BookingLinkAddress::Reach::ThisComputer
                        ? bt("The link works on this computer only: partners cannot open it. "
                             "Choose this to try Créneau.")
                    : a.reach == BookingLinkAddress::Reach::LocalNetwork
                        ? bt("The link will be %1: it works on the computers of this network. "
                             "Open port %2 (TCP) in this computer's firewall.")
                              .arg(a.linkBase(a.port))
                              .arg(a.port)
                        : bt("The https address that your reverse proxy or host points at port "
                             "%1 of this computer. Partners open it from anywhere.")
                              .arg(a.port));
            });
        publicUrl->setEnabled(false);
        explanation->setText(bt("The link works on this computer only: partners cannot open it. "
                                "Choose this to try Créneau."));
    }

    BookingLinkAddress address() const
    {
        BookingLinkAddress a;
        a.reach = localNetwork->isChecked()    ? BookingLinkAddress::Reach::LocalNetwork
                  : publicAddress->isChecked() ? BookingLinkAddress::Reach::PublicAddress
                                               : BookingLinkAddress::Reach::ThisComputer;
        a.publicUrl = publicUrl->text().trimmed();
        return a;
    }

    bool validatePage() override { return errors.show(address().validate()); }

    QRadioButton *thisComputer, *localNetwork, *publicAddress;
    QLineEdit *publicUrl;
    QLabel *explanation;
    FieldErrorLabels errors;
};

FirstStartWizard::FirstStartWizard(std::function<bool(const QString &)> slugTaken, QWidget *parent)
    : QWizard(parent)
{
    setObjectName(QStringLiteral("firstStartWizard"));
    setWindowTitle(tr("Welcome to Créneau"));
    setWizardStyle(QWizard::ClassicStyle);
    m_organisation = new OrganisationForm(std::move(slugTaken), this);
    m_admin = new AdminForm(this);
    m_lieu = new LieuForm(this);
    m_link = new LinkForm(this);
    setPage(OrganisationPage, m_organisation);
    setPage(AdminPage, m_admin);
    setPage(LieuPage, m_lieu);
    setPage(LinkPage, m_link);

    auto *finish = new QWizardPage(this);
    finish->setObjectName(QStringLiteral("finishPage"));
    finish->setTitle(tr("What comes next"));
    auto *layout = new QVBoxLayout(finish);
    auto *next = new QLabel(
        tr("<p>Créneau opens on your organisation's empty agenda. Then, in the "
           "<b>Administration</b> menu:</p><ol><li><b>Motifs…</b>: what usagers come for, how "
           "long, who may book them;</li><li><b>Opening ranges…</b>: when each agent receives, "
           "where, for which motifs;</li><li><b>Agents…</b>: your colleagues, who get an "
           "invitation.</li></ol><p>Then <b>Share</b> gives the booking link to your "
           "partners.</p>"),
        finish);
    next->setWordWrap(true);
    layout->addWidget(next);
    m_demo = new QCheckBox(
        tr("Rather explore the demo organisation first (nothing above is created)"), finish);
    m_demo->setObjectName(QStringLiteral("demoCheck"));
    layout->addWidget(m_demo);
    setPage(FinishPage, finish);
}

FirstStartChoice FirstStartWizard::choice() const
{
    FirstStartChoice c;
    c.demo = m_demo->isChecked();
    c.start.settings = m_organisation->settings();
    c.start.admin = m_admin->agent();
    c.start.password = m_admin->password->text();
    c.start.lieu = m_lieu->lieu();
    c.link = m_link->address();
    return c;
}

} // namespace creneau::ui
