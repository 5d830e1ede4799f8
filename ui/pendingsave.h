// One change an administration dialog sent and waits for: applied once the server saved it AND
// the change feed brought the row back into the cache (so the dialog reloads what the server
// kept), or refused with the server's messages, by field when the server named them (so the
// dialog shows them next to the fields, the typed values kept).
#pragma once

#include "ui/agendasource.h"

#include <QObject>

namespace creneau::ui {

class PendingSave : public QObject
{
    Q_OBJECT
public:
    explicit PendingSave(AgendaSource *source, QObject *parent = nullptr);
    // `key`: what AgendaSource::save returned. Replaces any change still awaited.
    void track(const QString &key);
    bool isPending() const { return !m_key.isEmpty() || m_doneSeq >= 0; }

signals:
    void applied(qint64 id);
    void refused(const QString &message, const FieldErrors &fields);

private:
    void checkApplied();

    AgendaSource *m_source;
    QString m_key;
    qint64 m_doneId = 0;
    qint64 m_doneSeq = -1; // -1: not done yet; 0: done, its row's number unknown (a removal)
};

} // namespace creneau::ui
