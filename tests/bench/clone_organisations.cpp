// Copies one organisation of a store N times in SQL (tenantclone), for the shell benches that need
// several organisations on a running deployment (bench_pg_writers.sh). Prints the slug of each
// copy, one a line.
//
//   clone_organisations STORE SLUG COPIES     (STORE: a SQLite file or a postgresql:// URL)
#include "models/sql.h"
#include "models/store.h"
#include "tenantclone.h"

#include <QCoreApplication>

#include <cstdio>

using namespace creneau;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: clone_organisations STORE SLUG COPIES\n");
        return 2;
    }
    try {
        auto store = Store::open(args.at(1));
        const Id org =
            sql::scalar(store->db(), QStringLiteral("SELECT id FROM organisations WHERE slug = ?"),
                        {args.at(2)})
                .toLongLong();
        if (org <= 0) {
            std::fprintf(stderr, "no organisation %s\n", qPrintable(args.at(2)));
            return 1;
        }
        for (Id copy : bench::cloneOrganisation(*store, org, args.at(3).toInt()))
            std::printf("%s\n", qPrintable(sql::scalar(store->db(),
                                                       QStringLiteral("SELECT slug FROM "
                                                                      "organisations WHERE id = ?"),
                                                       {copy})
                                               .toString()));
    } catch (const std::exception &e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
