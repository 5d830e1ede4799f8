// The booking flow's cookie (Post/Redirect/Get): what was typed comes back whole, accents and
// separators included; a changed, foreign, expired or oversized cookie is refused; the browser
// only ever holds ciphertext.
#include "sync/server/flowcookie.h"

#include <QtTest>

using namespace creneau;
using namespace creneau::server;

namespace {
QByteArray valueOf(const QByteArray &setCookie)
{
    const QByteArray first = setCookie.split(';').first();
    return first.mid(first.indexOf('=') + 1);
}

FlowState sample()
{
    FlowState s;
    s.motifId = 3;
    s.lieuId = 2;
    s.startsAt = 1800000000;
    s.pour = QStringLiteral("prescripteur");
    s.values.insert(QStringLiteral("prescripteur.first_name"), QStringLiteral("Zoé"));
    s.values.insert(QStringLiteral("prescripteur.email"), QStringLiteral("z+rdv@mairie.fr"));
    s.values.insert(QStringLiteral("usager.last_name"), QStringLiteral("N'Diaye & fils=1; x"));
    s.values.insert(QStringLiteral("usager.birth_date"), QStringLiteral("14/03/1980"));
    s.acknowledged = true;
    return s;
}
} // namespace

class TestFlowCookie : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip()
    {
        const ServerSecret secret(QByteArray(32, 'k'));
        const FlowCookie cookie(secret);
        const QByteArray set = cookie.setCookie({sample(), {}}, 1000, true);
        QVERIFY(set.startsWith("creneau_flow="));
        QVERIFY(set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Secure"));
        QVERIFY(!set.contains("mairie.fr") && !set.contains("prescripteur")); // ciphertext only
        const auto back = cookie.decode(valueOf(set), 1000 + 60);
        QVERIFY(back);
        QCOMPARE(back->state.motifId, 3);
        QCOMPARE(back->state.lieuId, 2);
        QCOMPARE(back->state.startsAt, 1800000000);
        QCOMPARE(back->state.pour, QStringLiteral("prescripteur"));
        QCOMPARE(back->state.values, sample().values);
        QVERIFY(back->state.acknowledged);
        QVERIFY(back->done.isEmpty());
        const auto done = cookie.decode(
            valueOf(cookie.setCookie({FlowState(), QStringLiteral("/rdv/x/recapitulatif/abc")},
                                     1000, false)),
            1000);
        QVERIFY(done);
        QCOMPARE(done->done, QStringLiteral("/rdv/x/recapitulatif/abc"));
    }

    void refused_data()
    {
        QTest::addColumn<int>("change"); // 0 flip a byte, 1 other key, 2 expired, 3 future, 4 cut
        QTest::addRow("changed") << 0;
        QTest::addRow("another server's key") << 1;
        QTest::addRow("expired") << 2;
        QTest::addRow("issued in the future") << 3;
        QTest::addRow("truncated") << 4;
    }
    void refused()
    {
        QFETCH(int, change);
        const ServerSecret secret(QByteArray(32, 'k'));
        const FlowCookie cookie(secret);
        QByteArray value = valueOf(cookie.setCookie({sample(), {}}, 10000, false));
        qint64 now = 10000;
        switch (change) {
        case 0:
            value[value.size() / 2] = value[value.size() / 2] == 'A' ? 'B' : 'A';
            break;
        case 1:
            QVERIFY(!FlowCookie(ServerSecret(QByteArray(32, 'x'))).decode(value, now));
            return;
        case 2:
            now += FlowCookie::kLifetimeSecs + 1;
            break;
        case 3:
            now -= 3600;
            break;
        case 4:
            value.chop(10);
            break;
        }
        QVERIFY(!cookie.decode(value, now));
    }

    void tooLargeIsNotSet()
    {
        FlowState s = sample();
        for (const QString &key : FlowState::usagerKeys() + FlowState::prescripteurKeys())
            s.values.insert(key, QString(300, QChar(0x00E9))); // 300 « é »: 6 bytes encoded each
        QVERIFY(
            FlowCookie(ServerSecret(QByteArray(32, 'k'))).setCookie({s, {}}, 1, false).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFlowCookie)
#include "tst_flow_cookie.moc"
