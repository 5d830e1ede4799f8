#include "webbooking.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>

namespace creneau::test {

QJsonObject prescripteurBookingBody(qint64 motifId, const QJsonObject &creneau)
{
    return {{QStringLiteral("motif_id"), motifId},
            {QStringLiteral("starts_at"), creneau.value(QStringLiteral("starts_at"))},
            {QStringLiteral("lieu_id"), creneau.value(QStringLiteral("lieu_id"))},
            {QStringLiteral("booked_by"), QStringLiteral("prescripteur")},
            {QStringLiteral("prescripteur"),
             QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Paul")},
                         {QStringLiteral("last_name"), QStringLiteral("Mairie")},
                         {QStringLiteral("email"), QStringLiteral("paul@mairie.example.fr")},
                         {QStringLiteral("phone"), QStringLiteral("06 11 22 33 44")}}},
            {QStringLiteral("usager"),
             QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Léa")},
                         {QStringLiteral("last_name"), QStringLiteral("Martin")},
                         {QStringLiteral("birth_date"), QStringLiteral("1980-03-14")},
                         {QStringLiteral("email"), QStringLiteral("lea.martin@example.fr")},
                         {QStringLiteral("phone"), QStringLiteral("06 12 34 56 78")}}}};
}

bool firstPrescripteurCreneau(HttpClient &client, const QString &slug, qint64 *motifId,
                              QJsonObject *creneau)
{
    const Reply motifs = client.get(QStringLiteral("/api/v1/public/%1/motifs").arg(slug));
    const QDate today = QDate::currentDate();
    for (const QJsonValue &m : QJsonDocument::fromJson(motifs.body).array()) {
        const qint64 id = m.toObject().value(QStringLiteral("id")).toInteger();
        const Reply r = client.get(
            QStringLiteral("/api/v1/public/%1/motifs/%2/creneaux?from=%3&to=%4")
                .arg(slug)
                .arg(id)
                .arg(today.toString(Qt::ISODate), today.addDays(35).toString(Qt::ISODate)));
        const QJsonArray list = QJsonDocument::fromJson(r.body).array();
        if (r.status == 200 && !list.isEmpty()) {
            *motifId = id;
            *creneau = list.first().toObject();
            return true;
        }
    }
    return false;
}

Reply bookAsPrescripteur(HttpClient &client, const QString &slug, qint64 motifId,
                         const QJsonObject &creneau)
{
    return client.postJson(QStringLiteral("/api/v1/public/%1/rdvs").arg(slug),
                           QJsonDocument(prescripteurBookingBody(motifId, creneau)).toJson());
}

} // namespace creneau::test
