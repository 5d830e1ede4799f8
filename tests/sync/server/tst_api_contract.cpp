// The OpenAPI document against what the server serves and what the desktop sends: every API
// route of a running server is documented with its method and its authentication, every
// documented operation is served, every agent command has its payload schema, and the payloads
// the desktop builds (sync/protocol) follow those schemas.
#include "sync/protocol/admincommands.h"
#include "sync/protocol/catalogcommands.h"
#include "sync/protocol/rdvcommands.h"
#include "sync/protocol/sessioncommands.h"
#include "sync/server/serverapplication.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace creneau;
using namespace creneau::protocol;
using creneau::server::Auth;
using creneau::server::Router;

namespace {

bool isApi(const QString &pattern)
{
    return pattern.startsWith(QLatin1String("/api/")) || pattern == QLatin1String("/healthz") ||
           pattern.startsWith(QLatin1String("/calendrier/"));
}

// A sample payload of each command, as the desktop builds it.
QJsonObject samplePayload(CommandType type)
{
    Motif motif;
    motif.id = 2;
    motif.name = QStringLiteral("Accueil");
    Lieu lieu;
    lieu.name = QStringLiteral("Mairie");
    PlageOuverture plage;
    plage.agentId = 1;
    plage.lieuId = 1;
    plage.motifIds = {1, 2};
    plage.firstDay = QDate(2027, 1, 4);
    plage.startTime = QTime(9, 0);
    plage.endTime = QTime(12, 0);
    plage.exceptionDates = {QDate(2027, 1, 11)};
    Absence absence;
    absence.agentId = 1;
    absence.startsAt = 1'800'000'000;
    absence.endsAt = 1'800'003'600;
    BookingRequest booking;
    booking.motifId = 1;
    booking.lieuId = 1;
    booking.startsAt = 1'800'000'000;
    booking.usager.firstName = QStringLiteral("Zoé");
    booking.usager.birthDate = QDate(1990, 1, 1);
    booking.usager.address = QStringLiteral("Ici");
    booking.prescripteur.email = QStringLiteral("p@example.fr");
    Agent agent;
    agent.id = 4;
    agent.firstName = QStringLiteral("Anne");
    switch (type) {
    case CommandType::CreateRdv:
        return createRdvPayload(booking);
    case CommandType::MoveRdv:
        return moveRdvPayload(1, 1'800'000'000, 2);
    case CommandType::CancelRdv:
        return cancelRdvPayload(1, QStringLiteral("Empêché"));
    case CommandType::SetStatus:
        return setStatusPayload(1, RdvStatus::NoShow);
    case CommandType::SetContext:
        return setContextPayload(1, QStringLiteral("Note"));
    case CommandType::MergeUsagers:
        return mergeUsagersPayload(1, 2);
    case CommandType::SaveMotif:
        return motifPayload(motif);
    case CommandType::SaveLieu:
        return lieuPayload(lieu);
    case CommandType::SavePlage:
        return plagePayload(plage);
    case CommandType::SaveAbsence:
        return absencePayload(absence);
    case CommandType::RemoveAbsence:
        return removeAbsencePayload(3);
    case CommandType::SaveOrganisation:
        return organisationPayload(OrganisationSettings());
    case CommandType::SaveAgent:
        return agentPayload(agent, QStringLiteral("mot de passe initial"));
    case CommandType::ArchiveAgent:
        return archiveAgentPayload(4);
    case CommandType::ResetAgentPassword:
        return resetAgentPasswordPayload(4, QStringLiteral("autre mot de passe"));
    case CommandType::ChangePassword:
        return changePasswordPayload({QStringLiteral("a"), QStringLiteral("b")});
    case CommandType::SetNotificationLevel:
        return notificationLevelPayload(NotificationLevel::Soon);
    case CommandType::CreateSession:
    case CommandType::UpdateSession: {
        SessionPayload session;
        session.sessionId = type == CommandType::UpdateSession ? 9 : 0;
        session.motifId = 1;
        session.lieuId = 1;
        session.agentIds = {1, 2};
        session.startsAt = 1'800'000'000;
        session.durationMinutes = 90;
        session.capacity = 12;
        session.rrule = QStringLiteral("FREQ=WEEKLY;COUNT=5");
        return sessionPayload(session);
    }
    case CommandType::CancelSession:
        return cancelSessionPayload(9, QStringLiteral("Intervenant absent"));
    }
    return {};
}

// The part of JSON Schema the document uses: type, properties (no other key allowed), required,
// items, enum, oneOf and $ref. Appends what does not match to `problems`.
class SchemaCheck
{
public:
    explicit SchemaCheck(QJsonObject document) : m_doc(std::move(document)) {}

    QJsonObject resolve(const QJsonObject &schema) const
    {
        const QString ref = schema.value(QStringLiteral("$ref")).toString();
        if (ref.isEmpty())
            return schema;
        QJsonValue node = m_doc;
        for (const QString &part : ref.mid(2).split(QLatin1Char('/')))
            node = node.toObject().value(part);
        return resolve(node.toObject());
    }

    void check(const QJsonValue &value, const QJsonObject &raw, const QString &at,
               QStringList *problems) const
    {
        const QJsonObject schema = resolve(raw);
        if (schema.contains(QStringLiteral("oneOf"))) {
            for (const QJsonValue option : schema.value(QStringLiteral("oneOf")).toArray()) {
                QStringList none;
                check(value, option.toObject(), at, &none);
                if (none.isEmpty())
                    return;
            }
            problems->append(at + QStringLiteral(": matches none of oneOf"));
            return;
        }
        const QString type = schema.value(QStringLiteral("type")).toString();
        const bool ok = type.isEmpty() ||
                        (type == QLatin1String("integer") && value.isDouble() &&
                         value.toDouble() == double(value.toInteger())) ||
                        (type == QLatin1String("string") && value.isString()) ||
                        (type == QLatin1String("boolean") && value.isBool()) ||
                        (type == QLatin1String("array") && value.isArray()) ||
                        (type == QLatin1String("object") && value.isObject());
        if (!ok) {
            problems->append(at + QStringLiteral(": not a ") + type);
            return;
        }
        if (schema.contains(QStringLiteral("enum")) &&
            !schema.value(QStringLiteral("enum")).toArray().contains(value))
            problems->append(at + QStringLiteral(": not one of the enum"));
        if (value.isArray())
            for (const QJsonValue item : value.toArray())
                check(item, schema.value(QStringLiteral("items")).toObject(), at + "[]", problems);
        if (!value.isObject())
            return;
        const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!properties.contains(it.key()))
                problems->append(at + '.' + it.key() + QStringLiteral(": not in the schema"));
            else
                check(it.value(), properties.value(it.key()).toObject(), at + '.' + it.key(),
                      problems);
        }
        for (const QJsonValue required : schema.value(QStringLiteral("required")).toArray())
            if (!object.contains(required.toString()))
                problems->append(at + '.' + required.toString() + QStringLiteral(": missing"));
    }

private:
    QJsonObject m_doc;
};

} // namespace

class TestApiContract : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        server::ServerOptions options;
        options.dataDir = m_dir.path();
        options.port = 0;
        m_server = std::make_unique<server::ServerApplication>(options);
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
        m_routes = m_server->routes();
        QVERIFY(m_routes.size() > 20);
        QFile file(QStringLiteral(":/openapi.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_doc = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(m_doc.value(QStringLiteral("openapi")).toString().startsWith(QLatin1String("3.")));
    }

    void cleanupTestCase() { m_server->stop(); }

    void everyApiRouteIsDocumented()
    {
        const QJsonObject paths = m_doc.value(QStringLiteral("paths")).toObject();
        int checked = 0;
        for (const Router::RouteInfo &route : std::as_const(m_routes)) {
            if (!isApi(route.pattern))
                continue;
            ++checked;
            const QString where = QString::fromLatin1(route.method) + ' ' + route.pattern;
            const QJsonObject operation = paths.value(route.pattern)
                                              .toObject()
                                              .value(QString::fromLatin1(route.method).toLower())
                                              .toObject();
            QVERIFY2(!operation.isEmpty(), qPrintable(where + QStringLiteral(" is undocumented")));
            const bool documentedSecure =
                !operation.value(QStringLiteral("security")).toArray().isEmpty();
            QVERIFY2(documentedSecure == (route.auth != Auth::None),
                     qPrintable(where + QStringLiteral(": security differs from the route's")));
            if (route.auth != Auth::None)
                QVERIFY2(operation.value(QStringLiteral("responses")).toObject().contains("401"),
                         qPrintable(where + QStringLiteral(": no 401 documented")));
        }
        QVERIFY(checked >= 16);
    }

    void everyDocumentedOperationIsServed()
    {
        const QJsonObject paths = m_doc.value(QStringLiteral("paths")).toObject();
        for (auto p = paths.begin(); p != paths.end(); ++p) {
            const QJsonObject operations = p.value().toObject();
            for (auto op = operations.begin(); op != operations.end(); ++op) {
                const bool served = std::any_of(
                    m_routes.cbegin(), m_routes.cend(), [&](const Router::RouteInfo &r) {
                        return r.pattern == p.key() &&
                               QString::fromLatin1(r.method).toLower() == op.key();
                    });
                QVERIFY2(served, qPrintable(op.key() + ' ' + p.key() +
                                            QStringLiteral(" is documented but not served")));
            }
        }
    }

    void everyReferenceResolves()
    {
        QStringList refs;
        std::function<void(const QJsonValue &)> walk = [&](const QJsonValue &v) {
            if (v.isObject()) {
                const QJsonObject o = v.toObject();
                for (auto it = o.begin(); it != o.end(); ++it) {
                    if (it.key() == QLatin1String("$ref"))
                        refs.append(it.value().toString());
                    walk(it.value());
                }
            } else if (v.isArray()) {
                for (const QJsonValue item : v.toArray())
                    walk(item);
            }
        };
        walk(m_doc);
        QVERIFY(refs.size() > 20);
        const SchemaCheck schemas(m_doc);
        for (const QString &ref : std::as_const(refs))
            QVERIFY2(!schemas.resolve({{QStringLiteral("$ref"), ref}}).isEmpty(), qPrintable(ref));
    }

    void commandsFollowTheirSchema_data()
    {
        QTest::addColumn<int>("type");
        for (const CommandType type : allCommandTypes())
            QTest::newRow(qPrintable(toWord(type))) << int(type);
    }

    // The envelope the desktop sends for each command matches the document's AgentCommand, and
    // the schema it matches is the one of its own type.
    void commandsFollowTheirSchema()
    {
        QFETCH(int, type);
        const QString word = toWord(CommandType(type));
        const QJsonObject schemas =
            m_doc.value(QStringLiteral("components")).toObject().value("schemas").toObject();
        const QJsonObject own = schemas.value(QStringLiteral("Command_") + word).toObject();
        QVERIFY2(!own.isEmpty(), qPrintable(word + QStringLiteral(" has no schema")));
        const CommandEnvelope envelope{QStringLiteral("k"), CommandType(type), 3,
                                       samplePayload(CommandType(type))};
        const SchemaCheck check(m_doc);
        QStringList problems;
        check.check(envelope.toJson(), own, word, &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
        check.check(envelope.toJson(), schemas.value(QStringLiteral("AgentCommand")).toObject(),
                    word, &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
        // A payload key the document does not know is caught.
        QJsonObject wrong = envelope.toJson();
        QJsonObject payload = wrong.value(QStringLiteral("payload")).toObject();
        payload.insert(QStringLiteral("not_a_field"), 1);
        wrong.insert(QStringLiteral("payload"), payload);
        check.check(wrong, own, word, &problems);
        QCOMPARE(problems.size(), 1);
    }

    void noUndocumentedCommand()
    {
        const QJsonArray variants = m_doc.value(QStringLiteral("components"))
                                        .toObject()
                                        .value(QStringLiteral("schemas"))
                                        .toObject()
                                        .value(QStringLiteral("AgentCommand"))
                                        .toObject()
                                        .value(QStringLiteral("oneOf"))
                                        .toArray();
        QCOMPARE(variants.size(), allCommandTypes().size());
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::ServerApplication> m_server;
    QList<Router::RouteInfo> m_routes;
    QJsonObject m_doc;
};

QTEST_GUILESS_MAIN(TestApiContract)
#include "tst_api_contract.moc"
