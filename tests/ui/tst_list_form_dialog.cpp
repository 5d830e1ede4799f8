// ListFormDialog, the administration dialogs' skeleton, over a fake row set: selecting a row loads
// it, « New » empties the form and focuses its first field, a refusal (the dialog's own check or
// the server's) keeps the typed values and shows the message next to its field, an applied save
// lists the rows again with the saved one selected. The server's answers are the AgendaSource
// signals a real answer raises, sent here by the test.
#include "embeddeddesk.h"
#include "testorganisation.h"
#include "ui/listformdialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QtTest>

using namespace creneau;

namespace {

// A row of the fake set: what the form edits.
struct Thing
{
    Id id = 0;
    QString name;
    QString code;
    bool archived = false;
};

// Two fields, « name » (required here) and « code »; save() sends nothing to the server, it
// records what it would have sent and returns a key of its own.
class ThingDialog : public ui::ListFormDialog
{
public:
    ThingDialog(ui::AgendaSource *source, QList<Thing> *things)
        : ListFormDialog(source, {"thingDialog", "thingList", "newThingButton", "saveThingButton"},
                         QStringLiteral("Things"), QStringLiteral("New thing"), nullptr),
          m_things(things)
    {
        m_name = named(new QLineEdit(formBox()), "thingNameEdit");
        m_code = named(new QLineEdit(formBox()), "thingCodeEdit");
        addField(QStringLiteral("Name"), m_name, QStringLiteral("name"));
        addField(QStringLiteral("Code"), m_code, QStringLiteral("code"));
        finishLayout();
    }

    bool save() override
    {
        Thing thing = m_current;
        thing.name = m_name->text();
        thing.code = m_code->text();
        FieldErrors errors;
        if (thing.name.isEmpty())
            errors.insert(QStringLiteral("name"), QStringLiteral("Ce champ est obligatoire."));
        return submit(errors, [&] {
            sent = thing;
            return QStringLiteral("thing-%1").arg(++m_keys);
        });
    }

    std::optional<Thing> sent;

private:
    QList<Row> rows() const override
    {
        QList<Row> rows;
        for (const Thing &t : *m_things)
            rows.append({t.id, t.name, t.archived, {}});
        return rows;
    }
    void loadRow(Id id) override
    {
        for (const Thing &t : *m_things)
            if (t.id == id)
                load(t);
    }
    void loadNew() override { load({}); }
    void load(const Thing &thing)
    {
        m_current = thing;
        m_name->setText(thing.name);
        m_code->setText(thing.code);
    }

    QList<Thing> *m_things;
    Thing m_current;
    QLineEdit *m_name;
    QLineEdit *m_code;
    int m_keys = 0;
};

QList<Thing> threeThings()
{
    return {{1, QStringLiteral("Alpha"), QStringLiteral("A1")},
            {2, QStringLiteral("Beta"), QStringLiteral("B2")},
            {3, QStringLiteral("Gamma"), QStringLiteral("G3"), true}};
}

template <typename W> W *child(QWidget *parent, const char *name)
{
    auto *w = parent->findChild<W *>(QLatin1String(name));
    if (!w)
        qFatal("no %s", name);
    return w;
}

} // namespace

class TestListFormDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void selectingARowLoadsIt_data();
    void selectingARowLoadsIt();
    void clickingARowLoadsIt();
    void newClearsAndFocusesTheFirstField();
    void noRowsStartsANewOne();
    void refusalKeepsTheTypedValues_data();
    void refusalKeepsTheTypedValues();
    void appliedSaveSelectsTheSavedRow_data();
    void appliedSaveSelectsTheSavedRow();

private:
    std::unique_ptr<test::TestOrganisation> m_org;
    std::unique_ptr<test::EmbeddedDesk> m_desk;
};

void TestListFormDialog::initTestCase()
{
    m_org = std::make_unique<test::TestOrganisation>();
    m_desk = std::make_unique<test::EmbeddedDesk>(*m_org, m_org->agent.id);
    QVERIFY2(m_desk->start(), qPrintable(m_desk->error()));
}

void TestListFormDialog::cleanupTestCase()
{
    m_desk.reset();
    m_org.reset();
}

void TestListFormDialog::selectingARowLoadsIt_data()
{
    QTest::addColumn<Id>("select");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("code");
    QTest::addRow("none: the first") << Id(0) << 0 << "Alpha"
                                     << "A1";
    QTest::addRow("the second") << Id(2) << 1 << "Beta"
                                << "B2";
    QTest::addRow("an archived one") << Id(3) << 2 << "Gamma"
                                     << "G3";
    QTest::addRow("one not listed: a new one") << Id(99) << -1 << ""
                                               << "";
}

void TestListFormDialog::selectingARowLoadsIt()
{
    QFETCH(Id, select);
    QFETCH(int, row);
    QFETCH(QString, name);
    QFETCH(QString, code);
    QList<Thing> things = threeThings();
    ThingDialog dialog(&m_desk->source(), &things);
    dialog.show();
    auto *list = child<QListWidget>(&dialog, "thingList");
    QCOMPARE(list->accessibleName(), QStringLiteral("Things"));
    QCOMPARE(list->count(), 3);
    QCOMPARE(list->item(0)->text(), QStringLiteral("Alpha"));
    QCOMPARE(list->item(2)->text(), QStringLiteral("Gamma (archived)"));
    QCOMPARE(list->item(2)->data(Qt::UserRole).toLongLong(), Id(3));

    dialog.select(select);
    QCOMPARE(list->currentRow(), row);
    QCOMPARE(child<QLineEdit>(&dialog, "thingNameEdit")->text(), name);
    QCOMPARE(child<QLineEdit>(&dialog, "thingCodeEdit")->text(), code);
}

void TestListFormDialog::clickingARowLoadsIt()
{
    QList<Thing> things = threeThings();
    ThingDialog dialog(&m_desk->source(), &things);
    dialog.show();
    auto *list = child<QListWidget>(&dialog, "thingList");
    auto *name = child<QLineEdit>(&dialog, "thingNameEdit");
    name->clear();
    QVERIFY(!dialog.save()); // a message shown next to the name...
    QVERIFY(child<QLabel>(&dialog, "thingNameEditError")->isVisible());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(1)).center());
    QCOMPARE(list->currentRow(), 1);
    QCOMPARE(name->text(), QStringLiteral("Beta"));
    // ...and gone with the values it was about.
    QVERIFY(!child<QLabel>(&dialog, "thingNameEditError")->isVisible());
}

void TestListFormDialog::newClearsAndFocusesTheFirstField()
{
    QList<Thing> things = threeThings();
    ThingDialog dialog(&m_desk->source(), &things);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *list = child<QListWidget>(&dialog, "thingList");
    list->setFocus();
    dialog.select(2);
    QTest::mouseClick(child<QPushButton>(&dialog, "newThingButton"), Qt::LeftButton);
    QCOMPARE(list->currentRow(), -1);
    QVERIFY(list->selectedItems().isEmpty());
    QCOMPARE(child<QLineEdit>(&dialog, "thingNameEdit")->text(), QString());
    QCOMPARE(child<QLineEdit>(&dialog, "thingCodeEdit")->text(), QString());
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(&dialog, "thingNameEdit"));
}

void TestListFormDialog::noRowsStartsANewOne()
{
    QList<Thing> none;
    ThingDialog dialog(&m_desk->source(), &none);
    dialog.show();
    QCOMPARE(child<QListWidget>(&dialog, "thingList")->count(), 0);
    QCOMPARE(dialog.focusWidget(), child<QLineEdit>(&dialog, "thingNameEdit"));
    child<QLineEdit>(&dialog, "thingNameEdit")->setText(QStringLiteral("Delta"));
    QVERIFY(dialog.save());
    QCOMPARE(dialog.sent->id, Id(0)); // a new row: no id yet
}

void TestListFormDialog::refusalKeepsTheTypedValues_data()
{
    QTest::addColumn<bool>("byTheServer");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::addRow("the dialog's check") << false << ""
                                        << "name"
                                        << "Ce champ est obligatoire.";
    QTest::addRow("the server, on the name") << true << "Alpha"
                                             << "name"
                                             << "Ce nom est déjà pris.";
    QTest::addRow("the server, on the code") << true << "Alpha"
                                             << "code"
                                             << "Ce code n'est pas valide.";
}

void TestListFormDialog::refusalKeepsTheTypedValues()
{
    QFETCH(bool, byTheServer);
    QFETCH(QString, name);
    QFETCH(QString, field);
    QFETCH(QString, message);
    QList<Thing> things = threeThings();
    ThingDialog dialog(&m_desk->source(), &things);
    dialog.show();
    dialog.select(2);
    QSignalSpy changed(&dialog, &ui::ListFormDialog::catalogChanged);
    child<QLineEdit>(&dialog, "thingNameEdit")->setText(name);
    child<QLineEdit>(&dialog, "thingCodeEdit")->setText(QStringLiteral("Z9"));

    QCOMPARE(dialog.save(), byTheServer);
    QCOMPARE(changed.count(), byTheServer ? 1 : 0);
    if (byTheServer) {
        QCOMPARE(dialog.sent->id, Id(2));
        emit m_desk->source().changeRejected(QStringLiteral("thing-1"), message,
                                             {{field, message}});
    }
    const auto *label = child<QLabel>(
        &dialog, field == QLatin1String("name") ? "thingNameEditError" : "thingCodeEditError");
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), message);
    const auto *other = child<QLabel>(
        &dialog, field == QLatin1String("name") ? "thingCodeEditError" : "thingNameEditError");
    QVERIFY(!other->isVisible());
    // The values stay as typed, on the row being edited.
    QCOMPARE(child<QLineEdit>(&dialog, "thingNameEdit")->text(), name);
    QCOMPARE(child<QLineEdit>(&dialog, "thingCodeEdit")->text(), QStringLiteral("Z9"));
    QCOMPARE(child<QListWidget>(&dialog, "thingList")->currentRow(), 1);
}

void TestListFormDialog::appliedSaveSelectsTheSavedRow_data()
{
    QTest::addColumn<Id>("edited"); // 0: a new row
    QTest::addColumn<Id>("savedAs");
    QTest::addColumn<int>("row");
    QTest::addRow("a new row") << Id(0) << Id(7) << 3;
    QTest::addRow("an existing row") << Id(2) << Id(2) << 1;
}

void TestListFormDialog::appliedSaveSelectsTheSavedRow()
{
    QFETCH(Id, edited);
    QFETCH(Id, savedAs);
    QFETCH(int, row);
    QList<Thing> things = threeThings();
    ThingDialog dialog(&m_desk->source(), &things);
    dialog.show();
    if (edited)
        dialog.select(edited);
    else
        dialog.startNew();
    child<QLineEdit>(&dialog, "thingNameEdit")->setText(QStringLiteral("Delta"));
    child<QLineEdit>(&dialog, "thingCodeEdit")->setText(QStringLiteral("D4"));
    QVERIFY(dialog.save());
    QCOMPARE(dialog.sent->id, edited);

    // What the server keeps (here, a code it writes in its own way) reaches the row set, then
    // the answer comes: done, and the change feed applied.
    Thing kept = *dialog.sent;
    kept.id = savedAs;
    kept.code = QStringLiteral("d-4");
    if (edited)
        things[row] = kept;
    else
        things.append(kept);
    // Before the feed brought the row in, the form still shows what was typed.
    emit m_desk->source().changeDone(QStringLiteral("thing-1"), savedAs, 0);
    QCOMPARE(child<QLineEdit>(&dialog, "thingCodeEdit")->text(), QStringLiteral("D4"));
    emit m_desk->source().changesApplied();

    auto *list = child<QListWidget>(&dialog, "thingList");
    QCOMPARE(list->count(), things.size());
    QCOMPARE(list->currentRow(), row);
    QCOMPARE(list->currentItem()->text(), QStringLiteral("Delta"));
    QCOMPARE(child<QLineEdit>(&dialog, "thingCodeEdit")->text(), QStringLiteral("d-4"));
}

QTEST_MAIN(TestListFormDialog)
#include "tst_list_form_dialog.moc"
