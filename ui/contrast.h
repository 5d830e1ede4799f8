// The WCAG contrast rule for text drawn on a colour (a motif's colour in the agenda): the ratio
// of two colours' relative luminances, and the text colour that reads on a background.
#pragma once

#include <QColor>

namespace creneau::ui {

// WCAG 2.1 asks 4.5:1 for normal text (success criterion 1.4.3).
constexpr double kMinimumTextContrast = 4.5;

// WCAG 2.1 relative luminance, 0 (black) to 1 (white); alpha is ignored.
double relativeLuminance(const QColor &color);
// (L1 + 0.05) / (L2 + 0.05) with L1 the lighter: 1 (same) to 21 (black on white).
double contrastRatio(const QColor &a, const QColor &b);
// `preferred` when it reaches 4.5:1 on `background`, otherwise black or white, whichever
// contrasts more (one of them always reaches 4.5:1).
QColor readableTextColor(const QColor &background, const QColor &preferred = QColor());

} // namespace creneau::ui
