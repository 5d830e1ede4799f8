#include "ui/qrcode.h"

#include <QPainter>

#include <qrencode.h>

#include <memory>

namespace creneau::ui {

QImage qrCodeImage(const QString &text, int moduleSize)
{
    const QByteArray utf8 = text.toUtf8();
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code)
        return {};
    constexpr int kMargin = 4;
    const int side = (code->width + 2 * kMargin) * moduleSize;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1)
                p.fillRect((x + kMargin) * moduleSize, (y + kMargin) * moduleSize, moduleSize,
                           moduleSize, Qt::black);
    return image;
}

} // namespace creneau::ui
