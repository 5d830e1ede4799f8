#include "ui/pendingsave.h"

namespace creneau::ui {

PendingSave::PendingSave(AgendaSource *source, QObject *parent) : QObject(parent), m_source(source)
{
    connect(source, &AgendaSource::changeDone, this,
            [this](const QString &key, qint64 id, qint64 seq) {
                if (key != m_key)
                    return;
                m_key.clear();
                m_doneId = id;
                m_doneSeq = seq;
                // The feed may already have brought the row (it is pulled as the answer comes).
                if (seq > 0)
                    checkApplied();
            });
    connect(source, &AgendaSource::changesApplied, this, &PendingSave::checkApplied);
    connect(source, &AgendaSource::changeRejected, this,
            [this](const QString &key, const QString &message, const FieldErrors &fields) {
                if (key != m_key)
                    return;
                m_key.clear();
                emit refused(message, fields);
            });
}

void PendingSave::track(const QString &key)
{
    m_key = key;
    m_doneId = 0;
    m_doneSeq = -1;
}

void PendingSave::checkApplied()
{
    if (m_doneSeq < 0 || !m_key.isEmpty())
        return;
    if (m_doneSeq > 0 && m_source->currentSeq() < m_doneSeq)
        return;
    const qint64 id = m_doneId;
    m_doneId = 0;
    m_doneSeq = -1;
    emit applied(id);
}

} // namespace creneau::ui
