// The agenda window: menu bar (Fichier, Affichage, Rendez-vous, Administration, Aide) and toolbar
// built from the same QActions (agent and lieu filters, day/week/list, today, previous/next, date
// picker, « Je suis », share), the agenda (grid or list), the appointment or collective session
// panel, and the banner announcing web bookings and registrations.
// Remembers its geometry and the last view (QSettings).
#pragma once

#include "ui/agendamodel.h"
#include "ui/agendaview.h"
#include "ui/changewatcher.h"
#include "ui/rdvpanel.h"
#include "ui/sessionpanel.h"

#include <QMainWindow>

#include <functional>

class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QMenu;
class QMenuBar;
class QStackedWidget;
class QSystemTrayIcon;
class QToolButton;

namespace creneau::ui {

class AgendaListView;
class ConflictPrompt;
class SyncStatusLabel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `serverUrl`: the booking server's base URL, for the links of the share dialog.
    MainWindow(AgendaSource *source, QString serverUrl, QWidget *parent = nullptr);

    AgendaModel *model() const { return m_model; }
    AgendaView *agendaView() const { return m_view; }
    RdvPanel *panel() const { return m_panel; }
    SessionPanel *sessionPanel() const { return m_sessionPanel; }
    // The banner announcing web bookings and registrations.
    QLabel *banner() const { return m_banner; }
    SyncStatusLabel *syncStatus() const { return m_syncStatus; }
    QDate currentDate() const { return m_date; }
    void setCurrentDate(const QDate &date);
    void setMode(AgendaView::Mode mode);
    // Goes to the appointment's day and selects it (the banner's « Show » link).
    void showRdv(Id rdvId);
    // Goes to the collective session's day and selects it.
    void showSession(Id sessionId);
    QString partnerLink() const;
    QString publicLink() const;
    // Embedded mode: the endpoint's loopback address (for this process's own HTTP calls) and the
    // data directory whose booking-link address the administrators may change.
    void setEmbeddedEndpoint(const QString &localUrl, const QString &dataDir);
    // The embedded demo's « Je suis »: `actAs` gives the sync client a session of the chosen
    // agent (false: it could not). Without it the combo shows the signed-in agent, disabled.
    void setAgentChoice(std::function<bool(Id)> actAs);

public slots:
    void showShareDialog();
    // « Mon agenda externe »: how the agent's appointments reach their own calendar program.
    void showCalendarSettingsDialog();
    // Administration (admins only): the motif editor, modal; the agenda reloads after a change.
    void showMotifDialog();
    void showPlageDialog();
    void showLieuDialog();
    void showAbsenceDialog();
    // The agent books: at `start` (organisation's zone) for `agentId` (0: « Je suis »).
    void showNewRdvDialog(const QDateTime &start = {}, qint64 agentId = 0);
    // Administrators: a collective session, once or repeated (mainwindowsessions.cpp).
    void showSessionDialog();
    void showUsagersDialog();
    void showBookingLinkDialog();
    // Administration › Organisation… / Agents…, and « My preferences… » (mainwindowadmin.cpp):
    // through the sync client's server and session.
    void showOrganisationDialog();
    void showAgentsDialog();
    void showPreferencesDialog();
    // « Aide »
    void showAboutDialog();
    void showKeyboardHelp();
    // « Liste » instead of the grid.
    void setListShown(bool shown);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // The commands as QActions with their shortcuts, shown by the menus and the toolbar.
    void createActions();
    QWidget *buildToolbar();
    QMenuBar *buildMenuBar();
    // « Administration »: every entry is added here (the menu bar's and the toolbar's menu).
    void addAdminActions();
    // The grid and the « Liste » table, one shown at a time.
    QWidget *buildAgendaStack();
    // Sync status, conflicts, refusals (embedded mode adds the booking link, see
    // setEmbeddedEndpoint).
    void setUpStatusBar();
    void fillFilterCombos();
    void fillLieuCombo();
    void refreshPeriod();
    void step(int direction);
    void onStoreChanged(qint64 previousSeq);
    void announce(const Rdv &rdv);
    // « Nouvelle inscription : <usager> — <motif> (7/12) »
    void announceRegistration(const Rdv &rdv);
    void showBanner(const QString &text, const QString &link);
    // The agenda's selection: an appointment's panel, or a collective session's.
    void showItem(Id itemId);
    void focusItem(Id itemId);
    // The administration button shows only when « Je suis » is an administrator.
    void updateAdminAccess();

    AgendaSource *m_source;
    QString m_serverUrl;
    QString m_localUrl; // embedded: http://127.0.0.1:<port>, whatever the links say
    QString m_dataDir;  // embedded only
    std::function<bool(Id)> m_agentChoice; // demo only
    QMenu *m_adminMenu = nullptr;
    QLabel *m_embeddedLabel = nullptr;
    AgendaModel *m_model;
    AgendaView *m_view;
    RdvPanel *m_panel;
    SessionPanel *m_sessionPanel;
    QStackedWidget *m_panelStack;
    ChangeWatcher *m_watcher;
    QLabel *m_banner;
    QComboBox *m_agentCombo = nullptr;
    QComboBox *m_lieuCombo = nullptr;
    QComboBox *m_meCombo = nullptr;
    AgendaListView *m_list = nullptr;
    QStackedWidget *m_agendaStack = nullptr;
    QAction *m_dayAction = nullptr;
    QAction *m_weekAction = nullptr;
    QAction *m_listAction = nullptr;
    QAction *m_todayAction = nullptr;
    QAction *m_previousAction = nullptr;
    QAction *m_nextAction = nullptr;
    QAction *m_goToDateAction = nullptr;
    QAction *m_agendaFocusAction = nullptr;
    QAction *m_newRdvAction = nullptr;
    QAction *m_newSessionAction = nullptr; // administrators only
    QAction *m_usagersAction = nullptr;
    QAction *m_shareAction = nullptr;
    QAction *m_calendarAction = nullptr;
    QAction *m_adminButtonAction = nullptr; // the toolbar's « Administration » button
    QToolButton *m_dayButton = nullptr;
    QToolButton *m_weekButton = nullptr;
    QToolButton *m_adminButton = nullptr;
    QDateEdit *m_dateEdit = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    SyncStatusLabel *m_syncStatus = nullptr;
    ConflictPrompt *m_conflicts = nullptr;
    QDate m_date;
};

} // namespace creneau::ui
