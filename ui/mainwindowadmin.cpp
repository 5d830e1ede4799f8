// The main window's administration and preferences entries: each dialog talks to the server
// through the sync client's session (remote mode, and embedded mode once it goes through
// SyncClient too); without one they say so instead of reaching for the store.
#include "sync/client/syncclient.h"
#include "ui/agendasource.h"
#include "ui/agentsdialog.h"
#include "ui/mainwindow.h"
#include "ui/organisationdialog.h"
#include "ui/preferencesdialog.h"

#include <QMessageBox>

namespace creneau::ui {

namespace {

template <typename Dialog> Dialog *openServerDialog(MainWindow *window, AgendaSource *source)
{
    client::SyncClient *client = source->syncClient();
    if (!client || !client->session().isValid()) {
        QMessageBox::information(window, window->windowTitle(),
                                 MainWindow::tr("Sign in to a Créneau server first."));
        return nullptr;
    }
    auto *dialog = new Dialog(client->session().server, client->session().token, window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace

void MainWindow::showOrganisationDialog()
{
    openServerDialog<OrganisationDialog>(this, m_source);
}

void MainWindow::showAgentsDialog()
{
    openServerDialog<AgentsDialog>(this, m_source);
}

void MainWindow::showPreferencesDialog()
{
    auto *dialog = openServerDialog<PreferencesDialog>(this, m_source);
    if (!dialog)
        return;
    // Every session ended with the old password: the sync client signs in with the new one.
    connect(dialog, &PreferencesDialog::passwordChanged, this,
            [this](const QString &email, const QString &password) {
                if (client::SyncClient *client = m_source->syncClient())
                    client->login(client->session().server, email, password);
            });
}

} // namespace creneau::ui
