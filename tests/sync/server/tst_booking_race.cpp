// 50 clients, each on its own connection, POST the same créneau offered by one agent at once:
// exactly one 201, every other answer 409.
#include "demoflow.h"
#include "httpclient.h"
#include "serverprocess.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QtTest>

using namespace creneau::test;

class TestBookingRace : public QObject
{
    Q_OBJECT
private slots:
    void exactlyOneWins()
    {
        // 50 clients from one loopback address: above the per-address connection cap (32).
        ServerProcess server({QStringLiteral("--demo"), QStringLiteral("--rate-limit"),
                              QStringLiteral("0"), QStringLiteral("--max-per-client"),
                              QStringLiteral("64")});
        QVERIFY2(server.isRunning(), qPrintable(server.output()));
        HttpClient probe(server.url(QString()));
        // The visio motif is offered in the morning by one agent only (Antenne des Valmeux).
        const qint64 visio =
            motifId(probe, QStringLiteral("Démarches en ligne en visioconférence"));
        QJsonObject target;
        for (const QJsonValue &c : creneaux(probe, visio))
            if (c.toObject()
                    .value(QStringLiteral("starts_at"))
                    .toString()
                    .contains(QLatin1String("T10:00"))) {
                target = c.toObject();
                break;
            }
        QVERIFY(!target.isEmpty());
        const QByteArray body = bookingJson(visio, target, QStringLiteral("Course"));

        constexpr int kClients = 50;
        std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
        QList<QNetworkReply *> replies;
        int finished = 0;
        QEventLoop loop;
        for (int i = 0; i < kClients; ++i) {
            managers.push_back(std::make_unique<QNetworkAccessManager>());
            QNetworkRequest request(
                QUrl(server.url(QStringLiteral("/api/v1/public/mfs-vernon/rdvs"))));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            QNetworkReply *reply = managers.back()->post(request, body);
            connect(reply, &QNetworkReply::finished, &loop, [&] {
                if (++finished == kClients)
                    loop.quit();
            });
            replies.append(reply);
        }
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(finished, kClients);
        int created = 0, conflicts = 0;
        for (QNetworkReply *reply : replies) {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            created += status == 201;
            conflicts += status == 409;
        }
        QCOMPARE(created, 1);
        QCOMPARE(conflicts, kClients - 1);
    }
};

QTEST_GUILESS_MAIN(TestBookingRace)
#include "tst_booking_race.moc"
