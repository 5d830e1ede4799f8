// PasswordInput: the Argon2id work done ahead gives the same answers as done on demand, and an
// answer prepared against one stored hash is never trusted for another.
#include "models/passwordinput.h"
#include "models/secrets.h"

#include <QtTest>

using namespace creneau;

class TestPasswordInput : public QObject
{
    Q_OBJECT
private slots:
    void preparedHashVerifies()
    {
        PasswordInput input(QStringLiteral("un mot de passe assez long"));
        input.prepare();
        const QString hash = input.hash();
        QVERIFY(hash.startsWith(QLatin1String("$argon2id$")));
        QCOMPARE(input.hash(), hash); // kept, not salted again
        QVERIFY(secrets::verifyPassword(hash, input.clear()));
        QVERIFY(PasswordInput().hash().isEmpty());
    }

    void matches_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("prepared");
        QTest::addColumn<bool>("expected");
        QTest::newRow("right, prepared") << "le bon mot de passe" << true << true;
        QTest::newRow("right, on demand") << "le bon mot de passe" << false << true;
        QTest::newRow("wrong, prepared") << "un autre" << true << false;
        QTest::newRow("wrong, on demand") << "un autre" << false << false;
        QTest::newRow("empty") << "" << true << false;
    }

    void matches()
    {
        QFETCH(QString, typed);
        QFETCH(bool, prepared);
        QFETCH(bool, expected);
        const QString stored = secrets::hashPassword(QStringLiteral("le bon mot de passe"));
        PasswordInput input(typed);
        if (prepared)
            input.prepareCheck(stored);
        QCOMPARE(input.matches(stored), expected);
        QVERIFY(!input.matches(QString())); // no password stored: nothing matches
    }

    // The password changed between the check ahead and the write: the answer prepared for the
    // old hash does not open the new one.
    void aPreparedAnswerIsTiedToItsHash()
    {
        const QString before = secrets::hashPassword(QStringLiteral("le bon mot de passe"));
        const QString after = secrets::hashPassword(QStringLiteral("changé entre-temps"));
        PasswordInput input(QStringLiteral("le bon mot de passe"));
        input.prepareCheck(before);
        QVERIFY(input.matches(before));
        QVERIFY(!input.matches(after));
        QVERIFY(input.matches(before));
    }
};

QTEST_GUILESS_MAIN(TestPasswordInput)
#include "tst_password_input.moc"
