#include "ui/recurrenceeditor.h"

#include "models/recurrence.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>

namespace creneau::ui {

namespace {

const char *const kDayCodes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
const QString kDateFormat = QStringLiteral("dd/MM/yyyy");

QDateEdit *dateEdit(const char *name, QWidget *parent)
{
    auto *edit = new QDateEdit(QDate::currentDate(), parent);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setDisplayFormat(kDateFormat);
    edit->setCalendarPopup(true);
    return edit;
}

} // namespace

RecurrenceEditor::RecurrenceEditor(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("recurrenceEditor"));
    auto *daysRow = new QHBoxLayout;
    const QLocale locale;
    for (int d = 1; d <= 7; ++d) {
        auto *box = new QCheckBox(locale.dayName(d, QLocale::ShortFormat), this);
        box->setObjectName(QStringLiteral("dayCheck%1").arg(d));
        daysRow->addWidget(box);
        m_days << box;
        connect(box, &QCheckBox::toggled, this, &RecurrenceEditor::updatePreview);
    }
    m_interval = new QSpinBox(this);
    m_interval->setObjectName(QStringLiteral("intervalSpin"));
    m_interval->setRange(1, 52);
    // « toutes les semaines », then « toutes les 2 semaines »: the minimum reads as words.
    m_interval->setSpecialValueText(tr("every week"));
    m_interval->setPrefix(tr("every "));
    m_interval->setSuffix(tr(" weeks"));
    m_interval->setAccessibleName(tr("Repeat"));
    m_hasUntil = new QCheckBox(tr("Until"), this);
    m_hasUntil->setObjectName(QStringLiteral("untilCheck"));
    m_until = dateEdit("untilEdit", this);
    m_until->setEnabled(false);
    m_until->setAccessibleName(tr("Until"));
    auto *untilRow = new QHBoxLayout;
    untilRow->addWidget(m_interval);
    untilRow->addWidget(m_hasUntil);
    untilRow->addWidget(m_until);
    untilRow->addStretch();

    m_exceptionDate = dateEdit("exceptionDateEdit", this);
    m_exceptionDate->setAccessibleName(tr("Exception date"));
    auto *addException = new QPushButton(tr("Add"), this);
    addException->setAccessibleDescription(tr("Add the exception date"));
    addException->setObjectName(QStringLiteral("addExceptionButton"));
    auto *removeException = new QPushButton(tr("Remove"), this);
    removeException->setObjectName(QStringLiteral("removeExceptionButton"));
    m_exceptions = new QListWidget(this);
    m_exceptions->setObjectName(QStringLiteral("exceptionList"));
    m_exceptions->setFixedHeight(60);
    m_exceptions->setAccessibleName(tr("Except on"));
    auto *exceptionRow = new QHBoxLayout;
    exceptionRow->addWidget(m_exceptionDate);
    exceptionRow->addWidget(addException);
    exceptionRow->addWidget(removeException);
    m_previewList = new QListWidget(this);
    m_previewList->setObjectName(QStringLiteral("previewList"));
    m_previewList->setFixedHeight(110);
    m_previewList->setAccessibleName(tr("Next dates"));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Days"), daysRow);
    form->addRow(tr("Repeat"), untilRow);
    form->addRow(tr("Except on"), exceptionRow);
    form->addRow(QString(), m_exceptions);
    form->addRow(tr("Next dates"), m_previewList);

    connect(m_interval, &QSpinBox::valueChanged, this, &RecurrenceEditor::updatePreview);
    connect(m_hasUntil, &QCheckBox::toggled, m_until, &QDateEdit::setEnabled);
    connect(m_hasUntil, &QCheckBox::toggled, this, &RecurrenceEditor::updatePreview);
    connect(m_until, &QDateEdit::dateChanged, this, &RecurrenceEditor::updatePreview);
    connect(addException, &QPushButton::clicked, this, [this] {
        const QDate d = m_exceptionDate->date();
        if (!exceptions().contains(d)) {
            auto *item = new QListWidgetItem(QLocale().toString(d, kDateFormat), m_exceptions);
            item->setData(Qt::UserRole, d);
        }
        updatePreview();
    });
    connect(removeException, &QPushButton::clicked, this, [this] {
        delete m_exceptions->currentItem();
        updatePreview();
    });
}

void RecurrenceEditor::setRule(const QString &rrule, const QDate &firstDay,
                               const QList<QDate> &exceptions)
{
    const QSignalBlocker block(this);
    m_firstDay = firstDay;
    QStringList days;
    int interval = 1;
    QDate until;
    for (const QString &part : rrule.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString key = part.section(QLatin1Char('='), 0, 0).toUpper();
        const QString value = part.section(QLatin1Char('='), 1);
        if (key == QLatin1String("FREQ") && value == QLatin1String("DAILY") && days.isEmpty())
            days = {QStringLiteral("MO"), QStringLiteral("TU"), QStringLiteral("WE"),
                    QStringLiteral("TH"), QStringLiteral("FR"), QStringLiteral("SA"),
                    QStringLiteral("SU")};
        else if (key == QLatin1String("BYDAY"))
            days = value.split(QLatin1Char(','));
        else if (key == QLatin1String("INTERVAL"))
            interval = value.toInt();
        else if (key == QLatin1String("UNTIL"))
            until = QDate::fromString(value.left(8), QStringLiteral("yyyyMMdd"));
    }
    for (int d = 0; d < 7; ++d)
        m_days[d]->setChecked(days.contains(QLatin1String(kDayCodes[d])));
    m_interval->setValue(std::max(1, interval));
    m_hasUntil->setChecked(until.isValid());
    m_until->setDate(until.isValid() ? until : firstDay.addMonths(6));
    m_exceptions->clear();
    for (const QDate &d : exceptions) {
        auto *item = new QListWidgetItem(QLocale().toString(d, kDateFormat), m_exceptions);
        item->setData(Qt::UserRole, d);
    }
    updatePreview();
}

void RecurrenceEditor::setFirstDay(const QDate &firstDay)
{
    m_firstDay = firstDay;
    updatePreview();
}

QString RecurrenceEditor::rrule() const
{
    QStringList days;
    for (int d = 0; d < 7; ++d)
        if (m_days[d]->isChecked())
            days << QLatin1String(kDayCodes[d]);
    if (days.isEmpty())
        return {}; // the first day only
    QString rule = QStringLiteral("FREQ=WEEKLY");
    if (m_interval->value() > 1)
        rule += QStringLiteral(";INTERVAL=%1").arg(m_interval->value());
    rule += QStringLiteral(";BYDAY=") + days.join(QLatin1Char(','));
    if (m_hasUntil->isChecked())
        rule += QStringLiteral(";UNTIL=") + m_until->date().toString(QStringLiteral("yyyyMMdd"));
    return rule;
}

QList<QDate> RecurrenceEditor::exceptions() const
{
    QList<QDate> out;
    for (int i = 0; i < m_exceptions->count(); ++i)
        out << m_exceptions->item(i)->data(Qt::UserRole).toDate();
    return out;
}

void RecurrenceEditor::updatePreview()
{
    m_previewList->clear();
    m_preview.clear();
    const RecurrenceRule rule = RecurrenceRule::parse(rrule());
    if (!m_firstDay.isValid() || !rule.isValid()) {
        m_previewList->addItem(rule.error());
        emit changed();
        return;
    }
    const QDate from = std::max(m_firstDay, QDate::currentDate());
    m_preview = rule.dates(m_firstDay, from, from.addYears(2), exceptions()).mid(0, 10);
    const QLocale locale;
    for (const QDate &d : std::as_const(m_preview))
        m_previewList->addItem(locale.toString(d, QStringLiteral("dddd d MMMM yyyy")));
    if (m_preview.isEmpty())
        m_previewList->addItem(tr("No date to come."));
    emit changed();
}

} // namespace creneau::ui
