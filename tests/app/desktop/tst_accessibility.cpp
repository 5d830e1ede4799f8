// What a screen reader gets from the desktop, read through Qt's accessibility interfaces as the
// AT-SPI bridge reads them: every focusable object of the main window and of every dialog has a
// name; the agenda is a table whose cells are the demo's appointments and free times, each named
// in one sentence; moving in the agenda is announced (focus and selection events).
#include "app/desktop/embeddedconnection.h"
#include "app/desktop/embeddedserver.h"
#include "sync/client/syncclient.h"
#include "translations/translator.h"
#include "ui/absencedialog.h"
#include "ui/agendalistview.h"
#include "ui/agendasource.h"
#include "ui/bookinglinkdialog.h"
#include "ui/calendarsettingsdialog.h"
#include "ui/lieudialog.h"
#include "ui/mainwindow.h"
#include "ui/motifdialog.h"
#include "ui/newrdvdialog.h"
#include "ui/plagedialog.h"
#include "ui/rdvpanel.h"
#include "ui/sharedialog.h"
#include "ui/usagersdialog.h"

#include <QAccessible>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QTextDocumentFragment>
#include <QToolButton>
#include <QtGui/private/qguiapplication_p.h>
#include <QtTest>
#include <qpa/qplatformaccessibility.h>
#include <qpa/qplatformintegration.h>

#include <memory>

using namespace creneau;

namespace {

// What the test reads of an event: the event itself lives on the sender's stack, and copying it
// as a plain QAccessibleEvent is refused (asserted) for the kinds that have their own class.
struct RecordedEvent
{
    QPointer<QObject> object;
    QAccessible::Event type;
    int child;
};
QList<RecordedEvent> g_events;

void recordEvent(QAccessibleEvent *event)
{
    g_events << RecordedEvent{event->object(), event->type(), event->child()};
}

// Every object under `iface` a user can reach with the keyboard, as « path: role ».
void collectUnnamed(QAccessibleInterface *iface, const QString &path, QStringList *unnamed,
                    int *focusable, int depth = 0)
{
    if (!iface || !iface->isValid() || depth > 40)
        return;
    const QAccessible::State state = iface->state();
    const QString here = path + QLatin1Char('/') +
                         (iface->object() ? iface->object()->objectName() : QString()) +
                         QLatin1Char('[') + QString::number(iface->role(), 16) + QLatin1Char(']');
    if (state.focusable && !state.invisible) {
        ++*focusable;
        if (iface->text(QAccessible::Name).trimmed().isEmpty())
            *unnamed << here;
    }
    for (int i = 0; i < iface->childCount(); ++i)
        collectUnnamed(iface->child(i), here, unnamed, focusable, depth + 1);
}

// « 10 h 30 », « 11 h »: written here again on purpose, so that the test checks the wording.
QString said(const QTime &t)
{
    return t.minute() ? QStringLiteral("%1 h %2").arg(t.hour()).arg(t.minute(), 2, 10, QChar(u'0'))
                      : QStringLiteral("%1 h").arg(t.hour());
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void everyFocusableObjectIsNamed_data();
    void everyFocusableObjectIsNamed();
    void agendaIsATableOfTheDemo();
    void movingIsAnnounced();
    void panelSaysEachLabelOnce();
    void everyControlIsReachedByTab_data() { everyFocusableObjectIsNamed_data(); }
    void everyControlIsReachedByTab();
    void listReadsLineByLine();
    void followsPaletteAndFont();
    void dayViewMovesByAgent();
    void menusShowEveryCommandAndShortcut();
    void motifEditorShowsTheTextColour_data();
    void motifEditorShowsTheTextColour();

private:
    std::unique_ptr<QWidget> make(const QString &which);
    Rdv aminasRdv() const;

    QTemporaryDir m_data;
    std::unique_ptr<desktop::EmbeddedServer> m_server;
    std::unique_ptr<client::SyncClient> m_client;
    std::unique_ptr<ui::AgendaSource> m_source;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestAccessibility::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(*QCoreApplication::instance(), QStringLiteral("fr"));
    QAccessible::installUpdateHandler(recordEvent);
    // What a screen reader's bridge does when it starts listening; without it Qt sends no event
    // (the offscreen platform has no assistive technology to wait for).
    QPlatformAccessibility *platform =
        QGuiApplicationPrivate::platformIntegration()->accessibility();
    QVERIFY(platform);
    platform->setActive(true);
    QVERIFY(QAccessible::isActive());
    m_server = std::make_unique<desktop::EmbeddedServer>(m_data.path());
    QVERIFY2(m_server->start(true), qPrintable(m_server->errorString()));
    QString error;
    m_client = desktop::connectToEmbedded(*m_server, m_data.path(), &error);
    QVERIFY2(m_client, qPrintable(error));
    m_source = std::make_unique<ui::AgendaSource>(m_client.get());
    m_window = std::make_unique<ui::MainWindow>(m_source.get(), m_server->publicUrl());
    m_window->resize(1280, 760);
    m_window->setMode(ui::AgendaView::Mode::Week);
    m_window->setEmbeddedEndpoint(m_server->localUrl(), m_data.path());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestAccessibility::cleanup()
{
    g_events.clear();
}

Rdv TestAccessibility::aminasRdv() const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const Rdv &rdv : m_source->rdvsBetween(now - 86400, now + 14 * 86400))
        if (rdv.createdBy == CreatedBy::Prescripteur)
            return rdv;
    return {};
}

std::unique_ptr<QWidget> TestAccessibility::make(const QString &which)
{
    ui::AgendaSource *s = m_source.get();
    QWidget *parent = m_window.get();
    const Id me = m_source->agents().constFirst().id;
    if (which == QLatin1String("motifs"))
        return std::make_unique<ui::MotifDialog>(s, parent);
    if (which == QLatin1String("lieux"))
        return std::make_unique<ui::LieuDialog>(s, parent);
    if (which == QLatin1String("plages"))
        return std::make_unique<ui::PlageDialog>(s, parent);
    if (which == QLatin1String("absences"))
        return std::make_unique<ui::AbsenceDialog>(s, parent);
    if (which == QLatin1String("usagers"))
        return std::make_unique<ui::UsagersDialog>(s, parent);
    if (which == QLatin1String("new appointment"))
        return std::make_unique<ui::NewRdvDialog>(
            s, me, QDateTime(QDate::currentDate().addDays(1), QTime(10, 0), s->timeZone()), me,
            parent);
    if (which == QLatin1String("share"))
        return std::make_unique<ui::ShareDialog>(s->organisation().name, m_window->partnerLink(),
                                                 m_window->publicLink(), parent);
    if (which == QLatin1String("booking link"))
        return std::make_unique<ui::BookingLinkDialog>(m_data.path(), parent);
    if (which == QLatin1String("calendar settings"))
        return std::make_unique<ui::CalendarSettingsDialog>(QUrl(m_server->localUrl()), QString(),
                                                            parent);
    return {};
}

void TestAccessibility::everyFocusableObjectIsNamed_data()
{
    QTest::addColumn<QString>("which");
    for (const char *name : {"main window", "motifs", "lieux", "plages", "absences", "usagers",
                             "new appointment", "share", "booking link", "calendar settings"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestAccessibility::everyFocusableObjectIsNamed()
{
    QFETCH(QString, which);
    std::unique_ptr<QWidget> dialog = make(which);
    QWidget *widget = dialog ? dialog.get() : m_window.get();
    if (dialog) {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
    } else {
        // With an appointment shown, the panel's actions are enabled and in the tree too.
        m_window->showRdv(aminasRdv().id);
    }
    QStringList unnamed;
    int focusable = 0;
    collectUnnamed(QAccessible::queryAccessibleInterface(widget), QString(), &unnamed, &focusable);
    QVERIFY2(focusable >= 3, qPrintable(QString::number(focusable)));
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral("\n"))));
}

void TestAccessibility::agendaIsATableOfTheDemo()
{
    const Rdv amina = aminasRdv();
    QVERIFY(amina.id);
    const QDateTime start = QDateTime::fromSecsSinceEpoch(amina.startsAt, m_source->timeZone());
    m_window->setMode(ui::AgendaView::Mode::Week);
    m_window->setCurrentDate(start.date());

    QAccessibleInterface *table = QAccessible::queryAccessibleInterface(m_window->agendaView());
    QVERIFY(table);
    QCOMPARE(table->role(), QAccessible::Table);
    QCOMPARE(table->text(QAccessible::Name), QStringLiteral("Agenda"));
    QAccessibleTableInterface *t = table->tableInterface();
    QVERIFY(t);
    QCOMPARE(t->columnCount(), 6); // Monday to Saturday
    const QLocale fr(QLocale::French, QLocale::France);
    const int column = start.date().dayOfWeek() - 1;
    QCOMPARE(t->columnDescription(column),
             fr.toString(start.date(), QStringLiteral("dddd d MMMM")));

    const QString expected = fr.toString(start.date(), QStringLiteral("dddd d MMMM")) +
                             QStringLiteral(", ") + said(start.time()) + QStringLiteral(" à ") +
                             said(start.time().addSecs(amina.durationMinutes * 60)) +
                             QStringLiteral(", Amina Diallo, Accompagnement RSA, pris par un "
                                            "prescripteur");
    QAccessibleInterface *found = nullptr;
    int appointments = 0;
    int free = 0;
    QStringList names;
    for (int i = 0; i < table->childCount(); ++i) {
        QAccessibleInterface *cell = table->child(i);
        QVERIFY(cell && cell->isValid());
        QCOMPARE(cell->role(), QAccessible::Cell);
        QCOMPARE(cell->parent(), table);
        QCOMPARE(table->indexOfChild(cell), i);
        // Times are written as everywhere else (models/frenchformat: « 10 h 30 » with no-break
        // spaces); a screen reader says them the same with plain ones.
        const QString name = cell->text(QAccessible::Name).replace(QChar(0x00A0), u' ');
        names << name;
        if (name == expected)
            found = cell;
        if (name.endsWith(QStringLiteral(", libre")))
            ++free;
        else
            ++appointments;
    }
    QVERIFY2(found,
             qPrintable(expected + QStringLiteral("\n not in:\n") + names.join(QLatin1Char('\n'))));
    QCOMPARE(appointments, m_window->model()->rowCount()); // every appointment of the week
    QVERIFY(free >= 5); // the demo's opening ranges, around the appointments
    QAccessibleTableCellInterface *cell = found->tableCellInterface();
    QVERIFY(cell);
    QCOMPARE(cell->columnIndex(), column);
    QCOMPARE(t->cellAt(cell->rowIndex(), cell->columnIndex()), found);
    // Where it is drawn, and found again from there.
    const QRect r = found->rect();
    QVERIFY(!r.isEmpty());
    QCOMPARE(table->childAt(r.center().x(), r.center().y()), found);
    QVERIFY(found->actionInterface());
    QVERIFY(found->actionInterface()->actionNames().contains(
        QAccessibleActionInterface::pressAction()));
}

void TestAccessibility::movingIsAnnounced()
{
    const Rdv amina = aminasRdv();
    m_window->setMode(ui::AgendaView::Mode::Week);
    m_window->showRdv(0);
    m_window->agendaView()->setSelectedRdv(0);
    m_window->setCurrentDate(
        QDateTime::fromSecsSinceEpoch(amina.startsAt, m_source->timeZone()).date());
    ui::AgendaView *view = m_window->agendaView();
    QApplication::setActiveWindow(m_window.get());
    view->setFocus();
    QVERIFY(QTest::qWaitFor([view] { return view->hasFocus(); }));
    g_events.clear();

    const auto lastAnnounced = [view](QAccessible::Event type) -> QString {
        for (auto it = g_events.crbegin(); it != g_events.crend(); ++it)
            if (it->type == type && it->object == view && it->child >= 0) {
                QAccessibleInterface *table = QAccessible::queryAccessibleInterface(view);
                QAccessibleInterface *cell = table->child(it->child);
                return cell ? cell->text(QAccessible::Name) : QString();
            }
        return {};
    };
    // Down with nothing current: the week's first appointment, announced and focused.
    QTest::keyClick(view, Qt::Key_Down);
    QVERIFY(view->selectedRdv());
    const QString first = lastAnnounced(QAccessible::Focus);
    QVERIFY2(!first.isEmpty(), "no focus event for the agenda's cell");
    QCOMPARE(lastAnnounced(QAccessible::Selection), first);
    QAccessibleInterface *table = QAccessible::queryAccessibleInterface(view);
    QVERIFY(table->focusChild());
    QCOMPARE(table->focusChild()->text(QAccessible::Name), first);
    QVERIFY(table->focusChild()->state().focused);
    QCOMPARE(table->tableInterface()->selectedCellCount(), 1);

    // Down again: the next cell of the day (a free time or an appointment), announced.
    QTest::keyClick(view, Qt::Key_Down);
    const QString next = lastAnnounced(QAccessible::Focus);
    QVERIFY(!next.isEmpty());
    QVERIFY(next != first);
    QVERIFY(next.startsWith(first.section(QLatin1Char(','), 0, 0))); // the same day
    // Right: the next day, at about the same time.
    QTest::keyClick(view, Qt::Key_Right);
    const QString nextDay = lastAnnounced(QAccessible::Focus);
    QVERIFY(!nextDay.isEmpty());
    QVERIFY2(nextDay.section(QLatin1Char(','), 0, 0) != next.section(QLatin1Char(','), 0, 0),
             qPrintable(nextDay));
}

void TestAccessibility::panelSaysEachLabelOnce()
{
    m_window->showRdv(aminasRdv().id);
    ui::RdvPanel *panel = m_window->panel();
    QStringList descriptions;
    int captions = 0;
    for (QLabel *label : panel->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(panel) || !label->buddy())
            continue;
        ++captions;
        // The caption is said once, by itself; the value by its own text, labelled by the
        // caption, and described as whose it is.
        const QString caption = label->text().remove(QLatin1Char('&'));
        QAccessibleInterface *value = QAccessible::queryAccessibleInterface(label->buddy());
        const QString name = value->text(QAccessible::Name);
        QVERIFY2(name != caption, qPrintable(caption + QStringLiteral(" said twice")));
        // The links' text, for the prescripteur's e-mail and phone.
        const auto *shown = static_cast<QLabel *>(label->buddy());
        QCOMPARE(name, shown->textFormat() == Qt::RichText
                           ? QTextDocumentFragment::fromHtml(shown->text()).toPlainText()
                           : shown->text());
        const QString description = value->text(QAccessible::Description);
        QVERIFY2(description.contains(caption, Qt::CaseInsensitive),
                 qPrintable(caption + QStringLiteral(" / ") + description));
        descriptions << description;
        bool related = false;
        for (const auto &[other, relation] : value->relations(QAccessible::Label))
            related = related || other->object() == label;
        QVERIFY2(related, qPrintable(caption));
    }
    QVERIFY(captions >= 10);
    // « Téléphone » for both the usager and the prescripteur: told apart.
    QCOMPARE(QSet<QString>(descriptions.cbegin(), descriptions.cend()).size(), descriptions.size());
    QCOMPARE(QAccessible::queryAccessibleInterface(
                 panel->findChild<QLabel *>(QStringLiteral("usagerNameLabel")))
                 ->text(QAccessible::Name),
             QStringLiteral("Amina Diallo"));
}

// Tab from the first control goes round every visible, enabled control that takes Tab, each
// once, before coming back: nothing is out of the keyboard's reach and nothing traps it. (A date
// edit's sections and a label's links take Tab a few times in a row: that is moving inside.)
void TestAccessibility::everyControlIsReachedByTab()
{
    QFETCH(QString, which);
    std::unique_ptr<QWidget> dialog = make(which);
    QWidget *window = dialog ? dialog.get() : m_window.get();
    if (dialog)
        dialog->show();
    else
        m_window->showRdv(aminasRdv().id);
    QApplication::setActiveWindow(window);
    QVERIFY(QTest::qWaitForWindowActive(window));
    QSet<QWidget *> expected;
    for (QWidget *w : window->findChildren<QWidget *>())
        if (w->isVisibleTo(window) && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) &&
            !w->focusProxy() && w->window() == window)
            expected << w;
    QWidget *first = window->focusWidget();
    QVERIFY(first);
    QSet<QWidget *> seen{first};
    QWidget *w = first;
    bool round = false;
    for (int i = 0; i < 200 && !round; ++i) {
        QWidget *previous = w;
        QTest::keyClick(w, Qt::Key_Tab);
        w = QApplication::focusWidget();
        QVERIFY(w);
        round = w == first && previous != first;
        if (round || w == previous)
            continue;
        QVERIFY2(!seen.contains(w), qPrintable(w->objectName() + QStringLiteral(" twice")));
        seen << w;
    }
    round = round || (seen.size() == 1 && expected.size() <= 1); // one control: Tab stays on it
    QVERIFY2(round, qPrintable(QStringLiteral("Tab stays in ") + w->objectName() +
                               QLatin1Char(' ') + w->metaObject()->className()));
    QStringList missed;
    for (QWidget *m : expected)
        if (!seen.contains(m))
            missed << (m->objectName().isEmpty() ? QString::fromLatin1(m->metaObject()->className())
                                                 : m->objectName());
    QVERIFY2(missed.isEmpty(), qPrintable(missed.join(QStringLiteral(", "))));
}

// « Liste »: the same appointments as a table a screen reader reads line by line, sortable.
void TestAccessibility::listReadsLineByLine()
{
    const Rdv amina = aminasRdv();
    m_window->setMode(ui::AgendaView::Mode::Week);
    m_window->setCurrentDate(
        QDateTime::fromSecsSinceEpoch(amina.startsAt, m_source->timeZone()).date());
    QApplication::setActiveWindow(m_window.get());
    QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
    auto *list = m_window->findChild<ui::AgendaListView *>(QStringLiteral("agendaListView"));
    QVERIFY(list && list->isVisible());
    QAccessibleInterface *table = QAccessible::queryAccessibleInterface(list);
    QVERIFY(table->tableInterface());
    QCOMPARE(table->tableInterface()->rowCount(), m_window->model()->rowCount());
    QCOMPARE(table->tableInterface()->columnCount(), int(ui::AgendaListView::ColumnCount));
    QStringList lines;
    for (int row = 0; row < table->tableInterface()->rowCount(); ++row) {
        QStringList cells;
        for (int c = 0; c < table->tableInterface()->columnCount(); ++c)
            cells << table->tableInterface()->cellAt(row, c)->text(QAccessible::Name);
        lines << cells.join(QStringLiteral(" | "));
    }
    QVERIFY2(lines.filter(QStringLiteral("Amina Diallo")).size() == 1,
             qPrintable(lines.join('\n')));
    QVERIFY(lines.filter(QStringLiteral("Amina Diallo"))
                .first()
                .contains(QStringLiteral("Prescripteur : Nathalie Roux")));
    // Sorted by usager, descending: Jean Dupont before Amina Diallo.
    list->sortByColumn(ui::AgendaListView::UsagerColumn, Qt::DescendingOrder);
    QCOMPARE(list->shownModel()->index(0, ui::AgendaListView::UsagerColumn).data().toString(),
             QStringLiteral("Jean Dupont"));
    // The selection is shared with the grid, and Enter opens the appointment.
    list->setFocus();
    list->setSelectedRdv(amina.id);
    QCOMPARE(list->selectedRdv(), amina.id);
    QTest::keyClick(list, Qt::Key_Up); // Jean Dupont
    QCOMPARE(m_window->panel()->rdvId(), list->selectedRdv());
    QTest::keyClick(list, Qt::Key_Down); // Amina Diallo again
    QCOMPARE(m_window->agendaView()->selectedRdv(), amina.id);
    QCOMPARE(m_window->panel()->rdvId(), amina.id);
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("seenButton"));
    QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
    QVERIFY(m_window->agendaView()->isVisible());
}

// A high-contrast palette is drawn as given; a larger font makes the headings taller.
void TestAccessibility::followsPaletteAndFont()
{
    m_window->setMode(ui::AgendaView::Mode::Week);
    ui::AgendaView *view = m_window->agendaView();
    QPalette dark = view->palette();
    dark.setColor(QPalette::Base, Qt::black);
    dark.setColor(QPalette::Text, Qt::white);
    dark.setColor(QPalette::WindowText, Qt::white);
    view->setPalette(dark);
    const QImage shot = view->grab().toImage();
    // The corner above the hours is background only.
    QCOMPARE(QColor(shot.pixel(3, 3)), QColor(Qt::black));
    int light = 0;
    for (int y = 0; y < shot.height(); y += 4)
        for (int x = 0; x < 40; ++x)
            light += qGray(shot.pixel(x, y)) > 200; // the hours, in white
    QVERIFY(light > 20);
    view->setPalette(QPalette());

    const double before = view->columnRect(0).top();
    QFont big = view->font();
    big.setPointSizeF(big.pointSizeF() * 2);
    view->setFont(big);
    QVERIFY2(view->columnRect(0).top() > before,
             qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(view->columnRect(0).top())));
    view->setFont(QFont());
}

// In the day view the columns are the agents: Right goes to the next agent at the same time.
void TestAccessibility::dayViewMovesByAgent()
{
    const Rdv amina = aminasRdv();
    const QDateTime start = QDateTime::fromSecsSinceEpoch(amina.startsAt, m_source->timeZone());
    m_window->setCurrentDate(start.date());
    m_window->setMode(ui::AgendaView::Mode::Day);
    ui::AgendaView *view = m_window->agendaView();
    QVERIFY(view->grid().columnCount() >= 2);
    view->setSelectedRdv(amina.id);
    const int column = view->currentColumn();
    QVERIFY(column >= 0);
    QApplication::setActiveWindow(m_window.get());
    view->setFocus();
    g_events.clear();
    const int key = column + 1 < view->grid().columnCount() ? Qt::Key_Right : Qt::Key_Left;
    QTest::keyClick(view, Qt::Key(key));
    QCOMPARE(view->currentColumn(), column + (key == Qt::Key_Right ? 1 : -1));
    const QString agent = view->grid().columns().at(view->currentColumn()).agentName;
    QAccessibleInterface *table = QAccessible::queryAccessibleInterface(view);
    QAccessibleInterface *cell = table->focusChild();
    QVERIFY(cell);
    // The same day, another agent, and the agent is said.
    QVERIFY2(cell->text(QAccessible::Name).contains(agent),
             qPrintable(cell->text(QAccessible::Name)));
    QCOMPARE(table->tableInterface()->columnDescription(view->currentColumn()), agent);
    const auto *current = view->grid().cell(view->currentColumn(), view->currentIndex());
    QVERIFY(current->start <= amina.startsAt + 4 * 3600 &&
            current->end >= amina.startsAt - 4 * 3600);
    bool focusEvent = false;
    for (const RecordedEvent &e : std::as_const(g_events))
        focusEvent = focusEvent || (e.type == QAccessible::Focus && e.object == view);
    QVERIFY(focusEvent);
    m_window->setMode(ui::AgendaView::Mode::Week);
}

// The menu bar: Fichier, Affichage, Rendez-vous, Administration, Aide, with the shortcuts shown,
// and the toolbar runs the same actions.
void TestAccessibility::menusShowEveryCommandAndShortcut()
{
    QStringList titles;
    for (QAction *menu : m_window->menuBar()->actions())
        titles << menu->text().remove(QLatin1Char('&'));
    QCOMPARE(titles, QStringList({QStringLiteral("Fichier"), QStringLiteral("Affichage"),
                                  QStringLiteral("Rendez-vous"), QStringLiteral("Administration"),
                                  QStringLiteral("Aide")}));
    const auto action = [this](const char *name) {
        return m_window->findChild<QAction *>(QString::fromLatin1(name));
    };
    QCOMPARE(action("actionNewRdv")->shortcut(), QKeySequence(QKeySequence::New));
    QCOMPARE(action("actionToday")->shortcut(), QKeySequence(QStringLiteral("Ctrl+T")));
    QCOMPARE(action("actionPrevious")->shortcut(), QKeySequence(Qt::ALT | Qt::Key_Left));
    QCOMPARE(action("actionNext")->shortcut(), QKeySequence(Qt::ALT | Qt::Key_Right));
    QVERIFY(action("actionAbout"));
    QCOMPARE(action("actionAbout")->text().remove(QLatin1Char('&')),
             QStringLiteral("À propos de Créneau"));
    for (const char *admin : {"actionMotifs", "actionLieux", "actionPlages", "actionAbsences"})
        QVERIFY(m_window->findChild<QMenu *>(QStringLiteral("adminMenu"))
                    ->actions()
                    .contains(action(admin)));
    // The toolbar's « ▶ » is the menu's « Suivant »: one action, two places.
    auto *next = m_window->findChild<QToolButton *>(QStringLiteral("nextButton"));
    QCOMPARE(next->defaultAction(), action("actionNext"));
    QCOMPARE(next->text(), QStringLiteral("▶"));
    QCOMPARE(QAccessible::queryAccessibleInterface(next)->text(QAccessible::Name),
             QStringLiteral("Suivant"));
    // The panel's actions are the Appointment menu's.
    QMenu *rdvMenu = m_window->findChild<QMenu *>(QStringLiteral("rdvMenu"));
    QVERIFY(rdvMenu->actions().contains(action("actionCancelRdv")));
    QVERIFY(rdvMenu->actions().contains(action("actionMoveRdv")));
}

void TestAccessibility::motifEditorShowsTheTextColour_data()
{
    QTest::addColumn<QString>("colour");
    QTest::addColumn<bool>("white");
    QTest::addRow("dark blue") << QStringLiteral("#1565c0") << true;
    QTest::addRow("yellow") << QStringLiteral("#ffdd00") << false;
    QTest::addRow("orange") << QStringLiteral("#f08000") << false;
}

void TestAccessibility::motifEditorShowsTheTextColour()
{
    QFETCH(QString, colour);
    QFETCH(bool, white);
    std::unique_ptr<QWidget> dialog = make(QStringLiteral("motifs"));
    dialog->show();
    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("colorEdit"));
    edit->setText(colour);
    auto *sample = dialog->findChild<QLabel *>(QStringLiteral("colorContrastLabel"));
    QVERIFY(sample->isVisible());
    QCOMPARE(sample->text().startsWith(QStringLiteral("Texte en blanc")), white);
    QVERIFY(sample->styleSheet().contains(white ? QStringLiteral("color:#ffffff")
                                                : QStringLiteral("color:#000000")));
    if (!white)
        QVERIFY(sample->text().contains(QStringLiteral("difficile à lire")));
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
