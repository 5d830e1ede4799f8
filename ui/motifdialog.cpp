#include "ui/motifdialog.h"

#include "models/catalog.h"
#include "models/catalogservice.h"
#include "ui/contrast.h"
#include "ui/pendingsave.h"

#include <QAction>
#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

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

template <typename W> W *named(W *widget, const char *name)
{
    widget->setObjectName(QString::fromLatin1(name));
    return widget;
}

} // namespace

MotifDialog::MotifDialog(AgendaSource *source, QWidget *parent) : QDialog(parent), m_source(source)
{
    setObjectName(QStringLiteral("motifDialog"));
    setWindowTitle(tr("Motifs"));
    m_list = named(new QListWidget(this), "motifList");
    m_list->setMinimumWidth(220);
    m_list->setAccessibleName(tr("Motifs"));
    auto *add = named(new QPushButton(tr("New motif"), this), "newMotifButton");
    auto *left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addWidget(add);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *saveButton =
        named(buttons->addButton(tr("Save"), QDialogButtonBox::ApplyRole), "saveMotifButton");
    auto *right = new QVBoxLayout;
    right->addWidget(buildForm());
    right->addWidget(buttons);

    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left);
    layout->addLayout(right, 1);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(saveButton, &QPushButton::clicked, this, &MotifDialog::save);
    connect(add, &QPushButton::clicked, this, &MotifDialog::startNew);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        if (const auto motif = m_source->motif(m_list->item(row)->data(Qt::UserRole).toLongLong()))
            load(*motif);
    });
    // A saved change shows once back from the server; its refusal next to the fields.
    m_pending = new PendingSave(m_source, this);
    connect(m_pending, &PendingSave::applied, this, [this](qint64 id) { reloadList(id); });
    connect(m_pending, &PendingSave::refused, this,
            [this](const QString &, const FieldErrors &fields) { m_errors.show(fields); });
    reloadList(0);
}

QWidget *MotifDialog::buildForm()
{
    auto *box = new QWidget(this);
    auto *form = new QFormLayout(box);
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

    m_errors.addRow(form, tr("Name"), m_name, QStringLiteral("name"));
    m_errors.addRow(form, tr("Colour"), m_color, QStringLiteral("color"));
    form->addRow(QString(), box->findChild<QLabel *>(QStringLiteral("colorContrastLabel")));
    m_errors.addRow(form, tr("Duration"), m_duration, QStringLiteral("duration_minutes"));
    form->addRow(tr("Location type"), m_location);
    form->addRow(tr("Online booking"), m_bookableBy);
    m_errors.addRow(form, tr("Minimum delay"), m_minDelay, QStringLiteral("min_delay_minutes"));
    m_errors.addRow(form, tr("Maximum delay"), m_maxDelay, QStringLiteral("max_delay_minutes"));
    m_errors.addRow(form, tr("Instructions"), m_instructions, QStringLiteral("instructions"));
    form->addRow(QString(), m_archived);
    return box;
}

void MotifDialog::reloadList(Id select)
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    int row = -1;
    for (const Motif &m : m_source->motifs()) {
        auto *item = new QListWidgetItem(m.archived ? tr("%1 (archived)").arg(m.name) : m.name);
        item->setData(Qt::UserRole, m.id);
        item->setData(Qt::DecorationRole, QColor(m.color));
        m_list->addItem(item);
        if (m.id == select || (select == 0 && row < 0))
            row = m_list->count() - 1;
    }
    if (row >= 0) {
        m_list->setCurrentRow(row);
        load(*m_source->motif(m_list->item(row)->data(Qt::UserRole).toLongLong()));
    } else {
        startNew();
    }
}

void MotifDialog::selectMotif(Id motifId)
{
    reloadList(motifId);
}

void MotifDialog::startNew()
{
    Motif fresh;
    fresh.organisationId = m_source->organisation().id;
    {
        const QSignalBlocker block(m_list);
        m_list->clearSelection();
        m_list->setCurrentRow(-1);
    }
    load(fresh);
    m_name->setFocus();
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
    m_errors.show({});
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
    Motif motif = fromForm();
    if (!m_errors.show(CatalogService::checkMotif(motif))) // the server's rules
        return false;
    // The form keeps what was typed until the server answers (see m_pending).
    m_pending->track(m_source->save(motif));
    emit catalogChanged();
    return true;
}

} // namespace creneau::ui
