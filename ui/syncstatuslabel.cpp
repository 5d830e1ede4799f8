#include "ui/syncstatuslabel.h"

#include "ui/clocktime.h"

#include "sync/client/syncclient.h"

#include <QLocale>

namespace creneau::ui {

using client::SyncClient;

SyncStatusLabel::SyncStatusLabel(SyncClient *client, QWidget *parent)
    : QLabel(parent), m_client(client)
{
    setObjectName(QStringLiteral("syncStatusLabel"));
    connect(client, &SyncClient::statusChanged, this, &SyncStatusLabel::refresh);
    connect(client, &SyncClient::commandDone, this, &SyncStatusLabel::refresh);
    connect(client, &SyncClient::commandRejected, this, &SyncStatusLabel::refresh);
    connect(client, &SyncClient::conflict, this, &SyncStatusLabel::refresh);
    // « synchronisé il y a… » stays honest, and a change queued offline shows within a second.
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &SyncStatusLabel::refresh);
    m_timer.start();
    refresh();
}

void SyncStatusLabel::refresh()
{
    QString state;
    QString colour;
    switch (m_client->status()) {
    case SyncClient::Status::Online:
        state = tr("Online");
        colour = QStringLiteral("#1a7f37");
        break;
    case SyncClient::Status::Syncing:
        state = tr("Syncing…");
        colour = QStringLiteral("#9a6700");
        break;
    case SyncClient::Status::Offline:
        state = tr("Offline");
        colour = QStringLiteral("#b3261e");
        break;
    }
    QString text = QStringLiteral("<b style=\"color:%1\">● %2</b>").arg(colour, state);
    const QDateTime last = m_client->lastSynced();
    if (last.isValid())
        text += QStringLiteral(" · ") +
                tr("last synced at %1").arg(clockTime(last.toLocalTime().time()));
    else
        text += QStringLiteral(" · ") + tr("never synced");
    const int pending = m_client->pendingCommands();
    if (pending > 0)
        text += QStringLiteral(" · ") + tr("%n change(s) waiting to be sent", nullptr, pending);
    setText(text);
}

} // namespace creneau::ui
