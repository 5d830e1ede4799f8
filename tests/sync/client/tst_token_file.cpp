// The desktop's saved session (TokenFile, keychain): the server in a file only its owner reads,
// the token in the system keychain when one answers, else in that file. Run twice by ctest: with
// no session bus (no keychain: the file holds the token), and inside with_keyring.sh, a D-Bus
// session with gnome-keyring's Secret Service (CRENEAU_TEST_KEYRING=secret-service: the file
// never holds it).
#include "sync/client/keychain.h"
#include "sync/client/tokenfile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace creneau::client;

namespace {

const QUrl kServer(QStringLiteral("https://rdv.example.fr"));

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The file's permission bits, as `ls -l` shows them.
unsigned modeOf(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 0777;
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

// Restores the environment variable that switches the keychain off.
struct KeychainSwitch
{
    explicit KeychainSwitch(bool off)
    {
        if (off)
            qputenv("CRENEAU_KEYCHAIN", "off");
        else
            qunsetenv("CRENEAU_KEYCHAIN");
    }
    ~KeychainSwitch() { qunsetenv("CRENEAU_KEYCHAIN"); }
};

} // namespace

class TestTokenFile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const bool m_keyring =
        qEnvironmentVariable("CRENEAU_TEST_KEYRING") == QLatin1String("secret-service");

    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private slots:
    void initTestCase() { qInfo() << "Secret Service expected:" << m_keyring; }

    void sessionRoundTrips_data()
    {
        QTest::addColumn<bool>("keychainOff");
        QTest::newRow("keychain allowed") << false;
        QTest::newRow("keychain switched off") << true;
    }
    void sessionRoundTrips()
    {
        QFETCH(bool, keychainOff);
        KeychainSwitch sw(keychainOff);
        const QString file = path(keychainOff ? "off.json" : "allowed.json");
        const QString token = QStringLiteral("jeton-é-") + QString::number(keychainOff);
        const TokenFile tokens(file);
        QVERIFY(tokens.save({kServer, token}));

        const bool inKeychain = m_keyring && !keychainOff;
        const QJsonObject saved = QJsonDocument::fromJson(contents(file)).object();
        QCOMPARE(saved.value(QStringLiteral("server")).toString(), kServer.toString());
        QCOMPARE(saved.contains(QStringLiteral("token")), !inKeychain);
        QCOMPARE(saved.value(QStringLiteral("keychain")).toBool(), inKeychain);
        QCOMPARE(contents(file).contains(token.toUtf8()), !inKeychain);
        QCOMPARE(modeOf(file), 0600u);

        const SavedSession loaded = TokenFile(file).load();
        QVERIFY(loaded.isValid());
        QCOMPARE(loaded.server, kServer);
        QCOMPARE(loaded.token, token);

        tokens.clear();
        QVERIFY(!QFile::exists(file));
        QVERIFY(!TokenFile(file).load().isValid());
        if (inKeychain) {
            // The keychain's entry went with the file: the same file written back finds no token.
            write(file, QJsonDocument(saved).toJson());
            const SavedSession orphan = TokenFile(file).load();
            QCOMPARE(orphan.server, kServer);
            QVERIFY(orphan.token.isEmpty());
            QVERIFY(!orphan.isValid());
        }
    }

    // A save replaces the previous session, token and all.
    void saveReplacesTheSession()
    {
        const QString file = path("replace.json");
        const TokenFile tokens(file);
        QVERIFY(tokens.save({kServer, QStringLiteral("ancien")}));
        const QUrl other(QStringLiteral("http://127.0.0.1:8080"));
        QVERIFY(tokens.save({other, QStringLiteral("nouveau")}));
        const SavedSession loaded = tokens.load();
        QCOMPARE(loaded.server, other);
        QCOMPARE(loaded.token, QStringLiteral("nouveau"));
        QVERIFY(!contents(file).contains("ancien"));
        tokens.clear();
    }

    // The file is private from its first byte, whatever the process's umask, which is restored.
    void fileIsPrivateWhateverTheUmask()
    {
        const QString file = path("umask.json");
        const mode_t before = ::umask(0);
        const bool saved = TokenFile(file).save({kServer, QStringLiteral("t")});
        const mode_t after = ::umask(before);
        QVERIFY(saved);
        QCOMPARE(unsigned(after), 0u);
        QCOMPARE(modeOf(file), 0600u);
        TokenFile(file).clear();
    }

    void unreadableFilesLoadNoSession_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("exists");
        QTest::newRow("no file") << QByteArray() << false;
        QTest::newRow("empty") << QByteArray() << true;
        QTest::newRow("not JSON") << QByteArray("server=https://x") << true;
        QTest::newRow("truncated")
            << QByteArray("{\"server\":\"https://rdv.example.fr\",\"tok") << true;
        QTest::newRow("an array") << QByteArray("[\"https://rdv.example.fr\",\"t\"]") << true;
        QTest::newRow("token of the wrong type")
            << QByteArray("{\"server\":\"https://rdv.example.fr\",\"token\":42}") << true;
        QTest::newRow("no server") << QByteArray("{\"token\":\"t\"}") << true;
        QTest::newRow("keychain entry missing")
            << QByteArray("{\"server\":\"https://rdv.example.fr\",\"keychain\":true}") << true;
    }
    void unreadableFilesLoadNoSession()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, exists);
        const QString file = path("unreadable.json");
        QFile::remove(file);
        if (exists)
            write(file, bytes);
        QVERIFY(!TokenFile(file).load().isValid());
        TokenFile(file).clear(); // removes whatever was there, never throws
        QVERIFY(!QFile::exists(file));
    }

    void saveWhereNoFileCanBeIsRefused()
    {
        const QString file = path("no-such-folder/session.json");
        QVERIFY(!TokenFile(file).save({kServer, QStringLiteral("t")}));
        QVERIFY(!QFile::exists(file));
    }

    void keychainAnswersOnlyWhenThereIsOne()
    {
        const QString key = QStringLiteral("test:") + m_dir.path();
        {
            KeychainSwitch off(true);
            QVERIFY(!keychain::enabled());
            QVERIFY(!keychain::write(key, QStringLiteral("s")));
            QVERIFY(!keychain::read(key));
            keychain::remove(key); // nothing to do, nothing thrown
        }
        QVERIFY(keychain::enabled());
        QCOMPARE(keychain::write(key, QStringLiteral("secret ü")), m_keyring);
        const std::optional<QString> read = keychain::read(key);
        QCOMPARE(read.has_value(), m_keyring);
        if (m_keyring)
            QCOMPARE(*read, QStringLiteral("secret ü"));
        keychain::remove(key);
        QVERIFY(!keychain::read(key));
    }
};

QTEST_GUILESS_MAIN(TestTokenFile)
#include "tst_token_file.moc"
