#include "sync/server/flowstate.h"

#include "models/frenchformat.h"

namespace creneau::server {

namespace {

constexpr int kMaxValue = 300;

Id toId(const QString &s)
{
    bool ok = false;
    const qint64 v = s.toLongLong(&ok);
    return ok && v > 0 ? v : 0;
}

FlowState fromItems(const QUrlQuery &q)
{
    FlowState s;
    s.motifId = toId(q.queryItemValue(QStringLiteral("motif"), QUrl::FullyDecoded));
    s.lieuId = toId(q.queryItemValue(QStringLiteral("lieu"), QUrl::FullyDecoded));
    s.startsAt = toId(q.queryItemValue(QStringLiteral("debut"), QUrl::FullyDecoded));
    s.sessionId = toId(q.queryItemValue(QStringLiteral("session"), QUrl::FullyDecoded));
    const QString pour = q.queryItemValue(QStringLiteral("pour"), QUrl::FullyDecoded);
    if (pour == QLatin1String("prescripteur") || pour == QLatin1String("moi"))
        s.pour = pour;
    for (const QStringList *keys : {&FlowState::prescripteurKeys(), &FlowState::usagerKeys()})
        for (const QString &key : *keys)
            if (q.hasQueryItem(key))
                s.values.insert(key, q.queryItemValue(key, QUrl::FullyDecoded).left(kMaxValue));
    s.acknowledged = q.hasQueryItem(QStringLiteral("usager.acknowledge_no_notification"));
    return s;
}

} // namespace

const QStringList &FlowState::prescripteurKeys()
{
    static const QStringList keys{
        QStringLiteral("prescripteur.first_name"), QStringLiteral("prescripteur.last_name"),
        QStringLiteral("prescripteur.email"), QStringLiteral("prescripteur.phone")};
    return keys;
}

const QStringList &FlowState::usagerKeys()
{
    static const QStringList keys{QStringLiteral("usager.first_name"),
                                  QStringLiteral("usager.last_name"),
                                  QStringLiteral("usager.birth_date"),
                                  QStringLiteral("usager.phone"), QStringLiteral("usager.email")};
    return keys;
}

QUrlQuery FlowState::parseForm(const QByteArray &body)
{
    QByteArray b = body;
    b.replace('+', ' '); // forms encode spaces as '+', QUrlQuery does not decode them
    return QUrlQuery(QString::fromUtf8(b));
}

FlowState FlowState::fromQuery(const QUrlQuery &query)
{
    return fromItems(query);
}

FlowState FlowState::fromForm(const QByteArray &body)
{
    return fromItems(parseForm(body));
}

Prescripteur FlowState::prescripteur() const
{
    Prescripteur p;
    p.firstName = value(QStringLiteral("prescripteur.first_name"));
    p.lastName = value(QStringLiteral("prescripteur.last_name"));
    p.email = value(QStringLiteral("prescripteur.email"));
    p.phone = value(QStringLiteral("prescripteur.phone"));
    return p;
}

BookingRequest FlowState::request(Id organisationId) const
{
    BookingRequest r;
    r.organisationId = organisationId;
    r.motifId = motifId;
    r.lieuId = lieuId;
    r.startsAt = startsAt;
    r.sessionId = sessionId;
    r.bookedBy = byPrescripteur() ? CreatedBy::Prescripteur : CreatedBy::Usager;
    if (byPrescripteur())
        r.prescripteur = prescripteur();
    r.usager.firstName = value(QStringLiteral("usager.first_name"));
    r.usager.lastName = value(QStringLiteral("usager.last_name"));
    r.usager.email = value(QStringLiteral("usager.email"));
    r.usager.phone = value(QStringLiteral("usager.phone"));
    r.usager.birthDate = fr::parseDate(value(QStringLiteral("usager.birth_date")));
    return r;
}

QVariantList FlowState::hidden(const QStringList &except) const
{
    auto field = [](const QString &name, const QString &value) {
        return QVariantMap{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}};
    };
    QVariantList out{field(QStringLiteral("motif"), QString::number(motifId)),
                     field(QStringLiteral("lieu"), QString::number(lieuId)),
                     field(QStringLiteral("debut"), QString::number(startsAt))};
    if (sessionId)
        out.append(field(QStringLiteral("session"), QString::number(sessionId)));
    if (!pour.isEmpty())
        out.append(field(QStringLiteral("pour"), pour));
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        if (!except.contains(it.key()))
            out.append(field(it.key(), it.value()));
    if (acknowledged && !except.contains(QStringLiteral("usager.acknowledge_no_notification")))
        out.append(
            field(QStringLiteral("usager.acknowledge_no_notification"), QStringLiteral("1")));
    return out;
}

QString FlowState::creneauQuery() const
{
    return QStringLiteral("motif=%1&lieu=%2&debut=%3").arg(motifId).arg(lieuId).arg(startsAt) +
           (sessionId ? QStringLiteral("&session=%1").arg(sessionId) : QString());
}

} // namespace creneau::server
