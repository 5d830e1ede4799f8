// Faults injected on purpose into a running creneau-server (issue 14): the disk of its SQLite store
// and outbox folder fills up during bookings (a small tmpfs, mounted when the test runs as root);
// its PostgreSQL store turns read-only; it is killed (-9) while an SMTP server is slowly taking a
// message. Nothing acknowledged is lost, nothing is marked sent that did not land, the store
// failures answer 503 with Retry-After, /healthz says what is wrong, and a restart releases the
// dead process's claims at once.
#include "agentserverprocess.h"
#include "demoflow.h"
#include "httpclient.h"
#include "postgrescluster.h"
#include "serverprocess.h"
#include "sync/notify/deliveryworker.h"
#include "sync/notify/filetransport.h"
#include "sync/notify/outbox.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace creneau::test;

namespace {

// Rows of one query against a database the server also has open (SQLite in WAL mode reads
// alongside; PostgreSQL as a second session). `setup` runs first (a SET).
QList<QVariantList> rows(const QString &driver, const QString &location, const QString &statement,
                         const QString &setup = {})
{
    const QString name = QStringLiteral("probe");
    QList<QVariantList> out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(driver, name);
        if (driver == QLatin1String("QPSQL")) {
            const QUrl u(location);
            db.setHostName(u.host());
            db.setPort(u.port());
            db.setUserName(u.userName());
            db.setDatabaseName(u.path().mid(1));
        } else {
            db.setDatabaseName(location);
        }
        if (!db.open()) {
            qWarning() << "cannot open" << location;
        } else {
            QSqlQuery q(db);
            if (!setup.isEmpty())
                q.exec(setup);
            if (!q.exec(statement))
                qWarning() << statement << q.lastError().text();
            while (q.next()) {
                QVariantList row;
                for (int i = 0; i < q.record().count(); ++i)
                    row << q.value(i);
                out << row;
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

// One prescriber booking of the first free créneau of `motif` through the public API.
Reply book(HttpClient &client, qint64 motif, const QString &name)
{
    const QJsonArray free = creneaux(client, motif);
    if (free.isEmpty())
        return {};
    return client.postJson(QStringLiteral("/api/v1/public/%1/rdvs").arg(kSlug),
                           bookingJson(motif, free.first().toObject(), name));
}

// An SMTP server that takes its time to accept each message (`delayMs` after the end of DATA),
// as a slow or overloaded relay does. Records what arrived and what it acknowledged.
class SlowSmtpSink : public QTcpServer
{
public:
    int delayMs = 0;
    QList<QByteArray> received;     // Message-IDs whose data arrived
    QList<QByteArray> acknowledged; // Message-IDs answered 250

    SlowSmtpSink()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                auto inData = std::make_shared<bool>(false);
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
                s->write("220 sink ESMTP\r\n");
                connect(s, &QTcpSocket::readyRead, this,
                        [this, s, buffer, inData] { read(s, *buffer, *inData); });
            }
        });
    }

private:
    void read(QTcpSocket *s, QByteArray &buffer, bool &inData)
    {
        buffer += s->readAll();
        for (;;) {
            if (inData) {
                const qsizetype end = buffer.indexOf("\r\n.\r\n");
                if (end < 0)
                    return;
                const QByteArray message = buffer.left(end);
                buffer.remove(0, end + 5);
                inData = false;
                QByteArray id;
                for (const QByteArray &line : message.split('\n'))
                    if (line.toLower().startsWith("message-id:"))
                        id = line.mid(11).trimmed();
                received << id;
                QPointer<QTcpSocket> alive(s);
                QTimer::singleShot(delayMs, this, [this, alive, id] {
                    if (!alive || alive->state() != QAbstractSocket::ConnectedState)
                        return; // the client died waiting: not acknowledged
                    acknowledged << id;
                    alive->write("250 queued\r\n");
                });
                continue;
            }
            const qsizetype end = buffer.indexOf("\r\n");
            if (end < 0)
                return;
            const QByteArray line = buffer.left(end).toUpper();
            buffer.remove(0, end + 2);
            if (line.startsWith("EHLO") || line.startsWith("HELO"))
                s->write("250 sink\r\n");
            else if (line.startsWith("DATA")) {
                inData = true;
                s->write("354 go ahead\r\n");
            } else if (line.startsWith("QUIT")) {
                s->write("221 bye\r\n");
                s->disconnectFromHost();
                return;
            } else
                s->write("250 OK\r\n");
        }
    }
};

} // namespace

class TestStoreFaults : public QObject
{
    Q_OBJECT
private slots:
    // The disk under the data directory fills up while bookings come in: each is either made
    // (201) or refused with 503 and Retry-After, never half-made; no message is marked sent
    // without its whole file; /healthz says the disk is full; once space is back, all works.
    void fullDiskDuringBookings()
    {
        if (::geteuid() != 0)
            QSKIP("mounting a tmpfs needs root (run as root, or in a container that allows it)");
        QTemporaryDir base;
        const QString mnt = base.filePath(QStringLiteral("mnt"));
        QVERIFY(QDir().mkpath(mnt));
        if (QProcess::execute(QStringLiteral("mount"),
                              {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                               QStringLiteral("size=24m"), QStringLiteral("tmpfs"), mnt}) != 0)
            QSKIP("cannot mount a tmpfs here");
        const auto unmount = qScopeGuard([&] {
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), mnt});
        });
        const QString data = QDir(mnt).filePath(QStringLiteral("data"));
        ServerProcess server({QStringLiteral("--data"), data, QStringLiteral("--demo"),
                              QStringLiteral("--rate-limit"), QStringLiteral("0"),
                              QStringLiteral("--max-bookings-per-hour"), QStringLiteral("0"),
                              QStringLiteral("--max-messages-per-recipient"), QStringLiteral("0"),
                              QStringLiteral("--max-prescriber-messages"), QStringLiteral("0")});
        QVERIFY2(server.isRunning(), qPrintable(server.output()));
        HttpClient client(server.url(QString()));
        const qint64 motif = motifId(client, QStringLiteral("Accompagnement RSA"));
        QVERIFY(motif > 0);
        QList<qint64> made;
        const auto bookOne = [&](const QString &name) {
            const Reply r = book(client, motif, name);
            if (r.status == 201)
                made << QJsonDocument::fromJson(r.body).object().value("id").toInteger();
            return r;
        };
        QCOMPARE(bookOne(QStringLiteral("Avant")).status, 201);
        QCOMPARE(client.get(QStringLiteral("/healthz")).status, 200);

        // Fill the disk to the last byte.
        QFile filler(QDir(mnt).filePath(QStringLiteral("filler")));
        QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        const QByteArray chunk(64 * 1024, 'x');
        while (filler.write(chunk) == chunk.size()) {
        }
        while (filler.write(chunk.left(512)) == 512) {
        }
        filler.close();

        const Reply health = client.get(QStringLiteral("/healthz"));
        QCOMPARE(health.status, 503);
        QVERIFY(!health.header("retry-after").isEmpty());
        QVERIFY2(health.text().contains(QStringLiteral("disk")), qPrintable(health.text()));

        int refused = 0;
        for (int i = 0; i < 8; ++i) {
            const Reply r = bookOne(QStringLiteral("Plein-") + QChar(QLatin1Char(char('A' + i))));
            QVERIFY2(r.status == 201 || r.status == 503 || r.status == 409,
                     qPrintable(QString::number(r.status) + r.text()));
            if (r.status == 503) {
                ++refused;
                QVERIFY(r.header("retry-after").toInt() > 0);
                QVERIFY(QJsonDocument::fromJson(r.body).object().contains(QStringLiteral("error")));
            }
        }
        qInfo("while full: %d of 8 bookings refused with 503", refused);
        QTest::qWait(3000); // the delivery worker's turn on the full disk
        QVERIFY2(server.isRunning(), qPrintable(server.output()));

        // Space again.
        QVERIFY(QFile::remove(filler.fileName()));
        QTRY_COMPARE_WITH_TIMEOUT(client.get(QStringLiteral("/healthz")).status, 200, 10000);
        QCOMPARE(bookOne(QStringLiteral("Apres")).status, 201);
        QCOMPARE(server.terminate(), 0);

        // Every acknowledged booking is in the store.
        const QString store = QDir(data).filePath(QStringLiteral("creneau.sqlite"));
        for (const qint64 id : std::as_const(made))
            QCOMPARE(rows(QStringLiteral("QSQLITE"), store,
                          QStringLiteral("SELECT COUNT(*) FROM rdvs WHERE id = %1").arg(id))
                         .value(0)
                         .value(0)
                         .toInt(),
                     1);
        // No message was marked sent without its whole file, and no partial file is left.
        const QDir outbox(QDir(data).filePath(QStringLiteral("outbox")));
        for (const QVariantList &row :
             rows(QStringLiteral("QSQLITE"), store,
                  QStringLiteral("SELECT message_id, kind FROM outbox WHERE status = 'sent'"))) {
            QString file;
            for (const QChar c : row[0].toString())
                if (c.isLetterOrNumber() || QStringLiteral("-_.@").contains(c))
                    file += c;
            file += row[1].toString() == QLatin1String("sms") ? QStringLiteral(".sms")
                                                              : QStringLiteral(".eml");
            QVERIFY2(QFileInfo(outbox.filePath(file)).size() > 0, qPrintable(file));
        }
        for (QDirIterator it(outbox.path(), QDir::Files); it.hasNext();) {
            const QFileInfo f(it.next());
            QVERIFY2(f.size() > 0 && !f.fileName().endsWith(QLatin1String(".part")),
                     qPrintable(f.fileName()));
        }
    }

    // The outbox folder's disk is full when a message is written (the embedded default transport,
    // and SMS without a gateway): the delivery fails and is retried later; the message is not
    // marked sent, and no empty or partial file is left where the operator looks.
    void fileTransportOnAFullDisk_data()
    {
        QTest::addColumn<int>("size");
        // Under Qt's write buffer (QSaveFile then lost the failed flush and renamed an empty
        // file), and over it.
        QTest::addRow("small") << 3000;
        QTest::addRow("large") << 40000;
    }

    void fileTransportOnAFullDisk()
    {
        QFETCH(int, size);
        if (::geteuid() != 0)
            QSKIP("mounting a tmpfs needs root");
        QTemporaryDir base;
        const QString mnt = base.filePath(QStringLiteral("mnt"));
        QVERIFY(QDir().mkpath(mnt));
        if (QProcess::execute(QStringLiteral("mount"),
                              {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                               QStringLiteral("size=256k"), QStringLiteral("tmpfs"), mnt}) != 0)
            QSKIP("cannot mount a tmpfs here");
        const auto unmount = qScopeGuard([&] {
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), mnt});
        });
        const QString folder = QDir(mnt).filePath(QStringLiteral("outbox"));
        QVERIFY(QDir().mkpath(folder));
        QFile filler(QDir(mnt).filePath(QStringLiteral("filler")));
        QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        while (filler.write(QByteArray(512, 'x')) == 512) {
        }
        filler.close();

        auto store = creneau::Store::open(base.filePath(QStringLiteral("creneau.sqlite")));
        store->migrate();
        creneau::notify::OutboxMessage m;
        m.messageId = QStringLiteral("<plein@test.creneau>");
        m.purpose = QStringLiteral("confirmation");
        m.recipient = QStringLiteral("lea@example.fr");
        m.subject = QStringLiteral("Votre rendez-vous");
        m.bodyText = QString(size, QLatin1Char('a'));
        m.dueAt = m.createdAt = QDateTime::currentSecsSinceEpoch();
        {
            creneau::WriteTransaction tx(*store);
            creneau::notify::Outbox(*store).enqueue(m);
            tx.commit();
        }
        creneau::notify::FileTransport files(folder, {QStringLiteral("ne-pas-repondre@test"), {}});
        creneau::notify::DeliveryWorker worker(*store, creneau::Clock::system(), &files, &files);
        QSignalSpy delivered(&worker, &creneau::notify::DeliveryWorker::delivered);
        worker.tick();
        QVERIFY(delivered.wait(5000));
        QCOMPARE(delivered.first().at(1).toBool(), false);
        const auto stored = creneau::notify::Outbox(*store).find(m.id);
        QVERIFY(stored);
        QCOMPARE(stored->status, QStringLiteral("pending")); // retried later, not sent
        QVERIFY2(stored->lastError.contains(QStringLiteral("No space left")),
                 qPrintable(stored->lastError));
        QVERIFY(QDir(folder).entryList(QDir::Files).isEmpty());

        // Space again: the retry writes it whole and only then is it sent.
        QVERIFY(QFile::remove(filler.fileName()));
        QVERIFY(store->db().isOpen());
        creneau::sql::run(store->db(), QStringLiteral("UPDATE outbox SET next_attempt_at = 0"));
        delivered.clear();
        worker.tick();
        QVERIFY(delivered.wait(5000));
        QCOMPARE(delivered.first().at(1).toBool(), true);
        QCOMPARE(creneau::notify::Outbox(*store).find(m.id)->status, QStringLiteral("sent"));
        const QFileInfo written(files.pathFor(*stored));
        QVERIFY(written.size() > size);
    }

    // SQLite's -shm file is truncated under the running server (what a lost mapping looks like):
    // touching it raises SIGBUS; the server stops saying why (exit 75), and a restart recovers the
    // store from its WAL with every acknowledged booking.
    void lostSharedMemoryStopsSayingWhy()
    {
        QTemporaryDir data;
        const QStringList args{
            QStringLiteral("--data"),   data.path(),
            QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
            QStringLiteral("--demo"),   QStringLiteral("--max-bookings-per-hour"),
            QStringLiteral("0")};
        QProcess server;
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(QStringLiteral(CRENEAU_SERVER_BINARY), args);
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += server.readAll()).contains("Listening on"), 30000);
        const QString port =
            QRegularExpression(QStringLiteral("Listening on http://127.0.0.1:(\\d+)"))
                .match(QString::fromUtf8(out))
                .captured(1);
        HttpClient client(QStringLiteral("http://127.0.0.1:") + port);
        const qint64 motif = motifId(client, QStringLiteral("Accompagnement RSA"));
        const Reply made = book(client, motif, QStringLiteral("Avant"));
        QCOMPARE(made.status, 201);
        const qint64 id = QJsonDocument::fromJson(made.body).object().value("id").toInteger();

        QVERIFY(QFile::resize(QDir(data.path()).filePath(QStringLiteral("creneau.sqlite-shm")), 0));
        client.get(QStringLiteral("/healthz")); // touches the mapping: no answer
        QTRY_COMPARE_WITH_TIMEOUT(server.state(), QProcess::NotRunning, 10000);
        out += server.readAll();
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 75);
        QVERIFY2(out.contains("shared-memory file"), out.constData());

        ServerProcess again({QStringLiteral("--data"), data.path()});
        QVERIFY2(again.isRunning(), qPrintable(again.output()));
        HttpClient restarted(again.url(QString()));
        QCOMPARE(restarted.get(QStringLiteral("/healthz")).status, 200);
        QCOMPARE(again.terminate(), 0);
        QCOMPARE(rows(QStringLiteral("QSQLITE"),
                      QDir(data.path()).filePath(QStringLiteral("creneau.sqlite")),
                      QStringLiteral("SELECT COUNT(*) FROM rdvs WHERE id = %1").arg(id))
                     .value(0)
                     .value(0)
                     .toInt(),
                 1);
    }

    // The PostgreSQL store refuses writes (default_transaction_read_only): /healthz says so with
    // 503 and Retry-After, a booking is refused with 503 and Retry-After (not 500), and all is
    // well again once the database takes writes.
    void readOnlyStore()
    {
        PostgresCluster cluster;
        QVERIFY2(cluster.isRunning(), qPrintable(cluster.error()));
        const QString db = cluster.createDatabase(QStringLiteral("readonly"));
        ServerProcess server({QStringLiteral("--db"), db, QStringLiteral("--demo"),
                              QStringLiteral("--rate-limit"), QStringLiteral("0"),
                              QStringLiteral("--max-bookings-per-hour"), QStringLiteral("0")});
        QVERIFY2(server.isRunning(), qPrintable(server.output()));
        HttpClient client(server.url(QString()));
        const qint64 motif = motifId(client, QStringLiteral("Accompagnement RSA"));
        QCOMPARE(client.get(QStringLiteral("/healthz")).status, 200);

        const auto readOnly = [&](bool on) {
            rows(QStringLiteral("QPSQL"), db,
                 on ? QStringLiteral("ALTER SYSTEM SET default_transaction_read_only = on")
                    : QStringLiteral("ALTER SYSTEM RESET default_transaction_read_only"),
                 QStringLiteral("SET default_transaction_read_only = off"));
            rows(QStringLiteral("QPSQL"), db, QStringLiteral("SELECT pg_reload_conf()"));
        };
        readOnly(true);
        const auto unset = qScopeGuard([&] { readOnly(false); });
        QTRY_COMPARE_WITH_TIMEOUT(client.get(QStringLiteral("/healthz")).status, 503, 10000);
        const Reply health = client.get(QStringLiteral("/healthz"));
        QVERIFY(health.header("retry-after").toInt() > 0);
        QVERIFY2(health.text().contains(QStringLiteral("read-only")), qPrintable(health.text()));
        const Reply refused = book(client, motif, QStringLiteral("Lecture"));
        QCOMPARE(refused.status, 503);
        QVERIFY(refused.header("retry-after").toInt() > 0);
        QVERIFY(QJsonDocument::fromJson(refused.body).object().contains(QStringLiteral("error")));

        readOnly(false);
        QTRY_COMPARE_WITH_TIMEOUT(client.get(QStringLiteral("/healthz")).status, 200, 10000);
        QCOMPARE(book(client, motif, QStringLiteral("Ecriture")).status, 201);
        QCOMPARE(server.terminate(), 0);
    }

    // Killed (-9) while a slow SMTP server holds a message: at restart the messages the dead
    // process had claimed go back to the queue at once (not after the five-minute stale-claim
    // delay) and every e-mail is delivered; only the one in flight can arrive twice, with its
    // Message-ID.
    void killedDuringSlowDeliveryReleasesClaimsAtRestart()
    {
        SlowSmtpSink sink;
        QVERIFY(sink.listen(QHostAddress::LocalHost));
        sink.delayMs = 120000;
        AgentServerProcess server;
        server.setExtraArguments(
            {QStringLiteral("--smtp"), QStringLiteral("smtp://127.0.0.1:%1").arg(sink.serverPort()),
             QStringLiteral("--instance"), QStringLiteral("fault-test"),
             QStringLiteral("--max-bookings-per-hour"), QStringLiteral("0"),
             QStringLiteral("--max-messages-per-recipient"), QStringLiteral("0"),
             QStringLiteral("--max-prescriber-messages"), QStringLiteral("0")});
        QVERIFY2(server.start(), qPrintable(server.output()));
        HttpClient client(server.url().toString());
        const qint64 motif = motifId(client, QStringLiteral("Accompagnement RSA"));
        for (int i = 0; i < 4; ++i)
            QCOMPARE(
                book(client, motif, QStringLiteral("Lent-") + QChar(QLatin1Char(char('A' + i))))
                    .status,
                201);
        QTRY_VERIFY_WITH_TIMEOUT(!sink.received.isEmpty(), 30000);
        server.kill();

        const auto emails = [&](const QString &where) {
            return rows(QStringLiteral("QSQLITE"), server.storeFile(),
                        QStringLiteral("SELECT message_id, claimed_by FROM outbox WHERE kind = "
                                       "'email' AND ") +
                            where);
        };
        const QList<QVariantList> claimed = emails(QStringLiteral("status = 'sending'"));
        QVERIFY(!claimed.isEmpty());
        for (const QVariantList &row : claimed)
            QVERIFY2(row[1].toString().startsWith(QLatin1String("fault-test/")),
                     qPrintable(row[1].toString()));
        QVERIFY(sink.acknowledged.isEmpty());

        sink.delayMs = 0;
        QElapsedTimer restarted;
        restarted.start();
        QVERIFY2(server.start(), qPrintable(server.output()));
        const int total = int(emails(QStringLiteral("1 = 1")).size());
        QTRY_COMPARE_WITH_TIMEOUT(int(emails(QStringLiteral("status = 'sent'")).size()), total,
                                  30000);
        qInfo("%d claimed of %d e-mails at the kill; all delivered %lld ms after the restart "
              "began (the stale-claim delay is 300 s)",
              int(claimed.size()), total, restarted.elapsed());
        QCOMPARE(int(sink.acknowledged.size()), total);
        QCOMPARE(int(QSet<QByteArray>(sink.acknowledged.cbegin(), sink.acknowledged.cend()).size()),
                 total);
        server.stop();
        QVERIFY2(server.output().contains(QStringLiteral("interrupted by a restart")),
                 qPrintable(server.output().right(2000)));
    }
};

QTEST_GUILESS_MAIN(TestStoreFaults)
#include "tst_store_faults.moc"
