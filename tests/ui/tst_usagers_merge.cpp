// « Doublon possible » in the desktop: a usager created by a booking next to a stored one with
// the same name and phone is flagged in the usagers list and the appointment panel, and the
// list's merge action moves the appointment to the kept usager and removes the duplicate.
#include "embeddeddesk.h"
#include "models/rdvrepository.h"
#include "prescripteurbooking.h"
#include "translations/translator.h"
#include "ui/rdvpanel.h"
#include "ui/usagersdialog.h"
#include "ui/usagersearch.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QtTest>

using namespace creneau;

class TestUsagersMerge : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        installTranslations(*QCoreApplication::instance(), QStringLiteral("fr"));
    }

    void flaggedAndMerged()
    {
        test::PrescripteurBooking b;
        QVERIFY2(b.outcome.ok(), qPrintable(b.outcome.message));
        const Id booked = b.outcome.usager.id;
        // The same person stored earlier with an e-mail the booking did not type.
        Usager stored;
        stored.organisationId = b.org.org.id;
        stored.firstName = QStringLiteral("Léa");
        stored.lastName = QStringLiteral("Martin");
        stored.phone = QStringLiteral("0612345678");
        stored.email = QStringLiteral("lea.martin@example.fr");
        {
            WriteTransaction tx(*b.org.store);
            RdvRepository(*b.org.store).insert(stored, 0);
            tx.commit();
        }
        // An unrelated usager stays unflagged.
        Usager other = stored;
        other.firstName = QStringLiteral("Paul");
        {
            WriteTransaction tx(*b.org.store);
            RdvRepository(*b.org.store).insert(other, 0);
            tx.commit();
        }

        test::EmbeddedDesk desk(b.org, b.org.agent.id);
        QVERIFY2(desk.start(), qPrintable(desk.error()));
        ui::AgendaSource &source = desk.source();

        // The appointment panel says so next to the usager.
        ui::RdvPanel panel(&source);
        panel.showRdv(b.outcome.rdv.id);
        panel.show();
        auto *flag = panel.findChild<QLabel *>(QStringLiteral("usagerDuplicateLabel"));
        QVERIFY(flag && flag->isVisible());
        QVERIFY2(flag->text().contains(QStringLiteral("Doublon possible")),
                 qPrintable(flag->text()));
        QVERIFY(flag->text().contains(QStringLiteral("lea.martin@example.fr")));
        QVERIFY(panel.findChild<QPushButton *>(QStringLiteral("usagerMergeButton"))->isVisible());

        // The usagers list flags both records, not the other one.
        ui::UsagersDialog dialog(&source);
        dialog.show();
        dialog.search()->search(QStringLiteral("Martin"));
        QListWidget *list = dialog.search()->list();
        QCOMPARE(list->count(), 3);
        int storedRow = -1;
        for (int row = 0; row < list->count(); ++row) {
            const QListWidgetItem *item = list->item(row);
            const Id id = item->data(Qt::UserRole).toLongLong();
            const bool flagged = id == booked || id == stored.id;
            QCOMPARE(item->text().contains(QStringLiteral("doublon possible")), flagged);
            QCOMPARE(item->data(ui::UsagerSearch::kDuplicateRole).toBool(), flagged);
            if (id == stored.id)
                storedRow = row;
        }
        QVERIFY(storedRow >= 0);

        // Keep the stored record, merge the booking's usager into it.
        list->setCurrentRow(storedRow);
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("duplicateCombo"));
        auto *merge = dialog.findChild<QPushButton *>(QStringLiteral("mergeUsagerButton"));
        QVERIFY(combo && merge && merge->isVisible());
        QCOMPARE(combo->count(), 1);
        QCOMPARE(combo->currentData().toLongLong(), booked);
        bool asked = false;
        QTimer::singleShot(0, this, [&asked] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || box->objectName() != QLatin1String("mergeUsagersBox"))
                return;
            asked = true;
            box->button(QMessageBox::Yes)->click();
        });
        QTest::mouseClick(merge, Qt::LeftButton);
        QVERIFY(asked);
        QVERIFY(desk.settle());

        RdvRepository repo(*b.org.store);
        QVERIFY(!repo.usager(booked));
        QCOMPARE(repo.find(b.outcome.rdv.id)->usagerIds, QList<Id>{stored.id});
        QCOMPARE(repo.usager(stored.id)->birthDate, QDate(1980, 3, 14)); // filled from the other
        // The list follows: two rows, no flag, the kept usager's appointment shown.
        QTRY_COMPARE(list->count(), 2);
        for (int row = 0; row < list->count(); ++row)
            QVERIFY(!list->item(row)->text().contains(QStringLiteral("doublon possible")));
        QCOMPARE(dialog.search()->selectedUsager(), stored.id);
        QCOMPARE(dialog.findChild<QListWidget *>(QStringLiteral("usagerRdvList"))->count(), 1);
        QVERIFY(!merge->isVisible());
        panel.showRdv(b.outcome.rdv.id);
        QVERIFY(!flag->isVisible());
    }
};

QTEST_MAIN(TestUsagersMerge)
#include "tst_usagers_merge.moc"
