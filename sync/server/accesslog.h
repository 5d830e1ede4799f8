// One line per answered request (--access-log FILE, or - for standard output), so that an
// operator running several instances sees which one answered what, and how fast:
//   2026-12-01T03:40:12.345Z host:8081 POST /rdv/mairie/mon-rdv/{token}/annuler 303 12ms
// Paths lose their query and every token (recap, cancel and feed links are credentials).
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <memory>

namespace creneau::server {

class AccessLog
{
public:
    // `target`: a file path (appended to, created owner-only) or "-" for standard output.
    // False with `error` when it cannot be opened.
    bool open(const QString &target, QString *error);
    bool isOpen() const { return m_file && m_file->isOpen(); }
    void write(const QByteArray &method, const QString &path, int status, qint64 durationMs);
    // The path as it may be logged: no query, tokens replaced by {token}.
    static QString redactedPath(const QString &path);

private:
    std::unique_ptr<QFile> m_file;
    QString m_instance;
};

} // namespace creneau::server
