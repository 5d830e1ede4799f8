#include "qrdecode.h"

#include <zbar.h>

#include <memory>

namespace creneau::test {

QStringList decodeQrCodes(const QImage &image)
{
    // zbar reads 8-bit grey ("Y800"), one byte per pixel, rows without padding.
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    QByteArray pixels;
    pixels.reserve(qsizetype(grey.width()) * grey.height());
    for (int y = 0; y < grey.height(); ++y)
        pixels.append(reinterpret_cast<const char *>(grey.constScanLine(y)), grey.width());

    std::unique_ptr<zbar::zbar_image_scanner_t, decltype(&zbar::zbar_image_scanner_destroy)>
        scanner(zbar::zbar_image_scanner_create(), &zbar::zbar_image_scanner_destroy);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    std::unique_ptr<zbar::zbar_image_t, decltype(&zbar::zbar_image_destroy)> zimage(
        zbar::zbar_image_create(), &zbar::zbar_image_destroy);
    zbar::zbar_image_set_format(zimage.get(), zbar_fourcc('Y', '8', '0', '0'));
    zbar::zbar_image_set_size(zimage.get(), unsigned(grey.width()), unsigned(grey.height()));
    zbar::zbar_image_set_data(zimage.get(), pixels.constData(), unsigned(pixels.size()), nullptr);

    QStringList out;
    if (zbar::zbar_scan_image(scanner.get(), zimage.get()) <= 0)
        return out;
    for (const zbar::zbar_symbol_t *s = zbar::zbar_image_first_symbol(zimage.get()); s;
         s = zbar::zbar_symbol_next(s))
        out << QString::fromUtf8(zbar::zbar_symbol_get_data(s),
                                 int(zbar::zbar_symbol_get_data_length(s)));
    return out;
}

} // namespace creneau::test
