// The organisation's zone as people know it: metropolitan France, then the overseas ones by
// their names (La Réunion, Guyane...), each holding its IANA id; a zone outside the list (set
// on the server) is kept and shown by its id.
#pragma once

#include <QString>

class QComboBox;

namespace creneau::ui {

void fillTimeZones(QComboBox *combo);
void selectTimeZone(QComboBox *combo, const QString &ianaId);
QString chosenTimeZone(const QComboBox *combo);

} // namespace creneau::ui
