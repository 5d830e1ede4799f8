#include "ui/motifdialog.h"

#include "models/catalog.h"
#include "models/catalogservice.h"
#include "ui/contrast.h"

#include <QAction>
#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace creneau::ui {

namespace {

constexpr int kMinutesPerDay = 24 * 60;

// A small square of the motif's colour, for the picker inside the colour field.
QIcon swatch(const QColor &colour)
{
    QPixmap square(16, 16);
    square.fill(colour.isValid() ? colour : QColor(Qt::transparent));
    return QIcon(square);
}

} // namespace

MotifDialog::MotifDialog(AgendaSource *source, QWidget *parent)
    : ListFormDialog(source, {"motifDialog", "motifList", "newMotifButton", "saveMotifButton"},
                     tr("Motifs"), tr("New motif"), parent)
{
    list()->setMinimumWidth(220);
    buildForm();
    finishLayout();
}

void MotifDialog::buildForm()
{
    QWidget *box = formBox();
    m_name = named(new QLineEdit(box), "nameEdit");
    m_color = named(new QLineEdit(box), "colorEdit");
    m_color->setPlaceholderText(QStringLiteral("#1f6feb"));
    QAction *pick = m_color->addAction(swatch({}), QLineEdit::TrailingPosition);
    pick->setObjectName(QStringLiteral("pickColorAction"));
    pick->setToolTip(tr("Choose the colour…"));
    connect(pick, &QAction::triggered, this, &MotifDialog::pickColour);
    connect(m_color, &QLineEdit::textChanged, pick,
            [pick](const QString &text) { pick->setIcon(swatch(QColor(text))); });
    // How the agenda will write on this colour (contrast.h): a sample, and a warning when the
    // text colour had to change for the 4.5:1 the rule asks.
    auto *contrast = named(new QLabel(box), "colorContrastLabel");
    contrast->setWordWrap(true);
    connect(m_color, &QLineEdit::textChanged, contrast, [contrast](const QString &text) {
        const QColor colour(text.trimmed());
        contrast->setVisible(colour.isValid());
        if (!colour.isValid())
            return;
        const QColor ink = readableTextColor(colour, QColor(Qt::white));
        contrast->setStyleSheet(
            QStringLiteral("background:%1;color:%2;padding:3px;").arg(colour.name(), ink.name()));
        const QString ratio = QLocale().toString(contrastRatio(ink, colour), 'f', 1);
        contrast->setText(ink == QColor(Qt::white)
                              ? tr("Text in white, contrast %1:1").arg(ratio)
                              : tr("White text would be hard to read on this colour; the agenda "
                                   "writes in black (contrast %1:1)")
                                    .arg(ratio));
    });
    m_duration = named(new QSpinBox(box), "durationSpin");
    m_duration->setRange(0, 24 * 60);
    m_duration->setSuffix(tr(" min"));
    m_location = named(new QComboBox(box), "locationTypeCombo");
    m_location->addItem(tr("On site"), int(LocationType::PublicOffice));
    m_location->addItem(tr("By phone"), int(LocationType::Phone));
    m_location->addItem(tr("At home"), int(LocationType::Home));
    m_location->addItem(tr("By video call"), int(LocationType::Visio));
    m_bookableBy = named(new QComboBox(box), "bookableByCombo");
    m_bookableBy->addItem(tr("Agents only"), int(BookableBy::Agents));
    m_bookableBy->addItem(tr("Agents and prescripteurs"), int(BookableBy::AgentsAndPrescripteurs));
    m_bookableBy->addItem(tr("Everyone"), int(BookableBy::Everyone));
    m_minDelay = named(new QSpinBox(box), "minDelaySpin");
    m_minDelay->setRange(-1, 365 * kMinutesPerDay);
    m_minDelay->setSuffix(tr(" min"));
    m_maxDelay = named(new QSpinBox(box), "maxDelaySpin");
    m_maxDelay->setRange(1, kMaxBookingHorizonMinutes / kMinutesPerDay);
    m_maxDelay->setSuffix(tr(" days"));
    m_instructions = named(new QPlainTextEdit(box), "instructionsEdit");
    m_instructions->setTabChangesFocus(true); // Tab leaves the field: no keyboard trap
    m_instructions->setFixedHeight(80);
    m_archived = named(new QCheckBox(tr("Archived (no longer offered)"), box), "archivedCheck");

    addField(tr("Name"), m_name, QStringLiteral("name"));
    addField(tr("Colour"), m_color, QStringLiteral("color"));
    form()->addRow(QString(), contrast);
    addField(tr("Duration"), m_duration, QStringLiteral("duration_minutes"));
    form()->addRow(tr("Location type"), m_location);
    form()->addRow(tr("Online booking"), m_bookableBy);
    addField(tr("Minimum delay"), m_minDelay, QStringLiteral("min_delay_minutes"));
    addField(tr("Maximum delay"), m_maxDelay, QStringLiteral("max_delay_minutes"));
    addField(tr("Instructions"), m_instructions, QStringLiteral("instructions"));
    form()->addRow(QString(), m_archived);
}

QList<ListFormDialog::Row> MotifDialog::rows() const
{
    QList<Row> rows;
    for (const Motif &m : source()->motifs())
        rows.append({m.id, m.name, m.archived, QColor(m.color)});
    return rows;
}

void MotifDialog::loadRow(Id id)
{
    if (const auto motif = source()->motif(id))
        load(*motif);
}

void MotifDialog::loadNew()
{
    Motif fresh;
    fresh.organisationId = source()->organisation().id;
    load(fresh);
}

void MotifDialog::load(const Motif &motif)
{
    m_current = motif;
    m_name->setText(motif.name);
    m_color->setText(motif.color);
    m_duration->setValue(motif.durationMinutes);
    m_location->setCurrentIndex(m_location->findData(int(motif.locationType)));
    m_bookableBy->setCurrentIndex(m_bookableBy->findData(int(motif.bookableBy)));
    m_minDelay->setValue(motif.minDelayMinutes);
    m_maxDelay->setValue((motif.maxDelayMinutes + kMinutesPerDay / 2) / kMinutesPerDay);
    m_instructions->setPlainText(motif.instructions);
    m_archived->setChecked(motif.archived);
}

Motif MotifDialog::fromForm() const
{
    Motif m = m_current;
    m.name = m_name->text().trimmed();
    m.color = m_color->text().trimmed();
    m.durationMinutes = m_duration->value();
    m.locationType = LocationType(m_location->currentData().toInt());
    m.bookableBy = BookableBy(m_bookableBy->currentData().toInt());
    m.minDelayMinutes = m_minDelay->value();
    // Kept to the minute when the number of days shown was not touched.
    const int shownDays = (m_current.maxDelayMinutes + kMinutesPerDay / 2) / kMinutesPerDay;
    if (m_maxDelay->value() != shownDays)
        m.maxDelayMinutes = m_maxDelay->value() * kMinutesPerDay;
    m.instructions = m_instructions->toPlainText().trimmed();
    m.archived = m_archived->isChecked();
    return m;
}

void MotifDialog::pickColour()
{
    auto *picker = new QColorDialog(QColor(m_color->text()), this);
    picker->setObjectName(QStringLiteral("colorDialog"));
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QColorDialog::colorSelected, m_color,
            [this](const QColor &colour) { m_color->setText(colour.name()); });
    picker->open();
}

bool MotifDialog::save()
{
    const Motif motif = fromForm();
    // The server's rules (CatalogService), so its messages show next to the fields here.
    return submit(CatalogService::checkMotif(motif), [&] { return source()->save(motif); });
}

} // namespace creneau::ui
