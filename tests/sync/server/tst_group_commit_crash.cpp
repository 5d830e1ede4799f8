// kill -9 under booking load (50 clients booking distinct créneaux, so bookings are committed in
// groups): every booking answered 201 before the kill is in the database afterwards.
#include "demoflow.h"
#include "httpclient.h"
#include "serverprocess.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace creneau::test;

namespace {

// Usager names hold letters only.
QString letters(int n)
{
    QString out;
    do {
        out += QChar(u'a' + n % 26);
        n /= 26;
    } while (n);
    return QStringLiteral("Crash") + out;
}

} // namespace

class TestGroupCommitCrash : public QObject
{
    Q_OBJECT
private slots:
    void noAcknowledgedBookingIsLost()
    {
        ServerProcess server({QStringLiteral("--demo"), QStringLiteral("--rate-limit"),
                              QStringLiteral("0"), QStringLiteral("--max-per-client"),
                              QStringLiteral("64"), QStringLiteral("--max-bookings-per-hour"),
                              QStringLiteral("0")});
        QVERIFY2(server.isRunning(), qPrintable(server.output()));
        HttpClient probe(server.url(QString()));
        const Reply motifs = probe.get(QStringLiteral("/api/v1/public/%1/motifs").arg(kSlug));
        QList<QByteArray> bodies;
        for (const QJsonValue &m : QJsonDocument::fromJson(motifs.body).array()) {
            const qint64 motif = m.toObject().value(QStringLiteral("id")).toInteger();
            for (const QJsonValue &c : creneaux(probe, motif))
                bodies << bookingJson(motif, c.toObject(), letters(int(bodies.size())));
        }
        QVERIFY2(bodies.size() >= 200, qPrintable(QString::number(bodies.size())));

        constexpr int kClients = 50;
        const QUrl url(server.url(QStringLiteral("/api/v1/public/mfs-vernon/rdvs")));
        std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
        QList<qint64> acknowledged;
        int next = 0;
        bool killed = false;
        QEventLoop loop;
        std::function<void(QNetworkAccessManager *)> send = [&](QNetworkAccessManager *nam) {
            if (killed || next >= bodies.size())
                return;
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            QNetworkReply *reply = nam->post(request, bodies[next++]);
            connect(reply, &QNetworkReply::finished, &loop, [&, reply, nam] {
                reply->deleteLater();
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                    acknowledged << QJsonDocument::fromJson(reply->readAll())
                                        .object()
                                        .value(QStringLiteral("id"))
                                        .toInteger();
                send(nam);
            });
        };
        for (int i = 0; i < kClients; ++i) {
            managers.push_back(std::make_unique<QNetworkAccessManager>());
            send(managers.back().get());
        }
        // Killed while requests are in flight, once a good number were acknowledged.
        QTimer poll;
        connect(&poll, &QTimer::timeout, &loop, [&] {
            if (acknowledged.size() >= 60 || next >= bodies.size()) {
                killed = true;
                server.kill();
                loop.quit();
            }
        });
        poll.start(5);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
        QVERIFY(killed);
        const QList<qint64> answered = acknowledged; // answers read after the kill don't count
        QVERIFY(answered.size() >= 60);

        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("after-kill"));
            db.setDatabaseName(server.dataDir() + QStringLiteral("/creneau.sqlite"));
            QVERIFY(db.open());
            int missing = 0;
            for (qint64 id : answered) {
                QSqlQuery q(db);
                q.prepare(QStringLiteral("SELECT COUNT(*) FROM rdvs WHERE id = ?"));
                q.addBindValue(id);
                QVERIFY(q.exec() && q.next());
                missing += q.value(0).toInt() == 1 ? 0 : 1;
            }
            QCOMPARE(missing, 0);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("after-kill"));
    }
};

QTEST_GUILESS_MAIN(TestGroupCommitCrash)
#include "tst_group_commit_crash.moc"
