// The status bar's word on the sync (remote mode): online, offline or syncing, when the cache
// last caught up with the server, and how many changes wait to be sent.
#pragma once

#include <QLabel>
#include <QTimer>

namespace creneau::client {
class SyncClient;
}

namespace creneau::ui {

class SyncStatusLabel : public QLabel
{
    Q_OBJECT
public:
    explicit SyncStatusLabel(client::SyncClient *client, QWidget *parent = nullptr);
    // Reads the client's state again (the queue grows without a signal).
    void refresh();

private:
    client::SyncClient *m_client;
    QTimer m_timer;
};

} // namespace creneau::ui
