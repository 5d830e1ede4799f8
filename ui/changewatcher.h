// Says when the store's change sequence moved, so the agenda refreshes without a click. Embedded
// mode looks every 500 ms; in remote mode the sync client's changesApplied drives poll().
#pragma once

#include "agendasource.h"

#include <QObject>
#include <QTimer>

namespace creneau::ui {

class ChangeWatcher : public QObject
{
    Q_OBJECT
public:
    explicit ChangeWatcher(AgendaSource *source, QObject *parent = nullptr);
    qint64 seq() const { return m_seq; }
    // Checks now (the timer calls it too).
    void poll();

signals:
    void changed(qint64 previousSeq, qint64 seq);

private:
    AgendaSource *m_source;
    QTimer m_timer;
    qint64 m_seq;
};

} // namespace creneau::ui
