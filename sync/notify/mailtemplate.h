// The French message texts of resources/mail: a subject, a plain-text body, an HTML body and an
// SMS text per template, with {{name}} placeholders (HTML-escaped in the HTML body) and lines
// kept only when a value is set ({{?name}}) or empty ({{!name}}).
#pragma once

#include <QHash>
#include <QString>

namespace creneau::notify {

struct RenderedMessage
{
    QString subject;
    QString text;
    QString html; // a complete document
    QString sms;  // one line
};

using TemplateValues = QHash<QString, QString>;

class MailTemplate
{
public:
    // Reads :/mail/<name>.tmpl; an unknown name gives an empty template.
    static MailTemplate load(const QString &name);
    static MailTemplate fromText(const QString &source);

    RenderedMessage render(const TemplateValues &values) const;
    bool isEmpty() const { return m_subject.isEmpty() && m_text.isEmpty(); }

private:
    QString m_subject;
    QString m_text;
    QString m_html;
    QString m_sms;
};

} // namespace creneau::notify
