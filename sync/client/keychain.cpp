#include "sync/client/keychain.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>

namespace creneau::client::keychain {

namespace {

const QString kService = QStringLiteral("Créneau");
constexpr int kTimeoutMs = 3000;

// Runs `job` to its end (or the timeout); true when it succeeded.
bool run(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false); // never a clear-text copy in QSettings
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
    job.start();
    if (!finished)
        loop.exec();
    return finished && job.error() == QKeychain::NoError;
}

} // namespace

bool enabled()
{
    return qEnvironmentVariable("CRENEAU_KEYCHAIN") != QLatin1String("off");
}

bool write(const QString &key, const QString &secret)
{
    if (!enabled())
        return false;
    auto *job = new QKeychain::WritePasswordJob(kService);
    job->setKey(key);
    job->setTextData(secret);
    const bool ok = run(*job);
    job->deleteLater(); // a job that timed out may still report later
    return ok;
}

std::optional<QString> read(const QString &key)
{
    if (!enabled())
        return std::nullopt;
    auto *job = new QKeychain::ReadPasswordJob(kService);
    job->setKey(key);
    const bool ok = run(*job);
    const QString secret = ok ? job->textData() : QString();
    job->deleteLater();
    if (!ok)
        return std::nullopt;
    return secret;
}

void remove(const QString &key)
{
    if (!enabled())
        return;
    auto *job = new QKeychain::DeletePasswordJob(kService);
    job->setKey(key);
    run(*job);
    job->deleteLater();
}

} // namespace creneau::client::keychain
