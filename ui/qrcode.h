// A QR code of a text (a booking link) as an image, drawn from libqrencode's modules.
#pragma once

#include <QImage>
#include <QString>

namespace creneau::ui {

// Null image when the text cannot be encoded. `moduleSize` pixels per module, 4-module margin.
QImage qrCodeImage(const QString &text, int moduleSize = 5);

} // namespace creneau::ui
