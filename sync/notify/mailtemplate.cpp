#include "sync/notify/mailtemplate.h"

#include "models/frenchformat.h"

#include <QFile>
#include <QRegularExpression>

namespace creneau::notify {

namespace {

enum class Escape
{
    None,
    Html
};

// Applies the line conditions, then the placeholders. Values are inserted in one pass, so a
// value that itself contains "{{...}}" is never expanded.
QString fill(const QString &section, const TemplateValues &values, Escape escape)
{
    static const QRegularExpression condition(QStringLiteral(R"(^\{\{([?!])([a-z_]+)\}\})"));
    static const QRegularExpression placeholder(QStringLiteral(R"(\{\{([a-z_]+)\}\})"));
    QStringList kept;
    for (QString line : section.split(QLatin1Char('\n'))) {
        bool keep = true;
        for (auto m = condition.match(line); m.hasMatch(); m = condition.match(line)) {
            const bool set = !values.value(m.captured(2)).trimmed().isEmpty();
            keep = keep && (m.captured(1) == QLatin1String("?") ? set : !set);
            line.remove(0, m.capturedLength());
        }
        if (keep)
            kept << line;
    }
    const QString joined = kept.join(QLatin1Char('\n'));
    QString out;
    qsizetype from = 0;
    for (auto it = placeholder.globalMatch(joined); it.hasNext();) {
        const auto m = it.next();
        out += joined.mid(from, m.capturedStart() - from);
        const QString value = values.value(m.captured(1));
        out += escape == Escape::Html ? value.toHtmlEscaped() : value;
        from = m.capturedEnd();
    }
    out += joined.mid(from);
    return out;
}

} // namespace

MailTemplate MailTemplate::load(const QString &name)
{
    QFile file(QStringLiteral(":/mail/%1.tmpl").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // Our French texts get their no-break spaces here, once (plain again in SMS).
    return fromText(fr::typography(QString::fromUtf8(file.readAll())));
}

MailTemplate MailTemplate::fromText(const QString &source)
{
    MailTemplate t;
    QString *current = nullptr;
    QStringList lines;
    auto flush = [&] {
        if (current)
            *current = lines.join(QLatin1Char('\n')).trimmed();
        lines.clear();
    };
    for (const QString &line : source.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("subject:")) && !current) {
            t.m_subject = line.mid(8).trimmed();
        } else if (line.startsWith(QLatin1String("--- "))) {
            flush();
            const QString name = line.mid(4).trimmed();
            current = name == QLatin1String("text")   ? &t.m_text
                      : name == QLatin1String("html") ? &t.m_html
                      : name == QLatin1String("sms")  ? &t.m_sms
                                                      : nullptr;
        } else {
            lines << line;
        }
    }
    flush();
    return t;
}

RenderedMessage MailTemplate::render(const TemplateValues &values) const
{
    RenderedMessage r;
    // Subjects keep plain spaces: headers are folded and read back by many programs.
    r.subject = fill(m_subject, values, Escape::None).simplified();
    r.text = fill(m_text, values, Escape::None) + QLatin1Char('\n');
    r.html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta "
                            "charset=\"utf-8\">\n<title>%1</title>\n</head>\n<body>\n%2\n</body>\n"
                            "</html>\n")
                 .arg(r.subject.toHtmlEscaped(), fill(m_html, values, Escape::Html));
    r.sms = fr::plainSpaces(fill(m_sms, values, Escape::None)).simplified();
    return r;
}

} // namespace creneau::notify
