#include "sync/server/agentadmin.h"

#include "models/catalog.h"
#include "models/organisationservice.h"
#include "models/secrets.h"
#include "models/store.h"
#include "models/validation.h"

#include <QCoreApplication>
#include <QDir>

#include <cstdio>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace creneau::server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("creneau::http", text);
}

// One line from standard input; echo is turned off while a terminal types it.
QString readSecretLine(const QString &prompt)
{
    const bool tty = ::isatty(STDIN_FILENO);
    termios saved{};
    if (tty) {
        std::fprintf(stderr, "%s", qPrintable(prompt));
        std::fflush(stderr);
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fprintf(stderr, "\n");
    }
    QString out = QString::fromStdString(line);
    while (out.endsWith(QLatin1Char('\r')))
        out.chop(1);
    return out;
}

std::unique_ptr<Store> openStore(const QString &dataDir, const QString &database)
{
    // The store the server itself would open: a PostgreSQL deployment creates its first
    // administrator in its database, not in a stray SQLite file.
    if (database.isEmpty())
        QDir().mkpath(dataDir);
    auto store = Store::open(
        database.isEmpty() ? QDir(dataDir).filePath(QStringLiteral("creneau.sqlite")) : database);
    store->migrate();
    return store;
}

std::optional<Organisation> organisationFor(Catalog &catalog, const CreateAdminOptions &o,
                                            QString *error)
{
    const QList<Organisation> all = catalog.organisations();
    if (!o.organisationSlug.isEmpty()) {
        if (auto found = catalog.organisationBySlug(o.organisationSlug))
            return found;
    } else if (all.size() == 1) {
        return all.first();
    } else if (all.size() > 1) {
        *error = tr("Several organisations exist: choose one with --organisation SLUG.");
        return std::nullopt;
    }
    Organisation org;
    org.slug = o.organisationSlug.isEmpty() ? QStringLiteral("organisation") : o.organisationSlug;
    org.name = o.organisationName.isEmpty() ? org.slug : o.organisationName;
    catalog.save(org);
    return org;
}

} // namespace

bool createAdmin(const CreateAdminOptions &o, const QString &password, QString *error)
{
    if (!isValidEmail(o.email)) {
        *error = tr("Invalid e-mail address.");
        return false;
    }
    // The same rule as everywhere else (12 characters, not a common password).
    FieldErrors weak;
    OrganisationService::checkPassword(weak, QStringLiteral("password"), password);
    if (!weak.isEmpty()) {
        *error = weak.first();
        return false;
    }
    try {
        auto store = openStore(o.dataDir, o.database);
        Catalog catalog(*store);
        const QString hash = secrets::hashPassword(password);
        WriteTransaction tx(*store);
        Agent agent;
        if (auto existing = catalog.agentByEmail(o.email)) {
            agent = *existing;
        } else {
            const auto org = organisationFor(catalog, o, error);
            if (!org)
                return false;
            agent.organisationId = org->id;
            agent.email = o.email;
            agent.firstName = QStringLiteral("Admin");
            agent.lastName = o.email.section(QLatin1Char('@'), 0, 0);
        }
        agent.role = AgentRole::Admin;
        agent.archived = false;
        catalog.save(agent);
        catalog.setPasswordHash(agent.id, hash);
        tx.commit();
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

bool createOrganisation(const CreateOrganisationOptions &o, bool *created, QString *error)
{
    *created = false;
    // The organisation's own rules (OrganisationService), so that its later settings save.
    OrganisationSettings settings;
    settings.organisation.slug = o.slug;
    settings.organisation.name = o.name.trimmed();
    settings.organisation.timeZone = o.timeZone;
    const FieldErrors errors = OrganisationService::validate(settings);
    if (!errors.isEmpty()) {
        QStringList lines;
        for (auto it = errors.cbegin(); it != errors.cend(); ++it)
            lines << it.key() + QStringLiteral(": ") + it.value();
        *error = lines.join(QLatin1Char(' '));
        return false;
    }
    try {
        auto store = openStore(o.dataDir, o.database);
        Catalog catalog(*store);
        WriteTransaction tx(*store);
        if (catalog.organisationBySlug(o.slug))
            return true;
        Organisation org;
        org.slug = o.slug;
        org.name = o.name.trimmed();
        org.timeZone = o.timeZone;
        catalog.save(org);
        tx.commit();
        *created = true;
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

int createOrganisationCommand(const CreateOrganisationOptions &options)
{
    QString error;
    bool created = false;
    if (!createOrganisation(options, &created, &error)) {
        std::fprintf(stderr, "creneau-server: %s\n", qPrintable(error));
        return 1;
    }
    std::printf(
        "%s\n",
        qPrintable(created
                       ? tr("Organisation %1 created.").arg(options.slug)
                       : tr("Organisation %1 already exists; left unchanged.").arg(options.slug)));
    return 0;
}

int createAdminCommand(const CreateAdminOptions &options)
{
    const QString password = readSecretLine(tr("Password: "));
    if (::isatty(STDIN_FILENO) && readSecretLine(tr("Password again: ")) != password) {
        std::fprintf(stderr, "%s\n", qPrintable(tr("The passwords differ.")));
        return 1;
    }
    QString error;
    if (!createAdmin(options, password, &error)) {
        std::fprintf(stderr, "creneau-server: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("%s\n", qPrintable(tr("Administrator %1 is ready.").arg(options.email)));
    return 0;
}

} // namespace creneau::server
