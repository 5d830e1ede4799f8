// Each command's payload, as the desktop builds it and the server reads it back: every field
// survives the trip through JSON text, absent keys change nothing, and a value of the wrong type
// is an error of its own field, never a silent 0 or "".
#include "sync/protocol/admincommands.h"
#include "sync/protocol/catalogcommands.h"
#include "sync/protocol/payloadreader.h"
#include "sync/protocol/rdvcommands.h"

#include <QJsonDocument>
#include <QtTest>

using namespace creneau;
using namespace creneau::protocol;

namespace {

// Through text, as it travels.
QJsonObject overTheWire(const QJsonObject &payload)
{
    return QJsonDocument::fromJson(QJsonDocument(payload).toJson(QJsonDocument::Compact)).object();
}

QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

Motif sampleMotif()
{
    Motif m;
    m.id = 12;
    m.name = QStringLiteral("Accès aux droits « RSA » & co");
    m.color = QStringLiteral("#aa3300");
    m.durationMinutes = 45;
    m.minDelayMinutes = 120;
    m.maxDelayMinutes = 20160;
    m.instructions = QStringLiteral("Apporter une pièce d'identité.\nEt un justificatif 😀");
    m.archived = true;
    m.locationType = LocationType::Visio;
    m.bookableBy = BookableBy::AgentsAndPrescripteurs;
    return m;
}

PlageOuverture samplePlage()
{
    PlageOuverture p;
    p.id = 3;
    p.agentId = 4;
    p.lieuId = 5;
    p.motifIds = {1, 2, 9007199254740991LL};
    p.title = QStringLiteral("Matin");
    p.firstDay = QDate(2027, 3, 1);
    p.startTime = QTime(8, 30);
    p.endTime = QTime(12, 15);
    p.rrule = QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TH");
    p.exceptionDates = {QDate(2027, 4, 5), QDate(2027, 5, 17)};
    p.archived = false;
    return p;
}

} // namespace

class TestCommandPayloads : public QObject
{
    Q_OBJECT
private slots:
    void catalogueRoundTrips()
    {
        const Motif motif = sampleMotif();
        Motif m;
        QVERIFY(readMotif(overTheWire(motifPayload(motif)), &m).isEmpty());
        m.id = rowId(motifPayload(motif));
        QCOMPARE(motifPayload(m), motifPayload(motif));
        QCOMPARE(m.locationType, LocationType::Visio);

        Lieu lieu;
        lieu.id = 8;
        lieu.name = QStringLiteral("Antenne <b>Nord</b>");
        lieu.address = QStringLiteral("2 rue de l'Église, 97400 Saint-Denis");
        lieu.phone = QStringLiteral("0262 00 00 00");
        lieu.archived = true;
        Lieu l;
        QVERIFY(readLieu(overTheWire(lieuPayload(lieu)), &l).isEmpty());
        l.id = rowId(lieuPayload(lieu));
        QCOMPARE(lieuPayload(l), lieuPayload(lieu));

        const PlageOuverture plage = samplePlage();
        PlageOuverture p;
        QVERIFY(readPlage(overTheWire(plagePayload(plage)), &p).isEmpty());
        p.id = rowId(plagePayload(plage));
        QCOMPARE(plagePayload(p), plagePayload(plage));
        QCOMPARE(p.motifIds.last(), 9007199254740991LL); // 2^53 - 1: exact through a double

        Absence absence;
        absence.id = 21;
        absence.agentId = 4;
        absence.title = QStringLiteral("Formation");
        absence.startsAt = 1'800'000'000;
        absence.endsAt = 1'800'003'600;
        absence.rrule = QStringLiteral("FREQ=DAILY;COUNT=3");
        Absence a;
        a.agentId = 4; // the server's to check, not the reader's
        QVERIFY(readAbsence(overTheWire(absencePayload(absence)), &a).isEmpty());
        a.id = rowId(absencePayload(absence));
        QCOMPARE(absencePayload(a), absencePayload(absence));
        QCOMPARE(rowId(removeAbsencePayload(21)), Id(21));
    }

    void createRdvRoundTrips_data()
    {
        QTest::addColumn<bool>("existingUsager");
        QTest::addColumn<bool>("withPrescripteur");
        QTest::newRow("new usager at the desk") << false << false;
        QTest::newRow("existing usager") << true << false;
        QTest::newRow("with a prescripteur") << false << true;
    }

    void createRdvRoundTrips()
    {
        QFETCH(bool, existingUsager);
        QFETCH(bool, withPrescripteur);
        BookingRequest sent;
        sent.motifId = 5;
        sent.lieuId = 6;
        sent.agentId = 7;
        sent.startsAt = 1'800'000'000;
        sent.context = QStringLiteral("Orienté par la mairie");
        if (existingUsager) {
            sent.existingUsagerId = 99;
        } else {
            sent.usager.firstName = QStringLiteral("Zoé");
            sent.usager.lastName = QStringLiteral("N'Diaye");
            sent.usager.email = QStringLiteral("zoe@example.fr");
            sent.usager.phone = QStringLiteral("0612345678");
            sent.usager.birthDate = QDate(1990, 2, 28);
            sent.usager.address = QStringLiteral("1 place de la Mairie");
            sent.usager.notes = QStringLiteral("Malentendante");
        }
        if (withPrescripteur)
            sent.prescripteur = {QStringLiteral("Paul"), QStringLiteral("Martin"),
                                 QStringLiteral("paul@mairie.fr"), QStringLiteral("0102030405")};
        BookingRequest got;
        got.agentId = 1; // the server's default, replaced when the payload names one
        QVERIFY(readCreateRdv(overTheWire(createRdvPayload(sent)), &got).isEmpty());
        QCOMPARE(createRdvPayload(got), createRdvPayload(sent));
        QCOMPARE(got.usager.birthDate, sent.usager.birthDate);
        QCOMPARE(got.prescripteur.email, sent.prescripteur.email);
    }

    void rdvChangesRoundTrip_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QJsonObject>("payload");
        QTest::newRow("move") << int(CommandType::MoveRdv) << moveRdvPayload(4, 1'800'000'000, 2);
        QTest::newRow("cancel") << int(CommandType::CancelRdv)
                                << cancelRdvPayload(4, QStringLiteral("Empêchement"));
        QTest::newRow("status") << int(CommandType::SetStatus)
                                << setStatusPayload(4, RdvStatus::Excused);
        QTest::newRow("context") << int(CommandType::SetContext)
                                 << setContextPayload(4, QStringLiteral("Dossier « CAF »"));
    }

    void rdvChangesRoundTrip()
    {
        QFETCH(int, type);
        QFETCH(QJsonObject, payload);
        RdvChange c;
        QVERIFY(readRdvChange(CommandType(type), overTheWire(payload), &c).isEmpty());
        QCOMPARE(c.rdvId, Id(4));
        QJsonObject rebuilt;
        switch (CommandType(type)) {
        case CommandType::MoveRdv:
            rebuilt = moveRdvPayload(c.rdvId, c.startsAt, c.lieuId);
            break;
        case CommandType::CancelRdv:
            rebuilt = cancelRdvPayload(c.rdvId, c.reason);
            break;
        case CommandType::SetStatus:
            rebuilt = setStatusPayload(c.rdvId, c.status);
            break;
        default:
            rebuilt = setContextPayload(c.rdvId, c.context);
            break;
        }
        QCOMPARE(rebuilt, payload);
        const UsagerMerge merge = readMergeUsagers(overTheWire(mergeUsagersPayload(10, 11)));
        QCOMPARE(merge.keepId, Id(10));
        QCOMPARE(merge.duplicateId, Id(11));
    }

    void administrationRoundTrips()
    {
        OrganisationSettings s;
        s.organisation.name = QStringLiteral("CCAS de Saint-Denis");
        s.organisation.slug = QStringLiteral("ccas-saint-denis");
        s.organisation.address = QStringLiteral("Rue de Paris");
        s.organisation.phone = QStringLiteral("0262 11 11 11");
        s.organisation.email = QStringLiteral("ccas@example.re");
        s.organisation.timeZone = QStringLiteral("Indian/Reunion");
        s.organisation.reminderHours = 24;
        s.organisation.usagerCancelHours = 0;
        s.senderName = QStringLiteral("CCAS");
        s.replyTo = QStringLiteral("accueil@example.re");
        s.publicUrl = QStringLiteral("https://rdv.example.re");
        OrganisationSettings back;
        QVERIFY(readOrganisation(overTheWire(organisationPayload(s)), &back).isEmpty());
        QCOMPARE(organisationPayload(back), organisationPayload(s));

        Agent agent;
        agent.id = 3;
        agent.firstName = QStringLiteral("Anne");
        agent.lastName = QStringLiteral("Lefèvre");
        agent.email = QStringLiteral("anne@example.fr");
        agent.role = AgentRole::Admin;
        const QJsonObject wire =
            overTheWire(agentPayload(agent, QStringLiteral("un mot de passe")));
        Agent a;
        QVERIFY(readAgent(wire, &a).isEmpty());
        a.id = rowId(wire);
        QCOMPARE(agentPayload(a), agentPayload(agent));
        QCOMPARE(initialPasswordOf(wire), QStringLiteral("un mot de passe"));
        QVERIFY(!agentPayload(agent).contains(QStringLiteral("initial_password")));

        Agent roleOnly = agent;
        QVERIFY(readAgent(overTheWire(agentRolePayload(3, AgentRole::Agent)), &roleOnly).isEmpty());
        QCOMPARE(roleOnly.role, AgentRole::Agent);
        QCOMPARE(roleOnly.email, agent.email); // only the role changed

        const PasswordChange change = readPasswordChange(overTheWire(
            changePasswordPayload({QStringLiteral("ancien"), QStringLiteral("nouveau")})));
        QCOMPARE(change.current, QStringLiteral("ancien"));
        QCOMPARE(change.password, QStringLiteral("nouveau"));
        NotificationLevel level = NotificationLevel::All;
        QVERIFY(readNotificationLevel(
                    overTheWire(notificationLevelPayload(NotificationLevel::Soon)), &level)
                    .isEmpty());
        QCOMPARE(level, NotificationLevel::Soon);
        QCOMPARE(rowId(resetAgentPasswordPayload(3)), Id(3));
        QCOMPARE(rowId(archiveAgentPayload(3)), Id(3));
    }

    // A save may name only some fields: the others keep the stored row's values.
    void absentKeysChangeNothing()
    {
        const Motif stored = sampleMotif();
        Motif m = stored;
        QVERIFY(readMotif(parse(R"({"name":"Renommé"})"), &m).isEmpty());
        QCOMPARE(m.name, QStringLiteral("Renommé"));
        m.name = stored.name;
        QCOMPARE(motifPayload(m), motifPayload(stored));
        PlageOuverture p = samplePlage();
        QVERIFY(readPlage(parse(R"({"agent_id":0,"lieu_id":null})"), &p).isEmpty());
        QCOMPARE(plagePayload(p), plagePayload(samplePlage())); // 0 and null name no agent
    }

    // What a careless or hostile client sends: the field is named, the stored value kept.
    void wrongTypesAreFieldErrors_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("field");
        QTest::newRow("motif name number") << "motif" << QByteArray(R"({"name":3})") << "name";
        QTest::newRow("motif duration text")
            << "motif" << QByteArray(R"({"duration_minutes":"30"})") << "duration_minutes";
        QTest::newRow("motif duration fraction")
            << "motif" << QByteArray(R"({"duration_minutes":30.5})") << "duration_minutes";
        QTest::newRow("motif duration huge")
            << "motif" << QByteArray(R"({"duration_minutes":1e300})") << "duration_minutes";
        QTest::newRow("motif archived text")
            << "motif" << QByteArray(R"({"archived":"yes"})") << "archived";
        QTest::newRow("motif archived 2")
            << "motif" << QByteArray(R"({"archived":2})") << "archived";
        QTest::newRow("motif location")
            << "motif" << QByteArray(R"({"location_type":"boat"})") << "location_type";
        QTest::newRow("motif bookable_by null")
            << "motif" << QByteArray(R"({"bookable_by":null})") << "bookable_by";
        QTest::newRow("plage first day")
            << "plage" << QByteArray(R"({"first_day":"2027-13-01"})") << "first_day";
        QTest::newRow("plage start time")
            << "plage" << QByteArray(R"({"start_time":"25:00"})") << "start_time";
        QTest::newRow("plage end time number")
            << "plage" << QByteArray(R"({"end_time":1200})") << "end_time";
        QTest::newRow("plage exceptions")
            << "plage" << QByteArray(R"({"exception_dates":["x"]})") << "exception_dates";
        QTest::newRow("plage exceptions not a list")
            << "plage" << QByteArray(R"({"exception_dates":"2027-01-01"})") << "exception_dates";
        QTest::newRow("plage motifs not a list")
            << "plage" << QByteArray(R"({"motif_ids":"1"})") << "motif_ids";
        QTest::newRow("absence start text")
            << "absence" << QByteArray(R"({"starts_at":"demain"})") << "starts_at";
        QTest::newRow("absence end negative")
            << "absence" << QByteArray(R"({"ends_at":-5})") << "ends_at";
        QTest::newRow("organisation reminder text")
            << "organisation" << QByteArray(R"({"reminder_hours":"48"})") << "reminder_hours";
        QTest::newRow("organisation name object")
            << "organisation" << QByteArray(R"({"name":{}})") << "name";
        QTest::newRow("agent role") << "agent" << QByteArray(R"({"role":"root"})") << "role";
        QTest::newRow("create_rdv start without offset")
            << "create_rdv"
            << QByteArray(R"({"motif_id":1,"starts_at":"2027-01-04T09:00:00","usager":{}})")
            << "starts_at";
        QTest::newRow("create_rdv no start")
            << "create_rdv" << QByteArray(R"({"motif_id":1,"usager":{}})") << "starts_at";
        QTest::newRow("create_rdv no motif")
            << "create_rdv" << QByteArray(R"({"starts_at":1800000000,"usager":{}})") << "motif_id";
        QTest::newRow("create_rdv usager list")
            << "create_rdv" << QByteArray(R"({"motif_id":1,"starts_at":1800000000,"usager":[]})")
            << "usager";
        QTest::newRow("create_rdv birth date")
            << "create_rdv"
            << QByteArray(
                   R"({"motif_id":1,"starts_at":1800000000,"usager":{"birth_date":"31/02/1990"}})")
            << "usager.birth_date";
        QTest::newRow("create_rdv prescripteur e-mail number")
            << "create_rdv"
            << QByteArray(
                   R"({"motif_id":1,"starts_at":1800000000,"usager":{},"prescripteur":{"email":5}})")
            << "prescripteur.email";
        QTest::newRow("move without start")
            << "move_rdv" << QByteArray(R"({"rdv_id":1})") << "starts_at";
        QTest::newRow("status unknown")
            << "set_status" << QByteArray(R"({"rdv_id":1,"status":"parti"})") << "status";
        QTest::newRow("status missing")
            << "set_status" << QByteArray(R"({"rdv_id":1})") << "status";
        QTest::newRow("level missing") << "level" << QByteArray(R"({})") << "level";
    }

    void wrongTypesAreFieldErrors()
    {
        QFETCH(QString, command);
        QFETCH(QByteArray, payload);
        QFETCH(QString, field);
        const QJsonObject p = parse(payload);
        QVERIFY(!p.isEmpty() || payload == "{}");
        FieldErrors errors;
        QJsonObject before;
        QJsonObject after;
        if (command == QLatin1String("motif")) {
            Motif m = sampleMotif();
            before = motifPayload(m);
            errors = readMotif(p, &m);
            after = motifPayload(m);
        } else if (command == QLatin1String("plage")) {
            PlageOuverture pl = samplePlage();
            before = plagePayload(pl);
            errors = readPlage(p, &pl);
            after = plagePayload(pl);
        } else if (command == QLatin1String("absence")) {
            Absence a;
            a.startsAt = 1'800'000'000;
            a.endsAt = 1'800'003'600;
            before = absencePayload(a);
            errors = readAbsence(p, &a);
            after = absencePayload(a);
        } else if (command == QLatin1String("organisation")) {
            OrganisationSettings s;
            s.organisation.name = QStringLiteral("Avant");
            before = organisationPayload(s);
            errors = readOrganisation(p, &s);
            after = organisationPayload(s);
        } else if (command == QLatin1String("agent")) {
            Agent a;
            before = agentPayload(a);
            errors = readAgent(p, &a);
            after = agentPayload(a);
        } else if (command == QLatin1String("create_rdv")) {
            BookingRequest r;
            errors = readCreateRdv(p, &r);
        } else if (command == QLatin1String("level")) {
            NotificationLevel level = NotificationLevel::Others;
            errors = readNotificationLevel(p, &level);
            QCOMPARE(level, NotificationLevel::Others);
        } else {
            CommandType type;
            QVERIFY(fromWord(command, &type));
            RdvChange c;
            errors = readRdvChange(type, p, &c);
        }
        QVERIFY2(errors.contains(field), qPrintable(QStringList(errors.keys()).join(',')));
        QVERIFY(!errors.value(field).isEmpty());
        QCOMPARE(after, before); // nothing half-read
    }

    void hostileIdsAreNamed_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("field"); // empty: accepted
        QTest::newRow("negative") << QByteArray(R"({"rdv_id":-1})") << "rdv_id";
        QTest::newRow("fraction") << QByteArray(R"({"id":1.5})") << "id";
        QTest::newRow("text") << QByteArray(R"({"motif_id":"1"})") << "motif_id";
        QTest::newRow("beyond 64 bits") << QByteArray(R"({"keep_id":1e300})") << "keep_id";
        QTest::newRow("list with text") << QByteArray(R"({"motif_ids":[1,"2"]})") << "motif_ids";
        QTest::newRow("list with null") << QByteArray(R"({"motif_ids":[1,null]})") << "motif_ids";
        QTest::newRow("null is none") << QByteArray(R"({"rdv_id":null,"motif_ids":null})") << "";
        QTest::newRow("largest exact") << QByteArray(R"({"rdv_id":9007199254740991})") << "";
    }

    void hostileIdsAreNamed()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, field);
        const FieldErrors errors = idProblems(parse(payload));
        if (field.isEmpty())
            QVERIFY(errors.isEmpty());
        else
            QCOMPARE(errors.keys(), QStringList{field});
    }
};

QTEST_GUILESS_MAIN(TestCommandPayloads)
#include "tst_command_payloads.moc"
