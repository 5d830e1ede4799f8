#include "ui/usagermerge.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMessageBox>

namespace creneau::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("creneau::ui::UsagerMerge", text);
}

} // namespace

QString usagerSummary(const Usager &u)
{
    QStringList parts{u.fullName()};
    if (u.birthDate.isValid())
        parts << QLocale().toString(u.birthDate, QStringLiteral("dd/MM/yyyy"));
    if (!u.phone.isEmpty())
        parts << u.phone;
    if (!u.email.isEmpty())
        parts << u.email;
    return parts.join(QStringLiteral(" — "));
}

bool confirmAndMergeUsagers(QWidget *parent, AgendaSource *source, const Usager &keep,
                            const Usager &duplicate)
{
    QMessageBox box(QMessageBox::Question, tr("Merge usagers"),
                    tr("Is this the same person?\n\nKept: %1\nMerged into it: %2\n\nThe "
                       "appointments of the second record move to the first one, which keeps "
                       "its details; the second record is removed.")
                        .arg(usagerSummary(keep), usagerSummary(duplicate)),
                    QMessageBox::Yes | QMessageBox::No, parent);
    box.setObjectName(QStringLiteral("mergeUsagersBox"));
    box.setDefaultButton(QMessageBox::No);
    if (box.exec() != QMessageBox::Yes)
        return false;
    const MergeOutcome out = source->mergeUsagers(keep.id, duplicate.id);
    if (!out.ok()) {
        QMessageBox::warning(parent, tr("Merge usagers"), out.message);
        return false;
    }
    return true;
}

} // namespace creneau::ui
