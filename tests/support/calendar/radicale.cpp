#include "radicale.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace creneau::test {

Radicale::Radicale()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    port = probe.serverPort();
    QFile users(dir.filePath(QStringLiteral("users")));
    if (users.open(QIODevice::WriteOnly))
        users.write("agent:s3cret\n");
}

bool Radicale::start()
{
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(
        QStringLiteral("/usr/bin/python3"),
        {QStringLiteral("-m"), QStringLiteral("radicale"), QStringLiteral("--config"), QString(),
         QStringLiteral("--server-hosts"), QStringLiteral("127.0.0.1:%1").arg(port),
         QStringLiteral("--storage-filesystem-folder"), storage(), QStringLiteral("--auth-type"),
         QStringLiteral("htpasswd"), QStringLiteral("--auth-htpasswd-filename"),
         dir.filePath(QStringLiteral("users")), QStringLiteral("--auth-htpasswd-encryption"),
         QStringLiteral("plain")});
    if (!process.waitForStarted(5000))
        return false;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 15000) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (s.waitForConnected(200))
            return true;
        if (process.state() == QProcess::NotRunning)
            break;
        QTest::qWait(100);
    }
    qWarning() << "radicale did not start:" << process.readAll();
    return false;
}

void Radicale::stop()
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(2000);
    }
}

QMap<QString, ParsedEvent> Radicale::events(QStringList *files, bool *ok) const
{
    QMap<QString, ParsedEvent> out;
    *ok = true;
    files->clear();
    for (const QString &name :
         QDir(collectionFolder()).entryList({QStringLiteral("*.ics")}, QDir::Files)) {
        files->append(name);
        QFile f(QDir(collectionFolder()).filePath(name));
        if (!f.open(QIODevice::ReadOnly)) {
            *ok = false;
            continue;
        }
        QString problem;
        bool parsed = false;
        const auto one = parseCalendar(f.readAll(), &parsed, &problem);
        if (!parsed || one.size() != 1)
            *ok = false;
        for (auto it = one.cbegin(); it != one.cend(); ++it)
            out.insert(it.key(), it.value());
    }
    return out;
}

int Radicale::makeCalendar(const QString &url) const
{
    QNetworkAccessManager nam;
    QNetworkRequest request{QUrl(url)};
    request.setRawHeader("Authorization", "Basic " + QByteArray("agent:s3cret").toBase64());
    QNetworkReply *r = nam.sendCustomRequest(request, "MKCALENDAR");
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete r;
    return status;
}

} // namespace creneau::test
