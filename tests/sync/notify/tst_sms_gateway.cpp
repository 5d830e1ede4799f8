// The SMS gateway transport against a local HTTP gateway (a QTcpServer speaking HTTP/1.1 in the
// test): the bearer token on every request, one Idempotency-Key per message kept across its
// retries, retries after a 5xx and after a time-out, and no text handed to a phone twice by a
// gateway that honours the key.
#include "sync/notify/deliveryworker.h"
#include "sync/notify/outbox.h"
#include "sync/notify/smsgatewaytransport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace creneau;
using namespace creneau::notify;

namespace {

// The gateway: answers each POST as `script` says for that attempt of that recipient (a status,
// or 0 for "never answer"), and hands a text to a phone once per Idempotency-Key.
class GatewayStub : public QTcpServer
{
public:
    struct Request
    {
        QByteArray authorization;
        QByteArray key;
        QString to;
        QString text;
    };
    QList<Request> requests;
    QMap<QByteArray, QString> handedToPhones; // Idempotency-Key -> recipient, once each
    QMap<QString, QList<int>> script;         // recipient -> status per attempt (then 200)

    GatewayStub()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
                connect(s, &QTcpSocket::readyRead, this, [this, s, buffer] {
                    *buffer += s->readAll();
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    Request r;
                    qsizetype length = 0;
                    for (const QByteArray &line : buffer->left(end).split('\n')) {
                        const QByteArray name = line.left(line.indexOf(':')).trimmed().toLower();
                        const QByteArray value = line.mid(line.indexOf(':') + 1).trimmed();
                        if (name == "authorization")
                            r.authorization = value;
                        else if (name == "idempotency-key")
                            r.key = value;
                        else if (name == "content-length")
                            length = value.toLongLong();
                    }
                    if (buffer->size() < end + 4 + length)
                        return;
                    const QJsonObject body =
                        QJsonDocument::fromJson(buffer->mid(end + 4, length)).object();
                    buffer->remove(0, end + 4 + length);
                    r.to = body.value(QStringLiteral("to")).toString();
                    r.text = body.value(QStringLiteral("text")).toString();
                    requests << r;
                    QList<int> &plan = script[r.to];
                    const int status = plan.isEmpty() ? 200 : plan.takeFirst();
                    // A request that was received was handed on, answered or not: a retry with
                    // the same key must not send it again.
                    if (status == 0 || (status >= 200 && status < 300))
                        handedToPhones.insert(r.key, r.to);
                    if (status == 0)
                        return; // never answers: the client times out
                    const QByteArray reply = status < 300 ? R"({"id":"sms-1"})" : R"({"error":1})";
                    s->write("HTTP/1.1 " + QByteArray::number(status) +
                             " X\r\nContent-Type: application/json\r\nContent-Length: " +
                             QByteArray::number(reply.size()) + "\r\n\r\n" + reply);
                });
            }
        });
    }
};

OutboxMessage sms(const QString &to, const QString &text, qint64 now)
{
    OutboxMessage m;
    m.messageId = QStringLiteral("<sms-%1@test.creneau>").arg(to);
    m.kind = OutboxMessage::Kind::Sms;
    m.purpose = QStringLiteral("confirmation");
    m.recipient = to;
    m.bodyText = text;
    m.dueAt = now;
    m.createdAt = now;
    return m;
}

} // namespace

class TestSmsGateway : public QObject
{
    Q_OBJECT
private slots:
    void tokenKeysRetriesAndNothingTwice()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("creneau.sqlite")));
        store->migrate();
        GatewayStub gateway;
        QVERIFY(gateway.listen(QHostAddress::LocalHost));
        gateway.script.insert(QStringLiteral("+33611111111"), {503, 502});
        gateway.script.insert(QStringLiteral("+33622222222"), {0});
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        {
            WriteTransaction tx(*store);
            Outbox outbox(*store);
            for (const QString &to :
                 {QStringLiteral("+33611111111"), QStringLiteral("+33622222222"),
                  QStringLiteral("+33633333333")}) {
                OutboxMessage m = sms(to, QStringLiteral("Votre rendez-vous est confirmé."), now);
                outbox.enqueue(m);
            }
            tx.commit();
        }

        SmsGatewayTransport transport(
            QUrl(QStringLiteral("http://127.0.0.1:%1/send").arg(gateway.serverPort())),
            QStringLiteral("tok-123"));
        transport.setTimeoutMs(700);
        DeliveryWorker worker(*store, Clock::system(), nullptr, &transport);
        RetryPolicy policy;
        policy.firstDelaySecs = 0; // retry at the next tick
        policy.maxDelaySecs = 0;
        worker.setPolicy(policy);
        Outbox outbox(*store);
        const auto allSent = [&] {
            const QList<OutboxMessage> all = outbox.all();
            return std::all_of(all.cbegin(), all.cend(), [](const OutboxMessage &m) {
                return m.status == QLatin1String("sent");
            });
        };
        QElapsedTimer elapsed;
        elapsed.start();
        while (!allSent() && elapsed.elapsed() < 20000) {
            worker.tick();
            QTest::qWait(100);
        }
        QVERIFY(allSent());

        // 503 and 502 then 200; a time-out then 200; 200 at once.
        QCOMPARE(gateway.requests.size(), 3 + 2 + 1);
        QSet<QByteArray> keys;
        QMap<QString, QSet<QByteArray>> keysOf;
        for (const auto &r : std::as_const(gateway.requests)) {
            QCOMPARE(r.authorization, QByteArray("Bearer tok-123"));
            QVERIFY(!r.key.isEmpty());
            QCOMPARE(r.text, QStringLiteral("Votre rendez-vous est confirmé."));
            keys.insert(r.key);
            keysOf[r.to].insert(r.key);
        }
        // One key per message, the same at every attempt.
        QCOMPARE(keys.size(), 3);
        for (const auto &k : std::as_const(keysOf))
            QCOMPARE(k.size(), 1);
        // Each text reached one phone, once.
        QCOMPARE(gateway.handedToPhones.size(), 3);
        for (const OutboxMessage &m : outbox.all())
            QCOMPARE(m.attempts, m.recipient == QLatin1String("+33611111111")   ? 3
                                 : m.recipient == QLatin1String("+33622222222") ? 2
                                                                                : 1);
    }
};

QTEST_GUILESS_MAIN(TestSmsGateway)
#include "tst_sms_gateway.moc"
