#include "ui/mainwindow.h"

#include "models/organisationservice.h"

#include "models/demodata.h"
#include "sync/client/syncclient.h"
#include "ui/absencedialog.h"
#include "ui/agendalistview.h"
#include "ui/bookinglinkaddress.h"
#include "ui/bookinglinkdialog.h"
#include "ui/calendarsettingsdialog.h"
#include "ui/conflictprompt.h"
#include "ui/lieudialog.h"
#include "ui/motifdialog.h"
#include "ui/newrdvdialog.h"
#include "ui/pendingsave.h"
#include "ui/plagedialog.h"
#include "ui/sharedialog.h"
#include "ui/syncstatuslabel.h"
#include "ui/usagersdialog.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace creneau::ui {

MainWindow::MainWindow(AgendaSource *source, QString serverUrl, QWidget *parent)
    : QMainWindow(parent), m_source(source), m_serverUrl(std::move(serverUrl)),
      m_model(new AgendaModel(source, this)), m_view(new AgendaView), m_panel(new RdvPanel(source)),
      m_sessionPanel(new SessionPanel(source)), m_panelStack(new QStackedWidget),
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
        const Id id = link.section(QLatin1Char(':'), 1).toLongLong();
        if (link.startsWith(QLatin1String("session:")))
            showSession(id);
        else
            showRdv(id);
    });

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(buildToolbar());
    setMenuBar(buildMenuBar());
    layout->addWidget(m_banner);
    auto *splitter = new QSplitter(central);
    splitter->addWidget(buildAgendaStack());
    m_panelStack->setObjectName(QStringLiteral("panelStack"));
    m_panelStack->addWidget(m_panel);
    m_panelStack->addWidget(m_sessionPanel);
    splitter->addWidget(m_panelStack);
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
    connect(m_view, &AgendaView::selectedRdvChanged, this, &MainWindow::showItem);
    connect(m_view, &AgendaView::freeTimeActivated, this, &MainWindow::showNewRdvDialog);
    connect(m_view, &AgendaView::rdvActivated, this, &MainWindow::focusItem);
    const auto backToAgenda = [this] {
        m_agendaStack->currentWidget()->setFocus(Qt::OtherFocusReason);
    };
    connect(m_panel, &RdvPanel::closeRequested, this, backToAgenda);
    connect(m_sessionPanel, &SessionPanel::closeRequested, this, backToAgenda);
    connect(m_panel, &RdvPanel::rdvChanged, this, [this] { m_watcher->poll(); });
    connect(m_sessionPanel, &SessionPanel::sessionChanged, this, [this] { m_watcher->poll(); });
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
    client::SyncClient *client = m_source->syncClient();
    m_syncStatus = new SyncStatusLabel(client, this);
    statusBar()->addPermanentWidget(m_syncStatus);
    // The feed tells the agenda: a web booking shows as soon as it arrives.
    connect(client, &client::SyncClient::changesApplied, m_watcher, &ChangeWatcher::poll);
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

// Every command is a QAction with its shortcut: the menus show the shortcuts, the toolbar shows
// the same actions, and a screen reader reads their words.
void MainWindow::createActions()
{
    const auto action = [this](const QString &text, const char *name,
                               const QKeySequence &shortcut = {}) {
        auto *a = new QAction(text, this);
        a->setObjectName(QString::fromLatin1(name));
        a->setShortcut(shortcut);
        return a;
    };
    m_dayAction = action(tr("&Day"), "actionDayView", QKeySequence(Qt::CTRL | Qt::Key_1));
    m_weekAction = action(tr("&Week"), "actionWeekView", QKeySequence(Qt::CTRL | Qt::Key_2));
    m_listAction = action(tr("&List"), "actionListView", QKeySequence(Qt::CTRL | Qt::Key_3));
    m_listAction->setToolTip(tr("The period's appointments as a table, line by line"));
    auto *modes = new QActionGroup(this);
    for (QAction *a : {m_dayAction, m_weekAction}) {
        a->setCheckable(true);
        modes->addAction(a);
    }
    m_listAction->setCheckable(true);
    m_todayAction = action(tr("&Today"), "actionToday", QKeySequence(tr("Ctrl+T")));
    m_previousAction =
        action(tr("&Previous"), "actionPrevious", QKeySequence(Qt::ALT | Qt::Key_Left));
    m_previousAction->setIconText(tr("◀"));
    m_nextAction = action(tr("&Next"), "actionNext", QKeySequence(Qt::ALT | Qt::Key_Right));
    m_nextAction->setIconText(tr("▶"));
    m_goToDateAction = action(tr("&Go to date…"), "actionGoToDate", QKeySequence(tr("Ctrl+G")));
    m_agendaFocusAction =
        action(tr("Go to the &agenda"), "actionFocusAgenda", QKeySequence(tr("Ctrl+L")));
    m_newRdvAction = action(tr("&New appointment…"), "actionNewRdv", QKeySequence::New);
    m_newRdvAction->setIconText(tr("New appointment"));
    m_newSessionAction = action(tr("New collective &session…"), "actionNewSession",
                                QKeySequence(tr("Ctrl+Shift+N")));
    m_usagersAction = action(tr("&Usagers…"), "actionUsagers", QKeySequence(tr("Ctrl+U")));
    m_usagersAction->setIconText(tr("Usagers"));
    m_shareAction = action(tr("&Share the booking links…"), "actionShare");
    m_shareAction->setIconText(tr("Share"));
    m_calendarAction = action(tr("My external &calendar…"), "actionCalendarSettings");
    m_calendarAction->setToolTip(tr("Send my appointments to my own calendar program"));

    connect(m_dayAction, &QAction::triggered, this, [this] { setMode(AgendaView::Mode::Day); });
    connect(m_weekAction, &QAction::triggered, this, [this] { setMode(AgendaView::Mode::Week); });
    connect(m_listAction, &QAction::toggled, this, &MainWindow::setListShown);
    connect(m_todayAction, &QAction::triggered, this,
            [this] { setCurrentDate(QDate::currentDate()); });
    connect(m_previousAction, &QAction::triggered, this, [this] { step(-1); });
    connect(m_nextAction, &QAction::triggered, this, [this] { step(1); });
    connect(m_goToDateAction, &QAction::triggered, this,
            [this] { m_dateEdit->setFocus(Qt::ShortcutFocusReason); });
    connect(m_agendaFocusAction, &QAction::triggered, this,
            [this] { m_agendaStack->currentWidget()->setFocus(Qt::ShortcutFocusReason); });
    connect(m_newRdvAction, &QAction::triggered, this, [this] { showNewRdvDialog(); });
    connect(m_newSessionAction, &QAction::triggered, this, &MainWindow::showSessionDialog);
    connect(m_usagersAction, &QAction::triggered, this, &MainWindow::showUsagersDialog);
    connect(m_shareAction, &QAction::triggered, this, &MainWindow::showShareDialog);
    connect(m_calendarAction, &QAction::triggered, this, &MainWindow::showCalendarSettingsDialog);
}

QMenuBar *MainWindow::buildMenuBar()
{
    auto *bar = new QMenuBar(this);
    bar->setObjectName(QStringLiteral("menuBar"));
    QMenu *file = bar->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(m_shareAction);
    file->addAction(m_calendarAction);
    QAction *preferences =
        file->addAction(tr("My preferences…"), this, &MainWindow::showPreferencesDialog);
    preferences->setObjectName(QStringLiteral("actionPreferences"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));

    QMenu *view = bar->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addActions({m_dayAction, m_weekAction, m_listAction});
    view->addSeparator();
    view->addActions({m_todayAction, m_previousAction, m_nextAction, m_goToDateAction});
    view->addSeparator();
    view->addAction(m_agendaFocusAction);

    QMenu *rdv = bar->addMenu(tr("&Appointment"));
    rdv->setObjectName(QStringLiteral("rdvMenu"));
    rdv->addAction(m_newRdvAction);
    rdv->addAction(m_newSessionAction);
    rdv->addAction(m_usagersAction);
    rdv->addSeparator();
    for (QAction *a : m_panel->actions())
        rdv->addAction(a);

    m_adminMenu = bar->addMenu(tr("Ad&ministration"));
    m_adminMenu->setObjectName(QStringLiteral("adminMenu"));
    addAdminActions();
    m_adminButton->setMenu(m_adminMenu);

    QMenu *help = bar->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *keys = help->addAction(tr("&Keyboard shortcuts"), QKeySequence::HelpContents, this,
                                    &MainWindow::showKeyboardHelp);
    keys->setObjectName(QStringLiteral("actionKeyboardHelp"));
    QAction *about = help->addAction(tr("&About Créneau"), this, &MainWindow::showAboutDialog);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    return bar;
}

// The administration entries, in one place: the menu bar and the toolbar's button share them.
void MainWindow::addAdminActions()
{
    QAction *motifs = m_adminMenu->addAction(tr("Motifs…"), this, &MainWindow::showMotifDialog);
    motifs->setObjectName(QStringLiteral("actionMotifs"));
    QAction *lieux = m_adminMenu->addAction(tr("Lieux…"), this, &MainWindow::showLieuDialog);
    lieux->setObjectName(QStringLiteral("actionLieux"));
    QAction *plages =
        m_adminMenu->addAction(tr("Opening ranges…"), this, &MainWindow::showPlageDialog);
    plages->setObjectName(QStringLiteral("actionPlages"));
    QAction *absences =
        m_adminMenu->addAction(tr("Absences…"), this, &MainWindow::showAbsenceDialog);
    absences->setObjectName(QStringLiteral("actionAbsences"));
    m_adminMenu->addSeparator();
    m_adminMenu->addAction(tr("Organisation…"), this, &MainWindow::showOrganisationDialog)
        ->setObjectName(QStringLiteral("actionOrganisation"));
    m_adminMenu->addAction(tr("Agents…"), this, &MainWindow::showAgentsDialog)
        ->setObjectName(QStringLiteral("actionAgents"));
}

QWidget *MainWindow::buildToolbar()
{
    createActions();
    auto *bar = new QToolBar(tr("Agenda"), this);
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    const auto add = [bar](QAction *action, const char *name) {
        bar->addAction(action);
        QWidget *button = bar->widgetForAction(action);
        button->setObjectName(QString::fromLatin1(name));
        // Spoken by their words, not by the symbol they show.
        button->setAccessibleName(QString(action->text()).remove(QLatin1Char('&')));
        // Reachable with Tab as well as through the menus and shortcuts.
        button->setFocusPolicy(Qt::TabFocus);
        return static_cast<QToolButton *>(button);
    };

    m_agentCombo = new QComboBox(bar);
    m_agentCombo->setObjectName(QStringLiteral("agentFilterCombo"));
    // On Linux a combo box is spoken by its value; the description says what it chooses.
    m_agentCombo->setAccessibleName(tr("Agent shown"));
    m_agentCombo->setAccessibleDescription(tr("Agent shown"));
    m_lieuCombo = new QComboBox(bar);
    m_lieuCombo->setObjectName(QStringLiteral("lieuFilterCombo"));
    m_lieuCombo->setAccessibleName(tr("Lieu shown"));
    m_lieuCombo->setAccessibleDescription(tr("Lieu shown"));
    m_dateEdit = new QDateEdit(bar);
    m_dateEdit->setObjectName(QStringLiteral("dateEdit"));
    m_dateEdit->setCalendarPopup(true);
    m_dateEdit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_dateEdit->setAccessibleName(tr("Date shown"));
    m_dateEdit->setAccessibleDescription(tr("The agenda shows the day or the week of this date"));
    m_meCombo = new QComboBox(bar);
    m_meCombo->setObjectName(QStringLiteral("currentAgentCombo"));
    auto *meLabel = new QLabel(tr("I &am"), bar);
    meLabel->setBuddy(m_meCombo);
    m_meCombo->setAccessibleName(tr("I am"));

    // Long lieu names must not push the toolbar's last buttons into its overflow menu.
    for (QComboBox *combo : {m_agentCombo, m_lieuCombo, m_meCombo}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(10);
    }
    bar->addWidget(m_agentCombo);
    bar->addWidget(m_lieuCombo);
    m_dayButton = add(m_dayAction, "dayViewButton");
    m_weekButton = add(m_weekAction, "weekViewButton");
    add(m_listAction, "listViewButton");
    bar->addSeparator();
    add(m_todayAction, "todayButton")->setToolTip(tr("Today (Ctrl+T)"));
    add(m_previousAction, "previousButton")->setToolTip(tr("Previous (Alt+Left)"));
    add(m_nextAction, "nextButton")->setToolTip(tr("Next (Alt+Right)"));
    bar->addWidget(m_dateEdit);
    bar->addSeparator();
    add(m_newRdvAction, "newRdvButton")->setToolTip(tr("New appointment (Ctrl+N)"));
    add(m_usagersAction, "usagersButton");
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(meLabel);
    bar->addWidget(m_meCombo);
    // « Share… » and « My external calendar… » are in the File menu only: the bar must keep
    // « Administration » in sight at 1200 pixels, in French.
    // The same menu as the menu bar's (filled by buildMenuBar).
    m_adminButton = new QToolButton(bar);
    m_adminButton->setObjectName(QStringLiteral("adminButton"));
    m_adminButton->setText(tr("Administration"));
    m_adminButton->setPopupMode(QToolButton::InstantPopup);
    m_adminButton->setFocusPolicy(Qt::TabFocus);
    m_adminButtonAction = bar->addWidget(m_adminButton);
    // Qt's own « » » button, shown when the window is too narrow for the bar.
    if (auto *more = bar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button")))
        more->setAccessibleName(tr("More tools"));

    connect(m_dateEdit, &QDateEdit::dateChanged, this, &MainWindow::setCurrentDate);
    connect(m_agentCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setAgentFilter(m_agentCombo->currentData().toLongLong()); });
    connect(m_lieuCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setLieuFilter(m_lieuCombo->currentData().toLongLong()); });
    connect(m_meCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_agentChoice && !m_agentChoice(m_meCombo->currentData().toLongLong()))
            return;
        m_panel->setCurrentAgent(m_meCombo->currentData().toLongLong());
        m_sessionPanel->setCurrentAgent(m_meCombo->currentData().toLongLong());
        updateAdminAccess();
    });
    return bar;
}

QWidget *MainWindow::buildAgendaStack()
{
    m_agendaStack = new QStackedWidget(this);
    m_agendaStack->setObjectName(QStringLiteral("agendaStack"));
    m_list = new AgendaListView(m_model, m_agendaStack);
    m_agendaStack->addWidget(m_view);
    m_agendaStack->addWidget(m_list);
    // One selection for both: the panel follows whichever is shown.
    connect(m_view, &AgendaView::selectedRdvChanged, m_list, &AgendaListView::setSelectedRdv);
    connect(m_list, &AgendaListView::selectedRdvChanged, m_view, &AgendaView::setSelectedRdv);
    connect(m_list, &AgendaListView::rdvActivated, this, &MainWindow::focusItem);
    return m_agendaStack;
}

void MainWindow::setListShown(bool shown)
{
    const QSignalBlocker block(m_listAction);
    m_listAction->setChecked(shown);
    const bool hadFocus = m_agendaStack->currentWidget()->hasFocus();
    m_agendaStack->setCurrentWidget(shown ? static_cast<QWidget *>(m_list) : m_view);
    m_list->setSelectedRdv(m_view->selectedRdv());
    if (hadFocus || shown)
        m_agendaStack->currentWidget()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::showAboutDialog()
{
    QMessageBox::about(
        this, tr("About Créneau"),
        tr("<p><b>Créneau</b> %1</p><p>Appointments for public services: the agents' agenda and "
           "the booking pages for usagers and prescripteurs.</p>")
            .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
}

void MainWindow::showKeyboardHelp()
{
    QMessageBox box(QMessageBox::Information, tr("Keyboard shortcuts"),
                    tr("In the agenda: Up and Down move by time, Left and Right by day (by agent "
                       "in the day view), Home and End to the first and last of the column; "
                       "Enter opens the appointment or books the free time; Escape goes back "
                       "from the appointment to the agenda.\n\n"
                       "Ctrl+N: new appointment. Ctrl+T: today. Alt+Left and Alt+Right: previous "
                       "and next period. Ctrl+G: the date. Ctrl+L: the agenda. Ctrl+1, Ctrl+2, "
                       "Ctrl+3: day, week, list. Ctrl+Shift+N: new collective session "
                       "(administrators)."),
                    QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("keyboardHelpBox"));
    box.exec();
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
    m_sessionPanel->setCurrentAgent(m_meCombo->currentData().toLongLong());
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
    m_adminButtonAction->setVisible(admin);
    m_adminButton->setVisible(admin); // now, not at the toolbar's next layout
    m_adminMenu->menuAction()->setVisible(admin);
    m_newSessionAction->setVisible(admin); // hidden, its shortcut is off too
}

void MainWindow::setMode(AgendaView::Mode mode)
{
    m_dayAction->setChecked(mode == AgendaView::Mode::Day);
    m_weekAction->setChecked(mode == AgendaView::Mode::Week);
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
    m_sessionPanel->showSession(m_sessionPanel->sessionId());
    for (const Rdv &rdv : m_source->rdvsCreatedSince(previousSeq)) {
        if (rdv.sessionId && rdv.createdBy != CreatedBy::Agent)
            announceRegistration(rdv);
        else if (!rdv.sessionId && rdv.createdBy == CreatedBy::Prescripteur)
            announce(rdv);
    }
}

void MainWindow::announce(const Rdv &rdv)
{
    const auto usager =
        rdv.usagerIds.isEmpty() ? std::nullopt : m_source->usager(rdv.usagerIds.first());
    const QString text =
        tr("New appointment booked by %1 for %2")
            .arg(rdv.prescripteur.fullName().trimmed(), usager ? usager->fullName() : QString());
    showBanner(text, QStringLiteral("rdv:%1").arg(rdv.id));
}

void MainWindow::showBanner(const QString &text, const QString &link)
{
    m_banner->setText(text.toHtmlEscaped() +
                      QStringLiteral(" — <a href=\"%1\">%2</a>").arg(link, tr("Show")));
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
    // The organisation's own public address when an administrator set one (Administration ›
    // Organisation…): the link partners open must be theirs, not this computer's.
    const Organisation org = m_source->organisation();
    return OrganisationService(m_source->store()).settings(org.id).linkBase(m_serverUrl) +
           QStringLiteral("/rdv/") + org.slug;
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
    const client::SavedSession session = m_source->syncClient()->session();
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
