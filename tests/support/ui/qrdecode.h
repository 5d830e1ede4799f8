// Reads QR codes back from an image with zbar (Debian's libzbar), so that a test compares what a
// phone would read with the link it should open.
#pragma once

#include <QImage>
#include <QStringList>

namespace creneau::test {

// The text of every QR code zbar finds in `image` (UTF-8), in the order it finds them.
QStringList decodeQrCodes(const QImage &image);

} // namespace creneau::test
