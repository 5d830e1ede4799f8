// The HTML template engine (sync/server/htmltemplate) with hostile values: the first field is a
// template (the seeds are the real pages of resources/web), the others are values typed by
// strangers. Whatever they hold, they add no markup: the page rendered with them has exactly the
// '<', '>', '"' and '\'' of the same page rendered with harmless values of the same shape. The
// template parser itself must survive any text.
#include "fuzzcheck.h"
#include "sync/server/htmltemplate.h"

#include <QRegularExpression>
#include <QStringList>

#include <functional>

using creneau::server::htmlEscape;
using creneau::server::HtmlTemplate;

namespace {

const QString kRaw = QStringLiteral("<b>our own HTML</b>");

struct Names
{
    QStringList vars, sections, raws;
};

Names tagNames(const QString &source)
{
    static const QRegularExpression tag(
        QStringLiteral("\\{\\{(\\{?)\\s*([#^/!]?)\\s*([^{}]*?)\\s*\\}\\}"));
    Names n;
    for (auto it = tag.globalMatch(source); it.hasNext();) {
        const auto m = it.next();
        const QString name = m.captured(3);
        if (!m.captured(1).isEmpty())
            n.raws << name;
        else if (m.captured(2) == QLatin1String("#") || m.captured(2) == QLatin1String("^"))
            n.sections << name;
        else if (m.captured(2).isEmpty())
            n.vars << name;
    }
    return n;
}

void setPath(QVariantMap &map, const QStringList &path, const QVariant &value)
{
    if (path.isEmpty() || path.first().isEmpty())
        return;
    if (path.size() == 1) {
        map.insert(path.first(), value);
        return;
    }
    QVariantMap inner = map.value(path.first()).toMap();
    setPath(inner, path.mid(1), value);
    map.insert(path.first(), inner);
}

// The context for `names`, with value(i) for the i-th value slot: the same shape whatever
// value() returns, so that only the values' text differs between two contexts.
QVariantMap context(const Names &names, const std::function<QString(int)> &value)
{
    int slot = 0;
    QVariantMap leaves;
    for (const QString &name : names.vars)
        if (name != QLatin1String("."))
            setPath(leaves, name.split(QLatin1Char('.')), value(slot++));
    for (const QString &name : names.raws)
        setPath(leaves, name.split(QLatin1Char('.')), kRaw);
    QVariantMap root = leaves;
    // Nested sections over two-item lists double the page at each level: beyond a few, one item.
    const bool repeat = names.sections.size() <= 8;
    for (int i = 0; i < names.sections.size(); ++i) {
        const QString &name = names.sections.at(i);
        QVariant v;
        if (!repeat)
            v = i % 2 ? QVariant(QStringList{value(slot++)}) : QVariant(QVariantList{leaves});
        else if (i % 3 == 0)
            v = QVariantList{leaves, leaves};
        else if (i % 3 == 1)
            v = QStringList{value(slot++), value(slot++)};
        else
            v = leaves;
        setPath(root, name.split(QLatin1Char('.')), v);
    }
    return root;
}

void checkEscape(const QString &value)
{
    const QString e = htmlEscape(value);
    for (const QChar c : {QLatin1Char('<'), QLatin1Char('>'), QLatin1Char('"'), QLatin1Char('\'')})
        FUZZ_CHECK(!e.contains(c), "htmlEscape left markup", value, e);
    QString back = e;
    back.replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&#39;"), QLatin1String("'"))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
    FUZZ_CHECK(back == value, "htmlEscape does not round-trip", value, e);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> f = fuzzcheck::fields(data, size, 5);
    const QString source = QString::fromUtf8(f[0]);
    QStringList hostile;
    for (int i = 1; i < 5; ++i)
        hostile << QString::fromUtf8(f[i]);
    for (const QString &v : hostile)
        checkEscape(v);

    const HtmlTemplate page(source);
    const Names names = tagNames(source);
    const QString bad = page.render(context(names, [&](int i) { return hostile.at(i % 4); }));
    const QString calm = page.render(context(names, [&](int i) {
        return hostile.at(i % 4).isEmpty() ? QString() : QStringLiteral("x");
    }));
    for (const QChar c : {QLatin1Char('<'), QLatin1Char('>'), QLatin1Char('"'), QLatin1Char('\'')})
        FUZZ_CHECK(bad.count(c) == calm.count(c), "a value added markup", QString(c),
                   bad.left(4000), calm.left(4000));
    return 0;
}
