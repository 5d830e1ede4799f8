#include "ui/changewatcher.h"

namespace creneau::ui {

ChangeWatcher::ChangeWatcher(AgendaSource *source, QObject *parent)
    : QObject(parent), m_source(source), m_seq(source->currentSeq())
{}

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
