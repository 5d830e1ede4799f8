#include "demoflow.h"

#include <QDate>
#include <QJsonDocument>

namespace creneau::test {

qint64 motifId(HttpClient &client, const QString &name)
{
    const Reply r = client.get(QStringLiteral("/api/v1/public/%1/motifs").arg(kSlug));
    for (const QJsonValue &m : QJsonDocument::fromJson(r.body).array())
        if (m.toObject().value(QStringLiteral("name")).toString() == name)
            return m.toObject().value(QStringLiteral("id")).toInteger();
    return 0;
}

QJsonArray creneaux(HttpClient &client, qint64 motif)
{
    const QDate today = QDate::currentDate();
    const Reply r =
        client.get(QStringLiteral("/api/v1/public/%1/motifs/%2/creneaux?from=%3&to=%4")
                       .arg(kSlug)
                       .arg(motif)
                       .arg(today.toString(Qt::ISODate), today.addDays(35).toString(Qt::ISODate)));
    return QJsonDocument::fromJson(r.body).array();
}

QByteArray bookingJson(qint64 motif, const QJsonObject &creneau, const QString &usagerLastName,
                       const QString &bookedBy)
{
    QJsonObject o{{QStringLiteral("motif_id"), motif},
                  {QStringLiteral("starts_at"), creneau.value(QStringLiteral("starts_at"))},
                  {QStringLiteral("lieu_id"), creneau.value(QStringLiteral("lieu_id"))},
                  {QStringLiteral("booked_by"), bookedBy},
                  {QStringLiteral("usager"),
                   QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Léa")},
                               {QStringLiteral("last_name"), usagerLastName},
                               {QStringLiteral("phone"), QStringLiteral("06 12 34 56 78")}}}};
    if (bookedBy == QLatin1String("prescripteur"))
        o.insert(QStringLiteral("prescripteur"),
                 QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Paul")},
                             {QStringLiteral("last_name"), QStringLiteral("Mairie")},
                             {QStringLiteral("email"), QStringLiteral("paul@mairie.example.fr")}});
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace creneau::test
