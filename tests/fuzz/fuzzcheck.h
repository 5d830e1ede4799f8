// Shared by the fuzz targets: property checks that abort (a finding for libFuzzer, a failure for
// the ctest replay), splitting an input into fields, and the Qt application some parts need.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <cstdio>
#include <cstdlib>

// Aborts with the failed property and the values involved.
#define FUZZ_CHECK(cond, ...)                                                                      \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            std::fprintf(stderr, "fuzz property failed at %s:%d: %s\n", __FILE__, __LINE__,        \
                         #cond);                                                                   \
            fuzzcheck::report(__VA_ARGS__);                                                        \
            std::abort();                                                                          \
        }                                                                                          \
    } while (0)

namespace fuzzcheck {

inline void report() {}
template <typename... Rest> void report(const QString &value, const Rest &...rest)
{
    std::fprintf(stderr, "  value: %s\n",
                 value.toUtf8().toPercentEncoding(" /:=&<>\"'").constData());
    report(rest...);
}
template <typename... Rest> void report(const QByteArray &value, const Rest &...rest)
{
    report(QString::fromLatin1(value), rest...);
}
template <typename... Rest> void report(const char *value, const Rest &...rest)
{
    report(QString::fromUtf8(value), rest...);
}

// Seeds are readable text: fields are separated by a line holding "@@" alone. Missing fields are
// empty, so that every input yields `count` of them.
inline QList<QByteArray> fields(const uint8_t *data, size_t size, int count)
{
    const QByteArray all(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<QByteArray> out;
    qsizetype from = 0;
    while (out.size() < count - 1) {
        const qsizetype at = all.indexOf("\n@@\n", from);
        if (at < 0)
            break;
        out.append(all.mid(from, at - from));
        from = at + 4;
    }
    out.append(all.mid(from));
    while (out.size() < count)
        out.append(QByteArray());
    return out;
}

// Some Qt parts (SQL drivers, plugins) want an application object; made once per process.
inline void ensureApplication()
{
    static int argc = 1;
    static char name[] = "creneau-fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app =
        QCoreApplication::instance() ? nullptr : new QCoreApplication(argc, argv);
    Q_UNUSED(app)
}

} // namespace fuzzcheck
