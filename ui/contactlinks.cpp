#include "ui/contactlinks.h"

#include "models/frenchformat.h"

namespace creneau::ui {

namespace {

QString link(const QString &scheme, const QString &target, const QString &text)
{
    if (target.isEmpty())
        return {};
    return QStringLiteral("<a href=\"%1%2\">%3</a>")
        .arg(scheme, target.toHtmlEscaped(), text.toHtmlEscaped());
}

} // namespace

QString mailtoLink(const QString &email)
{
    return link(QStringLiteral("mailto:"), email, email);
}

QString telLink(const QString &phone)
{
    return link(QStringLiteral("tel:"), QString(phone).remove(QLatin1Char(' ')), fr::phone(phone));
}

} // namespace creneau::ui
