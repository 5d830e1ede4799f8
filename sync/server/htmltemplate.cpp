#include "sync/server/htmltemplate.h"

#include "models/frenchformat.h"

#include <QFile>
#include <QHash>
#include <QMutex>

#include <vector>

namespace creneau::server {

struct HtmlTemplate::Node
{
    enum class Kind
    {
        Root,
        Text,
        Var,
        Raw,
        Section,
        Inverted
    };
    Kind kind = Kind::Root;
    QString text; // literal text or name
    std::vector<std::unique_ptr<Node>> children;
};

namespace {

using Node = HtmlTemplate::Node;

bool truthy(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return false;
    switch (v.typeId()) {
    case QMetaType::Bool:
        return v.toBool();
    case QMetaType::QString:
        return !v.toString().isEmpty();
    case QMetaType::QVariantList:
        return !v.toList().isEmpty();
    case QMetaType::QStringList:
        return !v.toStringList().isEmpty();
    case QMetaType::Int:
    case QMetaType::LongLong:
        return v.toLongLong() != 0;
    default:
        return true;
    }
}

QVariant lookup(const std::vector<const QVariant *> &stack, const QString &name)
{
    if (name == QLatin1String("."))
        return *stack.back();
    const QStringList parts = name.split(QLatin1Char('.'));
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
        const QVariantMap map = (*it)->toMap();
        if (!map.contains(parts.first()))
            continue;
        QVariant v = map.value(parts.first());
        for (int i = 1; i < parts.size(); ++i)
            v = v.toMap().value(parts.at(i));
        return v;
    }
    return {};
}

void renderNode(const Node &node, std::vector<const QVariant *> &stack, QString &out);

void renderChildren(const Node &node, std::vector<const QVariant *> &stack, QString &out)
{
    for (const auto &child : node.children)
        renderNode(*child, stack, out);
}

void renderNode(const Node &node, std::vector<const QVariant *> &stack, QString &out)
{
    switch (node.kind) {
    case Node::Kind::Root:
        renderChildren(node, stack, out);
        break;
    case Node::Kind::Text:
        out += node.text;
        break;
    case Node::Kind::Var:
        out += htmlEscape(lookup(stack, node.text).toString());
        break;
    case Node::Kind::Raw:
        out += lookup(stack, node.text).toString();
        break;
    case Node::Kind::Inverted:
        if (!truthy(lookup(stack, node.text)))
            renderChildren(node, stack, out);
        break;
    case Node::Kind::Section: {
        const QVariant value = lookup(stack, node.text);
        if (!truthy(value))
            break;
        if (value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QStringList) {
            const QVariantList items = value.toList();
            for (const QVariant &item : items) {
                stack.push_back(&item);
                renderChildren(node, stack, out);
                stack.pop_back();
            }
        } else {
            stack.push_back(&value);
            renderChildren(node, stack, out);
            stack.pop_back();
        }
        break;
    }
    }
}

} // namespace

QString htmlEscape(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&':
            out += QLatin1String("&amp;");
            break;
        case '<':
            out += QLatin1String("&lt;");
            break;
        case '>':
            out += QLatin1String("&gt;");
            break;
        case '"':
            out += QLatin1String("&quot;");
            break;
        case '\'':
            out += QLatin1String("&#39;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

HtmlTemplate::HtmlTemplate(const QString &source) : m_root(std::make_unique<Node>())
{
    std::vector<Node *> open{m_root.get()};
    qsizetype pos = 0;
    while (pos < source.size()) {
        const qsizetype start = source.indexOf(QLatin1String("{{"), pos);
        if (start < 0) {
            auto text = std::make_unique<Node>();
            text->kind = Node::Kind::Text;
            text->text = source.mid(pos);
            open.back()->children.push_back(std::move(text));
            break;
        }
        if (start > pos) {
            auto text = std::make_unique<Node>();
            text->kind = Node::Kind::Text;
            text->text = source.mid(pos, start - pos);
            open.back()->children.push_back(std::move(text));
        }
        const bool raw = source.mid(start, 3) == QLatin1String("{{{");
        const QString closer = raw ? QStringLiteral("}}}") : QStringLiteral("}}");
        const qsizetype end = source.indexOf(closer, start + (raw ? 3 : 2));
        if (end < 0) {
            m_error = QStringLiteral("unclosed tag");
            break;
        }
        QString tag = source.mid(start + (raw ? 3 : 2), end - start - (raw ? 3 : 2)).trimmed();
        pos = end + closer.size();
        auto node = std::make_unique<Node>();
        const QChar sigil = tag.isEmpty() ? QChar() : tag.at(0);
        if (raw) {
            node->kind = Node::Kind::Raw;
            node->text = tag;
        } else if (sigil == QLatin1Char('!')) {
            continue;
        } else if (sigil == QLatin1Char('/')) {
            if (open.size() < 2 || open.back()->text != tag.mid(1).trimmed()) {
                m_error = QStringLiteral("unbalanced section ") + tag;
                break;
            }
            open.pop_back();
            continue;
        } else if (sigil == QLatin1Char('#') || sigil == QLatin1Char('^')) {
            node->kind = sigil == QLatin1Char('#') ? Node::Kind::Section : Node::Kind::Inverted;
            node->text = tag.mid(1).trimmed();
            Node *section = node.get();
            open.back()->children.push_back(std::move(node));
            open.push_back(section);
            continue;
        } else {
            node->kind = Node::Kind::Var;
            node->text = tag;
        }
        open.back()->children.push_back(std::move(node));
    }
    if (m_error.isEmpty() && open.size() != 1)
        m_error = QStringLiteral("unclosed section ") + open.back()->text;
}

HtmlTemplate::~HtmlTemplate() = default;
HtmlTemplate::HtmlTemplate(HtmlTemplate &&) noexcept = default;

bool HtmlTemplate::isValid() const
{
    return m_error.isEmpty();
}

QString HtmlTemplate::render(const QVariantMap &context) const
{
    if (!m_error.isEmpty())
        return QStringLiteral("<!-- template error: ") + htmlEscape(m_error) +
               QStringLiteral(" -->");
    const QVariant root(context);
    std::vector<const QVariant *> stack{&root};
    QString out;
    renderNode(*m_root, stack, out);
    return out;
}

const HtmlTemplate &HtmlTemplate::fromResource(const QString &name)
{
    static QMutex mutex;
    static QHash<QString, std::shared_ptr<HtmlTemplate>> cache;
    QMutexLocker lock(&mutex);
    auto it = cache.find(name);
    if (it == cache.end()) {
        QFile file(QStringLiteral(":/web/") + name);
        QString source = QStringLiteral("{{!missing}}");
        if (file.open(QIODevice::ReadOnly))
            source = QString::fromUtf8(file.readAll());
        // Our French texts get their no-break spaces here, once, rather than by hand in each.
        if (name.endsWith(QLatin1String(".html")))
            source = fr::typography(source);
        it = cache.insert(name, std::make_shared<HtmlTemplate>(source));
    }
    return *it.value();
}

} // namespace creneau::server
