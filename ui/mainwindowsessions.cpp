// The main window's collective sessions: the panel the agenda's selection opens, the creation
// dialog (administrators), and the banner announcing a registration.
#include "ui/mainwindow.h"
#include "ui/sessiondialog.h"

#include <QLabel>
#include <QStackedWidget>

namespace creneau::ui {

void MainWindow::showItem(Id itemId)
{
    const Id sessionId = AgendaModel::sessionOfItem(itemId);
    m_panel->showRdv(sessionId ? 0 : itemId);
    m_sessionPanel->showSession(sessionId);
    m_panelStack->setCurrentWidget(sessionId ? static_cast<QWidget *>(m_sessionPanel) : m_panel);
}

void MainWindow::focusItem(Id itemId)
{
    if (AgendaModel::sessionOfItem(itemId))
        m_sessionPanel->focusActions();
    else
        m_panel->focusActions();
}

void MainWindow::showSession(Id sessionId)
{
    const std::optional<CollectiveSession> session = m_source->session(sessionId);
    if (!session)
        return;
    setCurrentDate(QDateTime::fromSecsSinceEpoch(session->startsAt, m_source->timeZone()).date());
    m_view->setSelectedRdv(AgendaModel::sessionItemId(sessionId));
}

void MainWindow::showSessionDialog()
{
    // Tomorrow at 9:30 to begin with: a session is planned ahead.
    const QDateTime start(QDate::currentDate().addDays(1), QTime(9, 30), m_source->timeZone());
    SessionDialog dialog(m_source, start, this);
    if (dialog.exec() == QDialog::Accepted)
        m_watcher->poll();
}

void MainWindow::announceRegistration(const Rdv &rdv)
{
    const auto session = m_source->session(rdv.sessionId);
    const auto motif = m_source->motif(rdv.motifId);
    const auto usager =
        rdv.usagerIds.isEmpty() ? std::nullopt : m_source->usager(rdv.usagerIds.first());
    const int taken = int(m_source->participants(rdv.sessionId).size());
    const QString text =
        tr("New registration: %1 — %2 (%3)")
            .arg(usager ? usager->fullName() : QString(), motif ? motif->name : QString(),
                 AgendaModel::placesText(taken, session ? session->capacity : 0));
    showBanner(text, QStringLiteral("session:%1").arg(rdv.sessionId));
}

} // namespace creneau::ui
