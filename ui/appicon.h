// The application's icon: resources/icons/creneau.svg (compiled in), or the same drawing painted
// here when Qt's SVG plugin is not installed.
#pragma once

#include <QIcon>

namespace creneau::ui {

QIcon appIcon();

} // namespace creneau::ui
