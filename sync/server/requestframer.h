// Checks the framing of the HTTP/1.x requests on one connection as their bytes arrive, before Qt
// HttpServer 6.4 reads them: Qt's own parser is lenient (any Transfer-Encoding containing
// "chunked", the first of conflicting Content-Lengths, "+N" lengths, bare CR line ends), which
// lets a request be smuggled inside another one. RFC 9112 strictly; pure, no sockets.
#pragma once

#include <QByteArray>
#include <QString>

#include <deque>

namespace creneau::server {

class RequestFramer
{
public:
    struct Limits
    {
        qint64 maxHeadBytes = 16 * 1024;
        qint64 maxBodyBytes = 64 * 1024;
    };
    enum class Phase
    {
        Idle,   // between requests
        Head,   // inside a request line or its header fields
        Body,   // inside a Content-Length body
        Closed, // a request asked to close the connection: what follows is ignored
        Failed  // the stream is malformed: see error()
    };
    // A request whose head and body have arrived whole.
    struct Request
    {
        qint64 end = 0;     // stream offset just past its last byte
        bool close = false; // HTTP/1.0 or "Connection: close": answer, then close
    };
    struct Error
    {
        int status = 0;      // 400, 411, 413 or 431
        QString message;     // French, for the JSON error body
        qint64 requestStart; // stream offset where the faulty request starts
    };

    RequestFramer() = default;
    explicit RequestFramer(Limits limits) : m_limits(limits) {}

    // Reads the next `size` bytes of the stream. Returns false once the stream is malformed.
    bool feed(const char *data, qint64 size);
    bool feed(const QByteArray &bytes) { return feed(bytes.constData(), bytes.size()); }

    Phase phase() const { return m_phase; }
    const Error &error() const { return m_error; }
    // Bytes read so far.
    qint64 offset() const { return m_offset; }
    // How many request heads (resp. bodies) have begun: lets the caller start a deadline for each.
    int headsStarted() const { return m_headsStarted; }
    int bodiesStarted() const { return m_bodiesStarted; }
    // The requests completed since the last call, in stream order.
    std::deque<Request> takeCompleted();

private:
    bool fail(int status, const QString &message);
    bool headByte(char c);
    bool lineDone();
    bool checkRequestLine(const QByteArray &line);
    bool checkField(const QByteArray &line);
    bool headDone();
    void completeRequest();

    Limits m_limits;
    Phase m_phase = Phase::Idle;
    Error m_error;
    qint64 m_offset = 0;
    qint64 m_requestStart = 0;
    int m_headsStarted = 0;
    int m_bodiesStarted = 0;

    // The head being read.
    qint64 m_headBytes = 0;
    QByteArray m_line;
    bool m_afterCr = false;
    bool m_sawRequestLine = false;
    bool m_http10 = false;
    bool m_close = false;
    int m_hosts = 0;
    qint64 m_contentLength = -1;
    bool m_transferEncoding = false;
    QByteArray m_transferCodings;
    qint64 m_bodyLeft = 0;

    std::deque<Request> m_completed;
};

} // namespace creneau::server
