// Collective sessions on the desk, over the demo organisation served by the embedded endpoint:
// the agenda counts a session's participants (« n/12 »), a registration shows the live notice,
// the session panel lists each participant with their prescripteur's links, changes a status,
// removes one and adds one at the desk (a full session refused in French), and the session
// dialog creates one-off and weekly sessions that the agenda shows.
#include "embeddeddesk.h"
#include "models/booking.h"
#include "models/catalog.h"
#include "models/demodata.h"
#include "models/rdvrepository.h"
#include "models/sessionrepository.h"
#include "models/slotengine.h"
#include "translations/translator.h"
#include "ui/agendamodel.h"
#include "ui/mainwindow.h"
#include "ui/newrdvdialog.h"
#include "ui/sessiondialog.h"
#include "ui/sessionpanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

using namespace creneau;

namespace {

template <typename T> T *byRdv(QWidget *parent, const char *name, Id rdvId)
{
    for (T *w : parent->findChildren<T *>(QLatin1String(name)))
        if (w->property("rdvId").toLongLong() == rdvId && w->isVisibleTo(parent))
            return w;
    return nullptr;
}

// The model's row of `sessionId`, invalid if none.
QModelIndex rowOf(const ui::AgendaModel &model, Id sessionId)
{
    return model.indexOfRdv(ui::AgendaModel::sessionItemId(sessionId));
}

} // namespace

class TestSessionPanel : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<test::EmbeddedDesk> m_desk;
    Agent m_admin;
    Motif m_meeting;
    QList<CollectiveSession> m_sessions; // the demo's five, soonest first
    int m_registered = 0;

    BookingOutcome registerParticipant(Id sessionId)
    {
        ++m_registered;
        BookingRequest r;
        r.organisationId = m_admin.organisationId;
        r.motifId = m_meeting.id;
        r.sessionId = sessionId;
        r.bookedBy = CreatedBy::Prescripteur;
        r.prescripteur = {QStringLiteral("Paul"), QStringLiteral("Mairie"),
                          QStringLiteral("paul@mairie.example.fr"),
                          QStringLiteral("02 32 64 15 00")};
        r.usager.firstName = QStringLiteral("Léa");
        // Distinct people: names are letters only, phones mobile numbers.
        r.usager.lastName = QStringLiteral("Martin-") + QChar(u'a' + m_registered / 26) +
                            QChar(u'a' + m_registered % 26);
        r.usager.phone = QStringLiteral("0612%1").arg(m_registered, 6, 10, QLatin1Char('0'));
        SlotEngine engine(*m_store);
        const BookingOutcome out = BookingService(*m_store, engine).book(r);
        if (!out.ok())
            qWarning() << out.message << out.fields;
        return out;
    }
    int taken(Id sessionId) const { return SessionRepository(*m_store).taken(sessionId); }

private slots:
    void initTestCase();
    void modelCounts_data();
    void modelCounts();
    void panelWalk();
    void createSessions_data();
    void createSessions();
    void cleanupTestCase() { m_desk.reset(); }
};

void TestSessionPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(*QCoreApplication::instance(), QStringLiteral("fr"));
    const QString path = m_dir.filePath(QStringLiteral("creneau.sqlite"));
    m_store = Store::open(path);
    m_store->migrate();
    const Id org = demo::seedSmall(*m_store);
    QVERIFY(org);
    m_admin = Catalog(*m_store).agentByEmail(QString::fromLatin1(demo::kAdminEmail)).value();
    for (const Motif &m : Catalog(*m_store).motifs(org))
        if (m.isCollective())
            m_meeting = m;
    QCOMPARE(m_meeting.capacity, 12);
    m_sessions = SessionRepository(*m_store).upcoming(m_meeting.id, 0);
    QCOMPARE(m_sessions.size(), 5);
    m_desk = std::make_unique<test::EmbeddedDesk>(*m_store, m_dir.path(), path, org, m_admin.id);
    QVERIFY2(m_desk->start(), qPrintable(m_desk->error()));
}

void TestSessionPanel::modelCounts_data()
{
    QTest::addColumn<int>("session");
    QTest::addColumn<int>("booked");
    QTest::addColumn<int>("cancelled");
    QTest::newRow("none") << 2 << 0 << 0;
    QTest::newRow("three") << 3 << 3 << 0;
    QTest::newRow("three, one cancelled") << 4 << 3 << 1;
}

// Without a view: one row per session, its participants counted (cancelled ones not), none of
// them a row of its own.
void TestSessionPanel::modelCounts()
{
    QFETCH(int, session);
    QFETCH(int, booked);
    QFETCH(int, cancelled);
    const CollectiveSession s = m_sessions.at(session);
    QList<Id> participants;
    for (int i = 0; i < booked; ++i) {
        const BookingOutcome out = registerParticipant(s.id);
        QVERIFY2(out.ok(), qPrintable(out.message));
        participants << out.rdv.id;
    }
    SlotEngine engine(*m_store);
    for (int i = 0; i < cancelled; ++i)
        QVERIFY(BookingService(*m_store, engine)
                    .cancel(participants.at(i), Actor{Actor::Kind::Agent, m_admin.id, {}})
                    .ok());
    QVERIFY(m_desk->settle());

    ui::AgendaModel model(&m_desk->source());
    const QDate day = QDateTime::fromSecsSinceEpoch(s.startsAt, model.timeZone()).date();
    model.setPeriod(day, day);
    const QModelIndex row = rowOf(model, s.id);
    QVERIFY(row.isValid());
    const int expected = booked - cancelled;
    QCOMPARE(row.data(ui::AgendaModel::SessionIdRole).toLongLong(), s.id);
    QCOMPARE(row.data(ui::AgendaModel::PlacesTakenRole).toInt(), expected);
    QCOMPARE(row.data(ui::AgendaModel::CapacityRole).toInt(), 12);
    QCOMPARE(row.data(ui::AgendaModel::AgentIdsRole).value<QList<Id>>(), QList<Id>{m_admin.id});
    QVERIFY2(row.data().toString().endsWith(
                 QStringLiteral("Réunion d'information RSA %1/12").arg(expected)),
             qPrintable(row.data().toString()));
    for (const Id id : participants)
        QVERIFY(!model.indexOfRdv(id).isValid());
}

void TestSessionPanel::panelWalk()
{
    const CollectiveSession s = m_sessions.at(0);
    ui::MainWindow window(&m_desk->source(), QStringLiteral("http://127.0.0.1:1234"));
    window.show();
    window.showSession(s.id);
    ui::SessionPanel *panel = window.sessionPanel();
    QCOMPARE(panel->sessionId(), s.id);
    QVERIFY(panel->isVisible());
    QVERIFY(!window.panel()->isVisible());
    QCOMPARE(rowOf(*window.model(), s.id).data(ui::AgendaModel::PlacesTakenRole).toInt(), 0);
    QCOMPARE(panel->findChild<QLabel *>(QStringLiteral("sessionPlacesLabel"))->text(),
             QStringLiteral("0/12"));

    // A prescripteur registers someone: the count goes up and the live notice says so.
    const BookingOutcome web = registerParticipant(s.id);
    QVERIFY2(web.ok(), qPrintable(web.message));
    QTRY_VERIFY_WITH_TIMEOUT(window.banner()->isVisible(), 15000);
    QVERIFY2(window.banner()->text().contains(
                 QStringLiteral("Nouvelle inscription : %1 — Réunion d'information RSA (1/12)")
                     .arg(web.usager.fullName())),
             qPrintable(window.banner()->text()));
    QCOMPARE(rowOf(*window.model(), s.id).data(ui::AgendaModel::PlacesTakenRole).toInt(), 1);

    // Listed with their prescripteur's links, as the appointment panel shows them.
    QTRY_VERIFY(byRdv<QLabel>(panel, "participantName", web.rdv.id));
    QCOMPARE(byRdv<QLabel>(panel, "participantName", web.rdv.id)->text(), web.usager.fullName());
    const QString prescripteur =
        byRdv<QLabel>(panel, "participantPrescripteur", web.rdv.id)->text();
    QVERIFY2(prescripteur.contains(QStringLiteral("Paul Mairie")) &&
                 prescripteur.contains(QStringLiteral("href=\"mailto:paul@mairie.example.fr\"")) &&
                 prescripteur.contains(QStringLiteral("href=\"tel:0232641500\"")),
             qPrintable(prescripteur));

    // The status, changed at the desk, kept by the server.
    QComboBox *status = byRdv<QComboBox>(panel, "participantStatus", web.rdv.id);
    // Spoken by whose they are (accessible names), not only by their value.
    QCOMPARE(status->accessibleName(), QStringLiteral("Statut de %1").arg(web.usager.fullName()));
    QCOMPARE(byRdv<QPushButton>(panel, "removeParticipantButton", web.rdv.id)->accessibleName(),
             QStringLiteral("Retirer %1").arg(web.usager.fullName()));
    const int seen = status->findData(int(RdvStatus::Seen));
    status->setCurrentIndex(seen);
    emit status->activated(seen);
    QVERIFY(m_desk->settle());
    QCOMPARE(RdvRepository(*m_store).find(web.rdv.id)->status, RdvStatus::Seen);
    QTRY_COMPARE(byRdv<QComboBox>(panel, "participantStatus", web.rdv.id)->currentData().toInt(),
                 int(RdvStatus::Seen));

    // « Retirer », confirmed: the place is free again.
    QTimer::singleShot(0, this, [] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(QMessageBox::Yes)->click();
    });
    byRdv<QPushButton>(panel, "removeParticipantButton", web.rdv.id)->click();
    QVERIFY(m_desk->settle());
    QCOMPARE(RdvRepository(*m_store).find(web.rdv.id)->status, RdvStatus::Revoked);
    QCOMPARE(taken(s.id), 0);
    QTRY_COMPARE(rowOf(*window.model(), s.id).data(ui::AgendaModel::PlacesTakenRole).toInt(), 0);
    QTRY_VERIFY(!byRdv<QLabel>(panel, "participantName", web.rdv.id));

    // Added at the desk: a new usager in the booking dialog.
    bool filled = false;
    QTimer::singleShot(0, this, [&filled] {
        auto *dialog = qobject_cast<ui::NewRdvDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->findChild<QLineEdit *>(QStringLiteral("firstNameEdit"))->setText("Marc");
        dialog->findChild<QLineEdit *>(QStringLiteral("lastNameEdit"))->setText("Lenoir");
        dialog->findChild<QLineEdit *>(QStringLiteral("phoneEdit"))->setText("0611223344");
        dialog->findChild<QPushButton *>(QStringLiteral("bookButton"))->click();
        filled = true; // the dialog closes once the server registered them
    });
    panel->findChild<QPushButton *>(QStringLiteral("addParticipantButton"))->click();
    QVERIFY(filled);
    QVERIFY(m_desk->settle());
    QCOMPARE(taken(s.id), 1);
    const Rdv atDesk = RdvRepository(*m_store).ofSession(s.id).last();
    QCOMPARE(atDesk.createdBy, CreatedBy::Agent);
    QTRY_VERIFY(byRdv<QLabel>(panel, "participantName", atDesk.id));

    // Full: the panel says so, and the dialog refuses in French, what was typed kept.
    for (int i = 1; i < 11; ++i)
        QVERIFY(registerParticipant(s.id).ok());
    QVERIFY(m_desk->settle());

    // The last place taken on the web while the agent types: the server refuses, the dialog
    // stays open with the French message and what was typed.
    {
        ui::NewRdvDialog race(&m_desk->source(), m_admin.id, {}, 0);
        race.setSession(*m_desk->source().session(s.id));
        race.show();
        race.findChild<QLineEdit *>(QStringLiteral("firstNameEdit"))->setText("Inès");
        race.findChild<QLineEdit *>(QStringLiteral("lastNameEdit"))->setText("Tardive");
        QVERIFY(registerParticipant(s.id).ok()); // 12/12, not yet in the desk's cache
        race.findChild<QPushButton *>(QStringLiteral("bookButton"))->click();
        auto *error = race.findChild<QLabel *>(QStringLiteral("bookingError"));
        QVERIFY(!error->isVisible()); // queued: the cache did not know yet
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 15000);
        QCOMPARE(error->text(),
                 QStringLiteral("Cette session est complète : choisissez-en une autre."));
        QVERIFY(race.isVisible());
        QCOMPARE(race.findChild<QLineEdit *>(QStringLiteral("lastNameEdit"))->text(),
                 QStringLiteral("Tardive"));
        QVERIFY(race.findChild<QPushButton *>(QStringLiteral("bookButton"))->isEnabled());
    }
    QVERIFY(m_desk->settle());
    QTRY_COMPARE(panel->findChild<QLabel *>(QStringLiteral("sessionPlacesLabel"))->text(),
                 QStringLiteral("12/12 (complet)"));
    QVERIFY(!panel->findChild<QPushButton *>(QStringLiteral("addParticipantButton"))->isEnabled());
    ui::NewRdvDialog dialog(&m_desk->source(), m_admin.id, {}, 0);
    dialog.setSession(*m_desk->source().session(s.id));
    dialog.findChild<QLineEdit *>(QStringLiteral("firstNameEdit"))->setText("Zoé");
    dialog.findChild<QLineEdit *>(QStringLiteral("lastNameEdit"))->setText("Trop");
    QVERIFY(!dialog.book());
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("bookingError"))->text(),
             QStringLiteral("Cette session est complète : choisissez-en une autre."));
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("firstNameEdit"))->text(),
             QStringLiteral("Zoé"));
    QCOMPARE(taken(s.id), 12);

    // Cancelling the whole session, confirmed with a reason.
    QTimer::singleShot(0, this, [] {
        if (auto *input = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())) {
            input->setTextValue(QStringLiteral("Salle indisponible"));
            input->accept();
        }
    });
    panel->findChild<QPushButton *>(QStringLiteral("cancelSessionButton"))->click();
    QVERIFY(m_desk->settle());
    QVERIFY(SessionRepository(*m_store).find(s.id)->cancelled);
    QCOMPARE(taken(s.id), 0);
}

void TestSessionPanel::createSessions_data()
{
    QTest::addColumn<bool>("weekly");
    QTest::addColumn<bool>("exception");
    QTest::addColumn<int>("count");
    QTest::newRow("one-off") << false << false << 1;
    QTest::newRow("weekly x3") << true << false << 3;
    // create_session carries no exception dates: one command per occurrence left.
    QTest::newRow("weekly x3, one exception") << true << true << 2;
}

void TestSessionPanel::createSessions()
{
    QFETCH(bool, weekly);
    QFETCH(int, count);
    QFETCH(bool, exception);
    ui::MainWindow window(&m_desk->source(), QStringLiteral("http://127.0.0.1:1234"));
    // Reachable from the « Rendez-vous » menu, its shortcut shown, for administrators.
    auto *action = window.findChild<QAction *>(QStringLiteral("actionNewSession"));
    QVERIFY(action && action->isVisible());
    QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+N")));
    QVERIFY(window.findChild<QMenu *>(QStringLiteral("rdvMenu"))->actions().contains(action));

    // A Tuesday five weeks ahead (the demo's sessions are on Wednesdays), 14:00 or 16:00.
    const QDate today = QDate::currentDate();
    const QDate day = today.addDays(35 + (2 - today.dayOfWeek() + 7) % 7);
    const QTime time = exception ? QTime(17, 30) : weekly ? QTime(16, 0) : QTime(14, 0);
    ui::SessionDialog dialog(&m_desk->source(), QDateTime(day, time));
    auto *motif = dialog.findChild<QComboBox *>(QStringLiteral("sessionMotifCombo"));
    QCOMPARE(motif->count(), 1); // collective motifs only
    QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("sessionCapacitySpin"))->value(), 12);
    dialog.findChild<QSpinBox *>(QStringLiteral("sessionCapacitySpin"))->setValue(8);
    auto *agents = dialog.findChild<QListWidget *>(QStringLiteral("sessionAgentsList"));
    for (int i = 0; i < agents->count(); ++i)
        if (agents->item(i)->data(Qt::UserRole).toLongLong() == m_admin.id)
            agents->item(i)->setCheckState(Qt::Checked);
    if (weekly) {
        dialog.findChild<QCheckBox *>(QStringLiteral("dayCheck2"))->setChecked(true);
        dialog.findChild<QCheckBox *>(QStringLiteral("untilCheck"))->setChecked(true);
        dialog.findChild<QDateEdit *>(QStringLiteral("untilEdit"))->setDate(day.addDays(14));
    }
    if (exception) {
        dialog.findChild<QDateEdit *>(QStringLiteral("exceptionDateEdit"))->setDate(day.addDays(7));
        dialog.findChild<QPushButton *>(QStringLiteral("addExceptionButton"))->click();
    }
    // Without exceptions, the rule is the server's to expand.
    QCOMPARE(dialog.payloads().size(), exception ? count : 1);
    QVERIFY(dialog.save());
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 15000);
    QVERIFY(m_desk->settle());

    int created = 0;
    for (const CollectiveSession &s : SessionRepository(*m_store).upcoming(m_meeting.id, 0))
        if (QDateTime::fromSecsSinceEpoch(s.startsAt, window.model()->timeZone()).time() == time) {
            ++created;
            QCOMPARE(s.capacity, 8);
        }
    QCOMPARE(created, count);
    ui::AgendaModel model(&m_desk->source());
    model.setPeriod(day, day.addDays(20));
    int shown = 0;
    for (int i = 0; i < model.rowCount(); ++i)
        if (model.index(i).data(ui::AgendaModel::SessionIdRole).toLongLong() &&
            model.index(i).data(ui::AgendaModel::StartRole).toDateTime().time() == time)
            ++shown;
    QCOMPARE(shown, count);
}

QTEST_MAIN(TestSessionPanel)
#include "tst_session_panel.moc"
