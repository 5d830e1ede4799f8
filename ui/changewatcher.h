// Says when the cache's change sequence moved, so the agenda refreshes without a click: the sync
// client's changesApplied drives poll(), in both modes (no timer).
#pragma once

#include "ui/agendasource.h"

#include <QObject>

namespace creneau::ui {

class ChangeWatcher : public QObject
{
    Q_OBJECT
public:
    explicit ChangeWatcher(AgendaSource *source, QObject *parent = nullptr);
    qint64 seq() const { return m_seq; }
    // Checks now.
    void poll();

signals:
    void changed(qint64 previousSeq, qint64 seq);

private:
    AgendaSource *m_source;
    qint64 m_seq;
};

} // namespace creneau::ui
