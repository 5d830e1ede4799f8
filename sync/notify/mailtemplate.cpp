#include "sync/notify/mailtemplate.h"

#include "models/frenchformat.h"

#include <QFile>
#include <QMutex>

namespace creneau::notify {

namespace {

enum class Escape
{
    None,
    Html
};

// The length of the placeholder name ([a-z_]+) closed by "}}" at `from`, 0 when there is none.
qsizetype nameLength(QStringView text, qsizetype from)
{
    qsizetype end = from;
    while (end < text.size() && ((text[end] >= u'a' && text[end] <= u'z') || text[end] == u'_'))
        ++end;
    if (end == from || !text.mid(end).startsWith(u"}}"))
        return 0;
    return end - from;
}

// Applies the line conditions, then the placeholders. Values are inserted in one pass, so a
// value that itself contains "{{...}}" is never expanded. Scanned by hand: a booking renders a
// few messages inside its transaction, and regular expressions were a fifth of its time.
QString fill(const QString &section, const TemplateValues &values, Escape escape)
{
    QString out;
    out.reserve(section.size() + 256);
    bool firstLine = true;
    for (QStringView line : QStringView(section).split(u'\n')) {
        // Leading {{?name}} (kept when set) and {{!name}} (kept when empty), any number of them.
        bool keep = true;
        while (line.startsWith(u"{{?") || line.startsWith(u"{{!")) {
            const qsizetype length = nameLength(line, 3);
            if (!length)
                break;
            const bool set = !values.value(line.mid(3, length).toString()).trimmed().isEmpty();
            keep = keep && (line[2] == u'?' ? set : !set);
            line = line.mid(3 + length + 2);
        }
        if (!keep)
            continue;
        if (!firstLine)
            out += u'\n';
        firstLine = false;
        qsizetype from = 0;
        for (qsizetype open = line.indexOf(u"{{"); open >= 0; open = line.indexOf(u"{{", open)) {
            const qsizetype length = nameLength(line, open + 2);
            if (!length) {
                ++open; // "{{{name}}": the placeholder may start at the next brace
                continue;
            }
            out += line.mid(from, open - from);
            const QString value = values.value(line.mid(open + 2, length).toString());
            out += escape == Escape::Html ? value.toHtmlEscaped() : value;
            from = open = open + 2 + length + 2;
        }
        out += line.mid(from);
    }
    return out;
}

} // namespace

MailTemplate MailTemplate::load(const QString &name)
{
    // The templates are compiled in: each is read and prepared once per process (it was an
    // eighth of a booking's time), whichever thread asks.
    static QMutex mutex;
    static QHash<QString, MailTemplate> loaded;
    QMutexLocker lock(&mutex);
    if (const auto it = loaded.constFind(name); it != loaded.constEnd())
        return *it;
    QFile file(QStringLiteral(":/mail/%1.tmpl").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // Our French texts get their no-break spaces here, once (plain again in SMS).
    return *loaded.insert(name, fromText(fr::typography(QString::fromUtf8(file.readAll()))));
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
