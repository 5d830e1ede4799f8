#include "ui/appicon.h"

#include <QPainter>
#include <QPixmap>

namespace creneau::ui {

namespace {

// resources/icons/creneau.svg, drawn on a 64×64 grid.
QPixmap painted(int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 64.0, size / 64.0);
    const QColor blue(0x1f, 0x4e, 0x8c);
    p.setPen(QPen(blue, 4));
    p.setBrush(Qt::white);
    p.drawRoundedRect(QRectF(6, 10, 52, 48), 6, 6);
    p.setPen(Qt::NoPen);
    p.setBrush(blue);
    p.drawRoundedRect(QRectF(6, 10, 52, 14), 6, 6);
    p.drawRect(QRectF(6, 18, 52, 6));
    p.drawRoundedRect(QRectF(17, 4, 6, 12), 3, 3);
    p.drawRoundedRect(QRectF(41, 4, 6, 12), 3, 3);
    p.setBrush(QColor(0x2a, 0x9d, 0x8f));
    p.drawRoundedRect(QRectF(14, 32, 36, 10), 3, 3);
    p.setBrush(QColor(0xc8, 0xd6, 0xe5));
    p.drawRoundedRect(QRectF(14, 46, 20, 6), 2, 2);
    return pixmap;
}

} // namespace

QIcon appIcon()
{
    QIcon icon(QStringLiteral(":/icons/creneau.svg"));
    if (!icon.pixmap(32, 32).isNull())
        return icon;
    QIcon drawn;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        drawn.addPixmap(painted(size));
    return drawn;
}

} // namespace creneau::ui
