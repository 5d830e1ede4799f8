// A small mustache-like template engine that escapes every value: {{name}} (escaped),
// {{{name}}} (raw: only for HTML we rendered ourselves), {{#name}}...{{/name}} (a list is
// repeated per item, a true value or a map shown once), {{^name}}...{{/name}} (when false/empty).
// Names may be dotted ("org.name"); "." is the current item.
#pragma once

#include <QString>
#include <QVariant>

#include <memory>

namespace creneau::server {

QString htmlEscape(const QString &text);

class HtmlTemplate
{
public:
    // Parses `source`; an unbalanced section yields a template that renders an error comment.
    explicit HtmlTemplate(const QString &source);
    ~HtmlTemplate();
    HtmlTemplate(HtmlTemplate &&) noexcept;
    QString render(const QVariantMap &context) const;
    bool isValid() const;

    // Loads ":/web/<name>" once and keeps it parsed.
    static const HtmlTemplate &fromResource(const QString &name);

    struct Node;

private:
    std::unique_ptr<Node> m_root;
    QString m_error;
};

} // namespace creneau::server
