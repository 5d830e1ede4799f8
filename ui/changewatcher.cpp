#include "changewatcher.h"

namespace creneau::ui {

ChangeWatcher::ChangeWatcher(AgendaSource *source, QObject *parent)
    : QObject(parent), m_source(source), m_seq(source->currentSeq())
{
    // Remote mode needs no timer: the sync client calls poll() whenever it applied changes.
    if (source->isRemote())
        return;
    m_timer.setInterval(500);
    connect(&m_timer, &QTimer::timeout, this, &ChangeWatcher::poll);
    m_timer.start();
}

void ChangeWatcher::poll()
{
    const qint64 now = m_source->currentSeq();
    if (now == m_seq)
        return;
    const qint64 previous = m_seq;
    m_seq = now;
    emit changed(previous, now);
}

} // namespace creneau::ui
