#include "ui/timezonechoice.h"

#include <QComboBox>
#include <QCoreApplication>

namespace creneau::ui {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("creneau::ui::TimeZoneChoice", text);
}
} // namespace

void fillTimeZones(QComboBox *combo)
{
    const std::pair<const char *, const char *> zones[] = {
        {QT_TRANSLATE_NOOP("creneau::ui::TimeZoneChoice", "Metropolitan France"), "Europe/Paris"},
        {QT_TRANSLATE_NOOP("creneau::ui::TimeZoneChoice", "Réunion"), "Indian/Reunion"},
        {QT_TRANSLATE_NOOP("creneau::ui::TimeZoneChoice", "French Guiana"), "America/Cayenne"},
        {QT_TRANSLATE_NOOP("creneau::ui::TimeZoneChoice", "Martinique"), "America/Martinique"},
        {QT_TRANSLATE_NOOP("creneau::ui::TimeZoneChoice", "Guadeloupe"), "America/Guadeloupe"},
        {QT_TRANSLATE_NOOP("creneau::ui::TimeZoneChoice", "Mayotte"), "Indian/Mayotte"},
        {QT_TRANSLATE_NOOP("creneau::ui::TimeZoneChoice", "Saint Pierre and Miquelon"),
         "America/Miquelon"},
        {QT_TRANSLATE_NOOP("creneau::ui::TimeZoneChoice", "New Caledonia"), "Pacific/Noumea"},
        {QT_TRANSLATE_NOOP("creneau::ui::TimeZoneChoice", "French Polynesia"), "Pacific/Tahiti"},
    };
    combo->clear();
    for (const auto &[name, id] : zones)
        combo->addItem(tr(name), QString::fromLatin1(id));
}

void selectTimeZone(QComboBox *combo, const QString &ianaId)
{
    int i = combo->findData(ianaId);
    if (i < 0 && !ianaId.isEmpty()) {
        combo->addItem(ianaId, ianaId);
        i = combo->count() - 1;
    }
    combo->setCurrentIndex(std::max(0, i));
}

QString chosenTimeZone(const QComboBox *combo)
{
    return combo->currentData().toString();
}

} // namespace creneau::ui
