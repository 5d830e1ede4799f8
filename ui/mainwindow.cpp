#include "mainwindow.h"

#include "absencedialog.h"
#include "bookinglinkaddress.h"
#include "bookinglinkdialog.h"
#include "calendarsettingsdialog.h"
#include "conflictprompt.h"
#include "demodata.h"
#include "lieudialog.h"
#include "motifdialog.h"
#include "newrdvdialog.h"
#include "pendingsave.h"
#include "plagedialog.h"
#include "sharedialog.h"
#include "syncclient.h"
#include "syncstatuslabel.h"
#include "usagersdialog.h"

#include <QAction>
#include <QButtonGroup>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QToolButton>
#include <QVBoxLayout>

namespace creneau::ui {

namespace {

QToolButton *toolButton(const QString &text, const QString &name, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setText(text);
    b->setObjectName(name);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return b;
}

} // namespace

MainWindow::MainWindow(AgendaSource *source, QString serverUrl, QWidget *parent)
    : QMainWindow(parent), m_source(source), m_serverUrl(std::move(serverUrl)),
      m_model(new AgendaModel(source, this)), m_view(new AgendaView), m_panel(new RdvPanel(source)),
      m_watcher(new ChangeWatcher(source, this)), m_banner(new QLabel)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Créneau — %1").arg(source->organisation().name));

    m_banner->setObjectName(QStringLiteral("newRdvBanner"));
    m_banner->setStyleSheet(
        QStringLiteral("background:#fff4ce;border:1px solid #d4a72c;padding:6px;"));
    m_banner->setVisible(false);
    m_banner->setTextFormat(Qt::RichText);
    connect(m_banner, &QLabel::linkActivated, this, [this](const QString &link) {
        showRdv(link.section(QLatin1Char(':'), 1).toLongLong());
    });

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(buildToolbar());
    layout->addWidget(m_banner);
    auto *splitter = new QSplitter(central);
    splitter->addWidget(m_view);
    splitter->addWidget(m_panel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({780, 400});
    layout->addWidget(splitter, 1);
    // The one badge of the agenda, explained once under it.
    auto *legend = new QLabel(QStringLiteral("<span style=\"background:#ffc400;border-radius:7px;"
                                             "padding:0 4px\">P</span> ") +
                                  AgendaModel::prescripteurBadgeText().toHtmlEscaped(),
                              central);
    legend->setObjectName(QStringLiteral("agendaLegend"));
    layout->addWidget(legend);
    setCentralWidget(central);

    m_view->setModel(m_model);
    connect(m_view, &AgendaView::selectedRdvChanged, m_panel, &RdvPanel::showRdv);
    connect(m_view, &AgendaView::freeTimeActivated, this, &MainWindow::showNewRdvDialog);
    connect(m_panel, &RdvPanel::rdvChanged, this, [this] { m_watcher->poll(); });
    connect(m_watcher, &ChangeWatcher::changed, this, &MainWindow::onStoreChanged);

    setUpStatusBar();

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->show();
    }

    fillFilterCombos();
    const QSettings settings;
    setMode(settings.value(QStringLiteral("agenda/mode")).toString() == QLatin1String("day")
                ? AgendaView::Mode::Day
                : AgendaView::Mode::Week);
    setCurrentDate(QDate::currentDate());
    resize(1200, 720);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
}

void MainWindow::setUpStatusBar()
{
    sync::SyncClient *client = m_source->syncClient();
    m_syncStatus = new SyncStatusLabel(client, this);
    statusBar()->addPermanentWidget(m_syncStatus);
    // The feed tells the agenda: a web booking shows as soon as it arrives.
    connect(client, &sync::SyncClient::changesApplied, m_watcher, &ChangeWatcher::poll);
    m_conflicts = new ConflictPrompt(client, m_source->timeZone(), this);
    connect(m_source, &AgendaSource::changeRefused, this, [this](const QString &message) {
        statusBar()->showMessage(message, 15000);
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Change refused by the server"),
                                    message, QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("refusedBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("agenda/mode"), m_view->mode() == AgendaView::Mode::Day
                                                         ? QStringLiteral("day")
                                                         : QStringLiteral("week"));
    QMainWindow::closeEvent(event);
}

QWidget *MainWindow::buildToolbar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);

    m_agentCombo = new QComboBox(bar);
    m_agentCombo->setObjectName(QStringLiteral("agentFilterCombo"));
    m_agentCombo->setAccessibleName(tr("Agent"));
    m_lieuCombo = new QComboBox(bar);
    m_lieuCombo->setObjectName(QStringLiteral("lieuFilterCombo"));
    m_lieuCombo->setAccessibleName(tr("Lieu"));
    m_dayButton = toolButton(tr("Day"), QStringLiteral("dayViewButton"), bar);
    m_weekButton = toolButton(tr("Week"), QStringLiteral("weekViewButton"), bar);
    auto *modes = new QButtonGroup(bar);
    for (QToolButton *b : {m_dayButton, m_weekButton}) {
        b->setCheckable(true);
        modes->addButton(b);
    }
    auto *today = toolButton(tr("Today"), QStringLiteral("todayButton"), bar);
    auto *previous = toolButton(tr("◀"), QStringLiteral("previousButton"), bar);
    auto *next = toolButton(tr("▶"), QStringLiteral("nextButton"), bar);
    previous->setToolTip(tr("Previous (Alt+Left)"));
    next->setToolTip(tr("Next (Alt+Right)"));
    today->setToolTip(tr("Today (Ctrl+T)"));
    m_dateEdit = new QDateEdit(bar);
    m_dateEdit->setObjectName(QStringLiteral("dateEdit"));
    m_dateEdit->setCalendarPopup(true);
    m_dateEdit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_meCombo = new QComboBox(bar);
    m_meCombo->setObjectName(QStringLiteral("currentAgentCombo"));
    auto *share = new QPushButton(tr("Share"), bar);
    share->setObjectName(QStringLiteral("shareButton"));
    auto *newRdv = toolButton(tr("New appointment"), QStringLiteral("newRdvButton"), bar);
    newRdv->setToolTip(tr("New appointment (Ctrl+N)"));
    auto *usagers = toolButton(tr("Usagers"), QStringLiteral("usagersButton"), bar);
    auto *calendar =
        toolButton(tr("My external calendar…"), QStringLiteral("calendarSettingsButton"), bar);
    calendar->setToolTip(tr("Send my appointments to my own calendar program"));
    m_adminButton = toolButton(tr("Administration"), QStringLiteral("adminButton"), bar);
    m_adminButton->setPopupMode(QToolButton::InstantPopup);
    auto *adminMenu = new QMenu(m_adminButton);
    m_adminMenu = adminMenu;
    QAction *motifs = adminMenu->addAction(tr("Motifs…"), this, &MainWindow::showMotifDialog);
    motifs->setObjectName(QStringLiteral("actionMotifs"));
    QAction *lieux = adminMenu->addAction(tr("Lieux…"), this, &MainWindow::showLieuDialog);
    lieux->setObjectName(QStringLiteral("actionLieux"));
    QAction *plages =
        adminMenu->addAction(tr("Opening ranges…"), this, &MainWindow::showPlageDialog);
    plages->setObjectName(QStringLiteral("actionPlages"));
    QAction *absences = adminMenu->addAction(tr("Absences…"), this, &MainWindow::showAbsenceDialog);
    absences->setObjectName(QStringLiteral("actionAbsences"));
    adminMenu->addSeparator();
    adminMenu->addAction(tr("Organisation…"), this, &MainWindow::showOrganisationDialog)
        ->setObjectName(QStringLiteral("actionOrganisation"));
    adminMenu->addAction(tr("Agents…"), this, &MainWindow::showAgentsDialog)
        ->setObjectName(QStringLiteral("actionAgents"));
    m_adminButton->setMenu(adminMenu);
    auto *preferences = toolButton(tr("My preferences…"), QStringLiteral("preferencesButton"), bar);
    connect(preferences, &QToolButton::clicked, this, &MainWindow::showPreferencesDialog);

    row->addWidget(m_agentCombo);
    row->addWidget(m_lieuCombo);
    row->addWidget(m_dayButton);
    row->addWidget(m_weekButton);
    row->addSpacing(12);
    row->addWidget(today);
    row->addWidget(previous);
    row->addWidget(next);
    row->addWidget(m_dateEdit);
    row->addSpacing(12);
    row->addWidget(newRdv);
    row->addWidget(usagers);
    row->addStretch();
    row->addWidget(new QLabel(tr("I am"), bar));
    row->addWidget(m_meCombo);
    row->addWidget(calendar);
    row->addWidget(preferences);
    row->addWidget(share);
    row->addWidget(m_adminButton);

    connect(m_dayButton, &QToolButton::clicked, this, [this] { setMode(AgendaView::Mode::Day); });
    connect(m_weekButton, &QToolButton::clicked, this, [this] { setMode(AgendaView::Mode::Week); });
    connect(today, &QToolButton::clicked, this, [this] { setCurrentDate(QDate::currentDate()); });
    connect(previous, &QToolButton::clicked, this, [this] { step(-1); });
    connect(next, &QToolButton::clicked, this, [this] { step(1); });
    connect(m_dateEdit, &QDateEdit::dateChanged, this, &MainWindow::setCurrentDate);
    connect(m_agentCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setAgentFilter(m_agentCombo->currentData().toLongLong()); });
    connect(m_lieuCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setLieuFilter(m_lieuCombo->currentData().toLongLong()); });
    connect(m_meCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_agentChoice && !m_agentChoice(m_meCombo->currentData().toLongLong()))
            return;
        m_panel->setCurrentAgent(m_meCombo->currentData().toLongLong());
        updateAdminAccess();
    });
    connect(share, &QPushButton::clicked, this, &MainWindow::showShareDialog);
    connect(calendar, &QToolButton::clicked, this, &MainWindow::showCalendarSettingsDialog);
    connect(newRdv, &QToolButton::clicked, this, [this] { showNewRdvDialog(); });
    connect(usagers, &QToolButton::clicked, this, &MainWindow::showUsagersDialog);
    auto *newShortcut = new QShortcut(QKeySequence::New, this);
    connect(newShortcut, &QShortcut::activated, newRdv, &QToolButton::click);

    auto *todayShortcut = new QShortcut(QKeySequence(tr("Ctrl+T")), this);
    connect(todayShortcut, &QShortcut::activated, today, &QToolButton::click);
    auto *prevShortcut = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Left), this);
    connect(prevShortcut, &QShortcut::activated, previous, &QToolButton::click);
    auto *nextShortcut = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Right), this);
    connect(nextShortcut, &QShortcut::activated, next, &QToolButton::click);
    return bar;
}

void MainWindow::fillFilterCombos()
{
    m_agentCombo->addItem(tr("All agents"), Id(0));
    const QList<Agent> agents = m_source->agents();
    for (const Agent &a : agents) {
        m_agentCombo->addItem(a.fullName(), a.id);
        m_meCombo->addItem(a.fullName(), a.id);
    }
    fillLieuCombo();
    // Remote: whoever signed in, and nobody else. Embedded: the demo administrator to begin with.
    const auto signedIn = m_source->signedInAgent();
    const auto me =
        signedIn ? signedIn : m_source->agentByEmail(QString::fromLatin1(demo::kAdminEmail));
    m_meCombo->setCurrentIndex(std::max(me ? m_meCombo->findData(me->id) : 0, 0));
    m_meCombo->setEnabled(bool(m_agentChoice)); // see setAgentChoice
    m_panel->setCurrentAgent(m_meCombo->currentData().toLongLong());
    updateAdminAccess();
}

void MainWindow::fillLieuCombo()
{
    const Id current = m_lieuCombo->currentData().toLongLong();
    const QSignalBlocker block(m_lieuCombo);
    m_lieuCombo->clear();
    m_lieuCombo->addItem(tr("All lieux"), Id(0));
    for (const Lieu &l : m_source->lieux())
        if (!l.archived)
            m_lieuCombo->addItem(l.name, l.id);
    m_lieuCombo->setCurrentIndex(std::max(0, m_lieuCombo->findData(current)));
    if (m_lieuCombo->currentData().toLongLong() != current) // the filtered lieu was archived
        m_model->setLieuFilter(0);
}

void MainWindow::updateAdminAccess()
{
    const Id me = m_meCombo->currentData().toLongLong();
    bool admin = false;
    for (const Agent &a : m_source->agents())
        admin = admin || (a.id == me && a.role == AgentRole::Admin);
    // Hidden rather than disabled: agents have nothing to do there.
    m_adminButton->setVisible(admin);
}

void MainWindow::setMode(AgendaView::Mode mode)
{
    m_dayButton->setChecked(mode == AgendaView::Mode::Day);
    m_weekButton->setChecked(mode == AgendaView::Mode::Week);
    m_view->setMode(mode);
    refreshPeriod();
}

void MainWindow::setCurrentDate(const QDate &date)
{
    if (!date.isValid())
        return;
    m_date = date;
    const QSignalBlocker block(m_dateEdit);
    m_dateEdit->setDate(date);
    refreshPeriod();
}

void MainWindow::refreshPeriod()
{
    if (!m_date.isValid())
        return;
    if (m_view->mode() == AgendaView::Mode::Day) {
        m_model->setPeriod(m_date, m_date);
    } else {
        const QDate monday = m_date.addDays(1 - m_date.dayOfWeek());
        m_model->setPeriod(monday, monday.addDays(5)); // Monday to Saturday
    }
}

void MainWindow::step(int direction)
{
    setCurrentDate(m_date.addDays(direction * (m_view->mode() == AgendaView::Mode::Day ? 1 : 7)));
}

void MainWindow::onStoreChanged(qint64 previousSeq)
{
    const Id selected = m_view->selectedRdv();
    updateAdminAccess(); // a role changed, or « Je suis » chose another agent
    m_model->reload();
    if (selected && m_model->indexOfRdv(selected).isValid())
        m_view->setSelectedRdv(selected);
    m_panel->showRdv(m_panel->rdvId());
    for (const Rdv &rdv : m_source->rdvsCreatedSince(previousSeq))
        if (rdv.createdBy == CreatedBy::Prescripteur)
            announce(rdv);
}

void MainWindow::announce(const Rdv &rdv)
{
    const auto usager =
        rdv.usagerIds.isEmpty() ? std::nullopt : m_source->usager(rdv.usagerIds.first());
    const QString text =
        tr("New appointment booked by %1 for %2")
            .arg(rdv.prescripteur.fullName().trimmed(), usager ? usager->fullName() : QString());
    m_banner->setText(text.toHtmlEscaped() +
                      QStringLiteral(" — <a href=\"rdv:%1\">%2</a>").arg(rdv.id).arg(tr("Show")));
    m_banner->setVisible(true);
    if (m_tray)
        m_tray->showMessage(tr("Créneau"), text);
}

void MainWindow::showRdv(Id rdvId)
{
    const std::optional<Rdv> rdv = m_source->rdv(rdvId);
    if (!rdv)
        return;
    setCurrentDate(QDateTime::fromSecsSinceEpoch(rdv->startsAt, m_source->timeZone()).date());
    m_view->setSelectedRdv(rdvId);
}

QString MainWindow::publicLink() const
{
    return m_serverUrl + QStringLiteral("/rdv/") + m_source->organisation().slug;
}

QString MainWindow::partnerLink() const
{
    return publicLink() + QStringLiteral("/prescripteur");
}

void MainWindow::showMotifDialog()
{
    MotifDialog dialog(m_source, this);
    connect(&dialog, &MotifDialog::catalogChanged, m_watcher, &ChangeWatcher::poll);
    dialog.exec();
}

void MainWindow::showLieuDialog()
{
    LieuDialog dialog(m_source, this);
    dialog.exec();
    fillLieuCombo(); // a lieu added, renamed or archived
    m_model->reload();
}

void MainWindow::showAbsenceDialog()
{
    AbsenceDialog dialog(m_source, this);
    connect(&dialog, &AbsenceDialog::catalogChanged, this, [this] { m_model->reload(); });
    dialog.exec();
}

void MainWindow::showPlageDialog()
{
    PlageDialog dialog(m_source, this);
    connect(&dialog, &PlageDialog::catalogChanged, this, [this] { m_model->reload(); });
    dialog.exec();
}

void MainWindow::showNewRdvDialog(const QDateTime &start, qint64 agentId)
{
    QDateTime at = start;
    if (!at.isValid()) // the next quarter of an hour
        at = QDateTime::fromSecsSinceEpoch((QDateTime::currentSecsSinceEpoch() / 900 + 1) * 900,
                                           m_source->timeZone());
    NewRdvDialog dialog(m_source, m_meCombo->currentData().toLongLong(), at, agentId, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Queued: the new appointment is shown once the server booked it and the feed brought it.
    auto *booked = new PendingSave(m_source, this);
    booked->track(m_source->lastBookingKey());
    connect(booked, &PendingSave::applied, this, [this, booked](qint64 rdvId) {
        showRdv(rdvId);
        booked->deleteLater();
    });
    connect(booked, &PendingSave::refused, booked, &QObject::deleteLater);
}

void MainWindow::showUsagersDialog()
{
    UsagersDialog dialog(m_source, this);
    connect(&dialog, &UsagersDialog::rdvActivated, this, [this, &dialog](qint64 rdvId) {
        showRdv(rdvId);
        dialog.accept();
    });
    dialog.exec();
}

void MainWindow::showCalendarSettingsDialog()
{
    // The settings live on the server and the dialog speaks HTTP only, with the sync client's
    // session (in embedded mode too: its server is the in-process endpoint on loopback).
    const sync::SavedSession session = m_source->syncClient()->session();
    auto *dialog = new CalendarSettingsDialog(session.server, session.token, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::setEmbeddedEndpoint(const QString &localUrl, const QString &dataDir)
{
    m_localUrl = localUrl;
    m_dataDir = dataDir;
    QAction *link = m_adminMenu->addAction(tr("Booking link address…"), this,
                                           &MainWindow::showBookingLinkDialog);
    link->setObjectName(QStringLiteral("actionBookingLink"));
    m_embeddedLabel = new QLabel(this);
    m_embeddedLabel->setObjectName(QStringLiteral("embeddedServerLabel"));
    m_embeddedLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_embeddedLabel->setText(worksOnlyOnThisComputer(partnerLink())
                                 ? tr("Booking link: %1 (this computer only)").arg(partnerLink())
                                 : tr("Booking link: %1").arg(partnerLink()));
    statusBar()->addPermanentWidget(m_embeddedLabel);
}

void MainWindow::setAgentChoice(std::function<bool(Id)> actAs)
{
    m_agentChoice = std::move(actAs);
    m_meCombo->setEnabled(bool(m_agentChoice));
}

void MainWindow::showBookingLinkDialog()
{
    BookingLinkDialog dialog(m_dataDir, this);
    dialog.exec();
}

void MainWindow::showShareDialog()
{
    ShareDialog dialog(m_source->organisation().name, partnerLink(), publicLink(), this);
    dialog.exec();
}

} // namespace creneau::ui
