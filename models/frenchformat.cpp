#include "models/frenchformat.h"

#include <QLocale>
#include <QRegularExpression>

namespace creneau::fr {

namespace {
const QLocale &french()
{
    static const QLocale locale(QLocale::French, QLocale::France);
    return locale;
}
} // namespace

QString time(const QTime &t)
{
    if (!t.isValid())
        return {};
    QString out = QString::number(t.hour()) + kNbsp + QLatin1Char('h');
    if (t.minute())
        out += kNbsp + QStringLiteral("%1").arg(t.minute(), 2, 10, QLatin1Char('0'));
    return out;
}

QString time(qint64 utcSecs, const QTimeZone &zone)
{
    return time(QDateTime::fromSecsSinceEpoch(utcSecs, zone).time());
}

QString date(const QDate &day)
{
    return french().toString(day, QStringLiteral("dddd d MMMM yyyy"));
}

QString dateTime(const QDateTime &t)
{
    return date(t.date()) + QStringLiteral(" à ") + time(t.time());
}

QString dateTime(qint64 utcSecs, const QTimeZone &zone)
{
    return dateTime(QDateTime::fromSecsSinceEpoch(utcSecs, zone));
}

QString shortDate(const QDate &day)
{
    return day.isValid() ? day.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

QDate parseDate(const QString &text)
{
    const QString t = text.trimmed();
    if (t.size() > 10)
        return {};
    // Exactly the picker's text: Qt's ISO reading also takes "2000/02/29".
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    static const QRegularExpression typed(
        QStringLiteral("^(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})$"));
    if (const auto m = iso.match(t); m.hasMatch())
        return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (const auto m = typed.match(t); m.hasMatch())
        return QDate(m.captured(4).toInt(), m.captured(3).toInt(), m.captured(1).toInt());
    return {};
}

QString phone(const QString &normalized)
{
    static const QRegularExpression french(QStringLiteral("^0\\d{9}$"));
    if (!french.match(normalized).hasMatch())
        return normalized;
    QStringList pairs;
    for (int i = 0; i < 10; i += 2)
        pairs << normalized.mid(i, 2);
    return pairs.join(QLatin1Char(' '));
}

QString howItTakesPlace(LocationType type)
{
    switch (type) {
    case LocationType::PublicOffice:
        return QStringLiteral("Sur place");
    case LocationType::Phone:
        return QStringLiteral("Par téléphone, l'agent appelle au numéro donné");
    case LocationType::Home:
        return QStringLiteral("À domicile");
    case LocationType::Visio:
        return QStringLiteral("En visioconférence");
    }
    return {};
}

QString everyNWeeks(int n)
{
    return n <= 1
               ? QStringLiteral("toutes les semaines")
               : QStringLiteral("toutes les ") + QString::number(n) + QStringLiteral(" semaines");
}

QString typography(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if (c == QLatin1Char(' ') &&
            (next == QLatin1Char(':') || next == QLatin1Char(';') || next == QLatin1Char('!') ||
             next == QLatin1Char('?') || next == QChar(0x00BB))) {
            out += kNbsp;
            continue;
        }
        if (c == QChar(0x00BB) && !out.isEmpty() && !out.back().isSpace())
            out += kNbsp; // «word» → « word »
        out += c;
        if (c == QChar(0x00AB)) {
            if (next == QLatin1Char(' ') || next == kNbsp)
                ++i;
            out += kNbsp;
        }
    }
    return out;
}

QString plainSpaces(const QString &text)
{
    QString out = text;
    out.replace(kNbsp, QLatin1Char(' ')).replace(QChar(0x202F), QLatin1Char(' '));
    return out;
}

} // namespace creneau::fr
