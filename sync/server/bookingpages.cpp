#include "sync/server/bookingpages.h"

#include "models/frenchformat.h"
#include "models/validation.h"
#include "sync/protocol/instants.h"
#include "sync/server/flowcookie.h"
#include "sync/server/flowstate.h"
#include "sync/server/pagerenderer.h"
#include "sync/server/rdvrecap.h"
#include "sync/server/sessionpages.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace creneau::server {

namespace {

const QString kPrescripteurCookie = QStringLiteral("creneau_prescripteur");

// What every step knows: the organisation, which link, and its base path.
struct Page
{
    BookingSite &site;
    const PageRenderer &pages;
    Organisation org;
    bool partner = false;
    QString base;

    QVariantMap vars() const
    {
        return {{QStringLiteral("org"), QVariantMap{{QStringLiteral("name"), org.name},
                                                    {QStringLiteral("phone"), org.phone},
                                                    {QStringLiteral("email"), org.email},
                                                    {QStringLiteral("address"), org.address}}},
                {QStringLiteral("base"), base},
                {QStringLiteral("partner"), partner}};
    }
};

Page pageFor(BookingSite &site, const PageRenderer &pages, const HttpRequest &r, bool partner)
{
    Page p{site, pages, site.organisation(r.param(QStringLiteral("slug"))), partner, {}};
    p.base = QStringLiteral("/rdv/") + QString::fromLatin1(QUrl::toPercentEncoding(p.org.slug)) +
             (partner ? QStringLiteral("/prescripteur") : QString());
    return p;
}

QVariantMap motifVars(const Motif &m, const Page &p)
{
    return {{QStringLiteral("id"), m.id},
            {QStringLiteral("name"), m.name},
            {QStringLiteral("duration"), m.durationMinutes},
            {QStringLiteral("capacity"), m.isCollective() ? m.capacity : 0},
            {QStringLiteral("how"), fr::howItTakesPlace(m.locationType)},
            {QStringLiteral("instructions"), m.instructions},
            {QStringLiteral("url"), p.base + QStringLiteral("/motif/") + QString::number(m.id)}};
}

QString lieuLabel(const Page &p, Id lieuId)
{
    const auto l = p.site.lieu(p.org, lieuId);
    return l ? l->name + QStringLiteral(" — ") + l->address : QString();
}

// ---- step 1: the organisation ----
HttpResponse organisationPage(const Page &p, const HttpRequest &r)
{
    QVariantMap v = p.vars();
    QVariantList motifs, lieux;
    for (const Motif &m : p.site.onlineMotifs(p.org, p.partner))
        motifs.append(motifVars(m, p));
    for (const Lieu &l : p.site.catalog().lieux(p.org.id))
        if (!l.archived)
            lieux.append(QVariantMap{{QStringLiteral("name"), l.name},
                                     {QStringLiteral("address"), l.address}});
    v[QStringLiteral("motifs")] = motifs;
    v[QStringLiteral("lieux")] = lieux;
    return p.pages.render(r, QStringLiteral("organisation.html"), v,
                          QStringLiteral("Prendre rendez-vous — ") + p.org.name);
}

// ---- step 2: the créneaux of a motif, week by week ----
// `suffix`: « &suite=1 » when choosing another créneau for a booking under way (its values kept).
QVariantList weekDays(const Page &p, const QList<Creneau> &creneaux, const QString &motifId,
                      const QString &suffix)
{
    const QTimeZone zone = BookingSite::zoneOf(p.org);
    QVariantList days;
    QDate currentDay;
    QMap<QString, QVariantList> byLieu;
    auto flush = [&] {
        if (!currentDay.isValid())
            return;
        QVariantList lieux;
        for (auto it = byLieu.cbegin(); it != byLieu.cend(); ++it)
            lieux.append(QVariantMap{{QStringLiteral("name"), it.key()},
                                     {QStringLiteral("slots"), it.value()}});
        days.append(QVariantMap{{QStringLiteral("label"), fr::date(currentDay)},
                                {QStringLiteral("lieux"), lieux}});
        byLieu.clear();
    };
    for (const Creneau &c : creneaux) {
        const QDate day = QDateTime::fromSecsSinceEpoch(c.startsAt, zone).date();
        if (day != currentDay) {
            flush();
            currentDay = day;
        }
        const QString time = fr::time(c.startsAt, zone);
        byLieu[lieuLabel(p, c.lieuId)].append(QVariantMap{
            {QStringLiteral("time"), time},
            {QStringLiteral("label"), fr::dateTime(c.startsAt, zone)},
            {QStringLiteral("url"), p.base +
                                        QStringLiteral("/creneau?motif=%1&lieu=%2&debut=%3")
                                            .arg(motifId)
                                            .arg(c.lieuId)
                                            .arg(c.startsAt) +
                                        suffix}});
    }
    flush();
    return days;
}

HttpResponse renderCreneauxPage(const Page &p, const HttpRequest &r);

// A collective motif's sessions to choose from; `full`: the one chosen has no place left (409);
// `changing`: another session for a booking under way (« Modifier »), its values kept.
HttpResponse sessionsPage(const Page &p, const HttpRequest &r, const Motif &motif, bool full,
                          bool changing = false)
{
    QVariantMap v = p.vars();
    v[QStringLiteral("motif")] = motifVars(motif, p);
    const bool suite =
        full || changing || r.queryValue(QStringLiteral("suite")) == QLatin1String("1");
    v[QStringLiteral("sessions")] = sessionItems(p.site, p.org, p.base, p.site.sessions(motif),
                                                 suite ? QStringLiteral("&suite=1") : QString());
    if (full)
        v[QStringLiteral("full")] = true;
    return p.pages.render(r, QStringLiteral("sessions.html"), v,
                          motif.name + QStringLiteral(" — choisir une session"), full ? 409 : 200);
}

// The week's page has no form: its body is the same for everyone until the next write.
HttpResponse creneauxPage(const Page &p, const HttpRequest &r)
{
    const QString key =
        QStringLiteral("page:") + r.path + QLatin1Char('?') + r.query.toString(QUrl::FullyEncoded);
    if (const auto hit = p.site.cachedBody(key)) {
        HttpResponse out = HttpResponse::html(*hit);
        p.pages.ensureCookie(r, out);
        return out;
    }
    HttpResponse out = renderCreneauxPage(p, r);
    if (out.status == 200)
        p.site.cacheBody(key, p.org.id, out.body);
    return out;
}

HttpResponse renderCreneauxPage(const Page &p, const HttpRequest &r)
{
    bool ok = false;
    const Id motifId = r.param(QStringLiteral("id")).toLongLong(&ok);
    const Motif motif = p.site.onlineMotif(p.org, ok ? motifId : 0, p.partner);
    if (motif.isCollective())
        return sessionsPage(p, r, motif, false);
    const QDate today = p.site.clock().now().toTimeZone(BookingSite::zoneOf(p.org)).date();
    const QDate thisMonday = today.addDays(1 - today.dayOfWeek());
    QDate monday = QDate::fromString(r.queryValue(QStringLiteral("semaine")), Qt::ISODate);
    if (!monday.isValid() || monday < thisMonday || monday > today.addYears(2))
        monday = thisMonday;
    monday = monday.addDays(1 - monday.dayOfWeek());
    const QList<Creneau> list = p.site.creneaux(motif, 0, monday, monday.addDays(6));

    QVariantMap v = p.vars();
    v[QStringLiteral("motif")] = motifVars(motif, p);
    v[QStringLiteral("week_label")] = QStringLiteral("Semaine du ") + fr::date(monday);
    const bool suite = r.queryValue(QStringLiteral("suite")) == QLatin1String("1");
    v[QStringLiteral("days")] = weekDays(p, list, QString::number(motif.id),
                                         suite ? QStringLiteral("&suite=1") : QString());
    const QString self = p.base + QStringLiteral("/motif/") + QString::number(motif.id) +
                         (suite ? QStringLiteral("?suite=1&") : QStringLiteral("?"));
    if (monday > thisMonday)
        v[QStringLiteral("prev_url")] =
            self + QStringLiteral("semaine=") + monday.addDays(-7).toString(Qt::ISODate);
    v[QStringLiteral("next_url")] =
        self + QStringLiteral("semaine=") + monday.addDays(7).toString(Qt::ISODate);
    if (list.isEmpty()) {
        if (const auto next = p.site.nextAvailableDay(motif, monday.addDays(7))) {
            const QDate nextMonday = next->addDays(1 - next->dayOfWeek());
            v[QStringLiteral("next_available")] =
                QVariantMap{{QStringLiteral("label"), fr::date(*next)},
                            {QStringLiteral("url"),
                             self + QStringLiteral("semaine=") + nextMonday.toString(Qt::ISODate)}};
        }
    }
    return p.pages.render(r, QStringLiteral("creneaux.html"), v,
                          motif.name + QStringLiteral(" — choisir un créneau"));
}

// ---- the créneau, re-checked at every step ----
QVariantMap creneauVars(const Page &p, const Motif &motif, const FlowState &s)
{
    const QTimeZone zone = BookingSite::zoneOf(p.org);
    qint64 start = s.startsAt;
    Id lieuId = s.lieuId;
    if (s.sessionId) {
        if (const auto session = SessionRepository(p.site.store()).find(s.sessionId)) {
            start = session->startsAt;
            lieuId = session->lieuId;
        }
    }
    QVariantMap c{{QStringLiteral("date_text"), fr::dateTime(start, zone)},
                  {QStringLiteral("motif"), motif.name},
                  {QStringLiteral("how"), fr::howItTakesPlace(motif.locationType)},
                  {QStringLiteral("instructions"), motif.instructions}};
    if (motif.locationType == LocationType::PublicOffice)
        c[QStringLiteral("lieu")] = lieuLabel(p, lieuId);
    return c;
}

// The créneaux nearest to the chosen one, each a form carrying what was typed: after a créneau
// was taken, or when the booker asks to change it (`changing`) from the confirmation page.
HttpResponse takenPage(const Page &p, const HttpRequest &r, const Motif &motif, const FlowState &s,
                       bool changing = false)
{
    const QTimeZone zone = BookingSite::zoneOf(p.org);
    QVariantMap v = p.vars();
    v[QStringLiteral("motif")] = motifVars(motif, p);
    v[QStringLiteral("date_text")] = fr::dateTime(s.startsAt, zone);
    QVariantList alternatives;
    for (const Creneau &c : p.site.nearest(motif, s.startsAt)) {
        FlowState next = s;
        next.startsAt = c.startsAt;
        next.lieuId = c.lieuId;
        alternatives.append(QVariantMap{{QStringLiteral("label"), fr::dateTime(c.startsAt, zone)},
                                        {QStringLiteral("lieu"), lieuLabel(p, c.lieuId)},
                                        {QStringLiteral("hidden"), next.hidden()}});
    }
    v[QStringLiteral("alternatives")] = alternatives;
    // From a booking under way (its pages are /etape), the full list keeps what was typed.
    if (changing || r.path.endsWith(QLatin1String("/etape")))
        v[QStringLiteral("all_url")] =
            v.value(QStringLiteral("motif")).toMap().value(QStringLiteral("url")).toString() +
            QStringLiteral("?suite=1");
    if (changing) {
        v[QStringLiteral("changing")] = true;
        v[QStringLiteral("current_hidden")] = s.hidden();
        return p.pages.render(r, QStringLiteral("taken.html"), v,
                              QStringLiteral("Choisir un autre créneau"));
    }
    return p.pages.render(r, QStringLiteral("taken.html"), v,
                          QStringLiteral("Ce créneau n'est plus disponible"), 409);
}

// Returns the motif when the state's créneau is still free; otherwise `taken` is the page.
std::optional<Motif> checkCreneau(const Page &p, const HttpRequest &r, const FlowState &s,
                                  HttpResponse *taken)
{
    if (!s.hasCreneau())
        throw HttpError(400,
                        QStringLiteral("Aucun créneau choisi : revenez à la liste des créneaux."));
    const Motif motif = p.site.onlineMotif(p.org, s.motifId, p.partner);
    if (motif.isCollective() || s.sessionId) {
        // A session of this motif, open and with a place left; otherwise the list again.
        SessionRepository sessions(p.site.store());
        const auto session = sessions.find(s.sessionId);
        if (!session || session->motifId != motif.id || !motif.isCollective())
            throw HttpError(404, QStringLiteral("Cette session n'existe pas."));
        bool open = false;
        for (const SessionPlaces &sp : p.site.sessions(motif))
            open = open || (sp.session.id == session->id && sp.placesLeft() > 0);
        if (open)
            return motif;
        *taken = sessionsPage(p, r, motif, true);
        return std::nullopt;
    }
    if (p.site.isFree(motif, s.lieuId, s.startsAt))
        return motif;
    *taken = takenPage(p, r, motif, s);
    return std::nullopt;
}

// ---- the forms ----
struct FieldSpec
{
    const char *name;
    const char *label;
    const char *type;
    const char *autocomplete;
    bool required;
    const char *hint;
};

QString idOf(const QString &name)
{
    QString id = name;
    return id.replace(QLatin1Char('.'), QLatin1Char('-'));
}

QVariantList fields(const QList<FieldSpec> &specs, const FlowState &s, const FieldErrors &errors)
{
    QVariantList out;
    for (const FieldSpec &f : specs) {
        const QString name = QString::fromLatin1(f.name);
        const QString id = idOf(name);
        const QString error = fr::typography(errors.value(name));
        QStringList describedBy;
        if (*f.hint)
            describedBy << id + QStringLiteral("-hint");
        if (!error.isEmpty())
            describedBy << id + QStringLiteral("-error");
        out.append(
            QVariantMap{{QStringLiteral("id"), id},
                        {QStringLiteral("name"), name},
                        {QStringLiteral("label"), QString::fromUtf8(f.label)},
                        {QStringLiteral("type"), QString::fromLatin1(f.type)},
                        {QStringLiteral("autocomplete"), QString::fromLatin1(f.autocomplete)},
                        {QStringLiteral("required"), f.required},
                        {QStringLiteral("hint"), QString::fromUtf8(f.hint)},
                        {QStringLiteral("error"), error},
                        {QStringLiteral("describedby"), describedBy.join(QLatin1Char(' '))},
                        {QStringLiteral("value"), s.value(name)}});
    }
    return out;
}

QVariantList errorSummary(const FieldErrors &errors)
{
    QVariantList out;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it)
        out.append(QVariantMap{{QStringLiteral("id"), idOf(it.key())},
                               {QStringLiteral("message"), fr::typography(it.value())}});
    return out;
}

const QList<FieldSpec> &prescripteurFields()
{
    static const QList<FieldSpec> f{
        {"prescripteur.first_name", "Votre prénom", "text", "given-name", true, ""},
        {"prescripteur.last_name", "Votre nom", "text", "family-name", true, ""},
        {"prescripteur.email", "Votre e-mail professionnel", "email", "work email", true,
         "Le récapitulatif du rendez-vous vous sera envoyé à cette adresse."},
        {"prescripteur.phone", "Votre téléphone", "tel", "work tel", false,
         "Facultatif. Exemple : 01 23 45 67 89"}};
    return f;
}

const QList<FieldSpec> &usagerFields()
{
    static const QList<FieldSpec> f{
        {"usager.first_name", "Prénom", "text", "off", true, ""},
        {"usager.last_name", "Nom", "text", "off", true, ""},
        {"usager.birth_date", "Date de naissance", "date", "off", false,
         "Facultatif. Format : JJ/MM/AAAA, par exemple 14/03/1980"},
        {"usager.phone", "Téléphone portable", "tel", "off", false,
         "Facultatif. Pour recevoir la confirmation et le rappel par SMS. Exemple : 06 12 34 56 "
         "78"},
        {"usager.email", "Adresse e-mail", "email", "off", false,
         "Facultatif. Pour recevoir la confirmation et le rappel par e-mail."}};
    return f;
}

HttpResponse formPage(const Page &p, const HttpRequest &r, const Motif &motif, const FlowState &s,
                      bool prescripteurStep, const FieldErrors &errors)
{
    QVariantMap v = p.vars();
    v[QStringLiteral("creneau")] = creneauVars(p, motif, s);
    v[QStringLiteral("errors")] = errorSummary(errors);
    v[QStringLiteral("has_errors")] = !errors.isEmpty();
    v[QStringLiteral("by_prescripteur")] = s.byPrescripteur();
    const QString ackKey = QStringLiteral("usager.acknowledge_no_notification");
    if (prescripteurStep) {
        v[QStringLiteral("fields")] = fields(prescripteurFields(), s, errors);
        v[QStringLiteral("hidden")] = s.hidden(FlowState::prescripteurKeys());
        v[QStringLiteral("action")] = p.base + QStringLiteral("/prescripteur-coordonnees");
        v[QStringLiteral("heading")] = QStringLiteral("Vos coordonnées de prescripteur");
        v[QStringLiteral("submit")] = QStringLiteral("Continuer");
    } else {
        QStringList shown = FlowState::usagerKeys();
        shown << ackKey;
        v[QStringLiteral("fields")] = fields(usagerFields(), s, errors);
        v[QStringLiteral("hidden")] = s.hidden(shown);
        v[QStringLiteral("action")] = p.base + QStringLiteral("/beneficiaire");
        v[QStringLiteral("heading")] = s.byPrescripteur()
                                           ? QStringLiteral("Coordonnées du bénéficiaire")
                                           : QStringLiteral("Vos coordonnées");
        v[QStringLiteral("submit")] = QStringLiteral("Continuer");
        if (s.byPrescripteur())
            v[QStringLiteral("ack")] =
                QVariantMap{{QStringLiteral("warning"), QString::fromUtf8(kNoNotificationWarning)},
                            {QStringLiteral("checked"), s.acknowledged},
                            {QStringLiteral("error"), fr::typography(errors.value(ackKey))}};
    }
    const QString title = v.value(QStringLiteral("heading")).toString();
    return p.pages.render(r, QStringLiteral("form.html"), v,
                          (errors.isEmpty() ? QString() : QStringLiteral("Erreur — ")) + title,
                          errors.isEmpty() ? 200 : 422);
}

FieldErrors prescripteurErrors(const FlowState &s)
{
    Prescripteur p = s.prescripteur();
    p.firstName = p.firstName.trimmed();
    p.lastName = p.lastName.trimmed();
    p.email = p.email.trimmed();
    return validatePrescripteur(p);
}

FieldErrors usagerErrors(BookingSite &site, const FlowState &s, Id orgId)
{
    const BookingRequest req = s.request(orgId);
    Usager u = req.usager;
    u.firstName = u.firstName.trimmed();
    u.lastName = u.lastName.trimmed();
    u.email = u.email.trimmed();
    FieldErrors e = validateUsager(u);
    e.remove(QStringLiteral("usager.birth_date"));
    checkBirthDate(e, QStringLiteral("usager.birth_date"),
                   s.value(QStringLiteral("usager.birth_date")), site.clock().now().date());
    checkReachable(e, req, s.acknowledged);
    return e;
}

void rememberedPrescripteur(const HttpRequest &r, FlowState &s)
{
    if (!s.values.value(QStringLiteral("prescripteur.email")).isEmpty())
        return;
    const QByteArray raw = QByteArray::fromBase64(r.cookie(kPrescripteurCookie).toLatin1(),
                                                  QByteArray::Base64UrlEncoding);
    const QJsonObject o = QJsonDocument::fromJson(raw).object();
    for (const QString &key : FlowState::prescripteurKeys())
        if (o.value(key).isString())
            s.values.insert(key, o.value(key).toString().left(300));
}

// The prescriber's own four fields and nothing else (never the usager's), to fill in their
// details next time.
QByteArray rememberCookie(const FlowState &s, bool secure)
{
    QJsonObject o;
    for (const QString &key : FlowState::prescripteurKeys())
        o.insert(key, s.value(key).trimmed());
    return kPrescripteurCookie.toLatin1() + '=' +
           QJsonDocument(o)
               .toJson(QJsonDocument::Compact)
               .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) +
           "; Path=/rdv; Max-Age=15552000; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
}

// The last step: what was typed, to check before confirming; with `refusal` (a limit reached),
// the same page with the message, the values kept.
HttpResponse confirmPage(const Page &p, const HttpRequest &r, const Motif &motif,
                         const FlowState &s, const QString &refusal = {}, int status = 200)
{
    QVariantMap v = p.vars();
    v[QStringLiteral("creneau")] = creneauVars(p, motif, s);
    v[QStringLiteral("hidden")] = s.hidden();
    v[QStringLiteral("by_prescripteur")] = s.byPrescripteur();
    QVariantMap values;
    for (auto it = s.values.cbegin(); it != s.values.cend(); ++it)
        values[QString(it.key()).replace(QLatin1Char('.'), QLatin1Char('_'))] = it.value();
    if (const QDate birth = fr::parseDate(s.value(QStringLiteral("usager.birth_date")));
        birth.isValid())
        values[QStringLiteral("usager_birth_date")] = fr::shortDate(birth);
    v[QStringLiteral("values")] = values;
    v[QStringLiteral("action")] = p.base + QStringLiteral("/confirmer");
    v[QStringLiteral("refusal")] = refusal;
    return p.pages.render(r, QStringLiteral("confirm.html"), v,
                          (refusal.isEmpty() ? QString() : QStringLiteral("Erreur — ")) +
                              QStringLiteral("Vérifiez et confirmez le rendez-vous"),
                          status);
}

// Shows the step the state has reached: choice, prescriber, usager or confirmation.
HttpResponse resume(const Page &p, const HttpRequest &r, FlowState s)
{
    HttpResponse taken;
    const auto motif = checkCreneau(p, r, s, &taken);
    if (!motif)
        return taken;
    if (p.partner)
        s.pour = QStringLiteral("prescripteur");
    if (s.pour.isEmpty()) {
        QVariantMap v = p.vars();
        v[QStringLiteral("creneau")] = creneauVars(p, *motif, s);
        v[QStringLiteral("moi_url")] =
            p.base + QStringLiteral("/creneau?") + s.creneauQuery() + QStringLiteral("&pour=moi");
        v[QStringLiteral("prescripteur_url")] = p.base + QStringLiteral("/creneau?") +
                                                s.creneauQuery() +
                                                QStringLiteral("&pour=prescripteur");
        return p.pages.render(r, QStringLiteral("choice.html"), v,
                              QStringLiteral("Pour qui prenez-vous rendez-vous ?"));
    }
    if (s.byPrescripteur()) {
        const bool fresh = s.values.isEmpty();
        rememberedPrescripteur(r, s);
        // Arriving from the créneaux list, the prescriber always sees (and can correct) their
        // details, even when remembered from a previous booking.
        if (fresh || !prescripteurErrors(s).isEmpty())
            return formPage(p, r, *motif, s, true, {});
    }
    if (!usagerErrors(p.site, s, p.org.id).isEmpty())
        return formPage(p, r, *motif, s, false, {});
    return confirmPage(p, r, *motif, s);
}

HttpResponse creneauStep(const Page &p, const HttpRequest &r)
{
    FlowState s = FlowState::fromQuery(r.query);
    s.values.clear(); // personal data never travels in URLs
    // Another créneau chosen for a booking under way (« Modifier », a créneau taken): what was
    // typed comes from the flow cookie. Only then: a fresh visit on a shared computer never
    // shows what someone else typed.
    if (r.queryValue(QStringLiteral("suite")) == QLatin1String("1")) {
        const auto c = FlowCookie(p.site.secret()).read(r, p.site.clock().nowSecs());
        if (c && c->done.isEmpty() && c->state.motifId == s.motifId) {
            s.values = c->state.values;
            s.acknowledged = c->state.acknowledged;
            if (s.pour.isEmpty())
                s.pour = c->state.pour;
        }
    }
    return resume(p, r, s);
}

bool secureCookies(const Page &p)
{
    return p.site.publicUrl().startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

// Post/Redirect/Get: what was posted is kept in the flow cookie and the browser is sent to the
// page of `step` (GET), which Back and Reload show again without posting anything. `errors`:
// that page shows the step's field errors. When the cookie would be too large, the step is
// answered directly, as before PRG.
HttpResponse toStep(const Page &p, const HttpRequest &r, const FlowState &s, const QString &step,
                    bool errors = false);

HttpResponse showStep(const Page &p, const HttpRequest &r, FlowState s, const QString &step,
                      bool errors)
{
    if (p.partner)
        s.pour = QStringLiteral("prescripteur");
    if (step == QLatin1String("creneau")) {
        if (!s.hasCreneau())
            return resume(p, r, s);
        if (s.sessionId)
            return sessionsPage(p, r, p.site.onlineMotif(p.org, s.motifId, p.partner), false, true);
        return takenPage(p, r, p.site.onlineMotif(p.org, s.motifId, p.partner), s, true);
    }
    HttpResponse taken;
    const auto motif = checkCreneau(p, r, s, &taken);
    if (!motif)
        return taken;
    if (s.byPrescripteur()) {
        const FieldErrors wrong = prescripteurErrors(s);
        // The usager's step comes after a valid prescriber.
        if (step == QLatin1String("prescripteur") ||
            (step == QLatin1String("usager") && !wrong.isEmpty()))
            return formPage(p, r, *motif, s, true, errors ? wrong : FieldErrors());
    }
    if (step == QLatin1String("usager"))
        return formPage(p, r, *motif, s, false,
                        errors ? usagerErrors(p.site, s, p.org.id) : FieldErrors());
    return resume(p, r, s);
}

HttpResponse toStep(const Page &p, const HttpRequest &r, const FlowState &s, const QString &step,
                    bool errors)
{
    const QByteArray cookie =
        FlowCookie(p.site.secret()).setCookie({s, {}}, p.site.clock().nowSecs(), secureCookies(p));
    if (cookie.isEmpty())
        return showStep(p, r, s, step, errors);
    QString target = p.base + QStringLiteral("/etape?e=") + step;
    if (errors)
        target += QStringLiteral("&erreurs=1");
    HttpResponse out = HttpResponse::redirect(target);
    out.addHeader("Set-Cookie", cookie);
    return out;
}

// GET of a step: what was typed comes from the flow cookie.
HttpResponse stepPage(const Page &p, const HttpRequest &r)
{
    const auto content = FlowCookie(p.site.secret()).read(r, p.site.clock().nowSecs());
    if (content && !content->done.isEmpty()) {
        // Back after booking: say it is done, never offer to book it again.
        QVariantMap v = p.vars();
        v[QStringLiteral("done_url")] = content->done;
        HttpResponse out = p.pages.render(r, QStringLiteral("done.html"), v,
                                          QStringLiteral("Rendez-vous déjà confirmé"));
        out.setHeader("Cache-Control", "private, no-store");
        return out;
    }
    const std::optional<FlowState> s =
        content ? std::optional<FlowState>(content->state) : std::nullopt;
    if (!s) {
        HttpResponse out = PageRenderer::message(
            200, QStringLiteral("Saisie expirée"),
            QStringLiteral("Les informations saisies ne sont plus disponibles (plus de deux "
                           "heures ou navigateur refermé) : reprenez au choix du créneau."));
        out.setHeader("Cache-Control", "private, no-store");
        return out;
    }
    const QString step = r.queryValue(QStringLiteral("e"));
    HttpResponse out =
        showStep(p, r, *s, step, r.queryValue(QStringLiteral("erreurs")) == QLatin1String("1"));
    out.setHeader("Cache-Control", "private, no-store");
    return out;
}

HttpResponse prescripteurStep(const Page &p, const HttpRequest &r)
{
    p.pages.requireCsrf(r);
    FlowState s = FlowState::fromForm(r.body);
    s.pour = QStringLiteral("prescripteur");
    if (!prescripteurErrors(s).isEmpty())
        return toStep(p, r, s, QStringLiteral("prescripteur"), true);
    return toStep(p, r, s, QStringLiteral("usager"));
}

HttpResponse usagerStep(const Page &p, const HttpRequest &r)
{
    p.pages.requireCsrf(r);
    FlowState s = FlowState::fromForm(r.body);
    if (p.partner)
        s.pour = QStringLiteral("prescripteur");
    if (s.byPrescripteur() && !prescripteurErrors(s).isEmpty())
        return toStep(p, r, s, QStringLiteral("prescripteur"), true);
    if (!usagerErrors(p.site, s, p.org.id).isEmpty())
        return toStep(p, r, s, QStringLiteral("usager"), true);
    return toStep(p, r, s, QStringLiteral("confirmation"));
}

HttpResponse confirmStep(const Page &p, const HttpRequest &r)
{
    p.pages.requireCsrf(r);
    FlowState s = FlowState::fromForm(r.body);
    if (p.partner)
        s.pour = QStringLiteral("prescripteur");
    if (s.pour.isEmpty() || !s.hasCreneau())
        return toStep(p, r, s, QStringLiteral("confirmation"));
    const Motif motif = p.site.onlineMotif(p.org, s.motifId, p.partner);
    if (s.byPrescripteur() && !prescripteurErrors(s).isEmpty())
        return toStep(p, r, s, QStringLiteral("prescripteur"), true);
    if (!usagerErrors(p.site, s, p.org.id).isEmpty())
        return toStep(p, r, s, QStringLiteral("usager"), true);
    if (const int wait = p.site.bookingLimit().retryAfter(r.peer)) {
        HttpResponse refused = confirmPage(p, r, motif, s, BookingLimit::message(wait), 429);
        refused.setHeader("Retry-After", QByteArray::number(wait));
        return refused;
    }
    const BookingOutcome out = p.site.booking().book(s.request(p.org.id));
    if (out.ok())
        p.site.bookingLimit().count(r.peer);
    // Taken meanwhile: the confirmation step's page says so and offers the nearest ones.
    if (out.error == BookingError::CreneauTaken || out.error == BookingError::SessionFull)
        return toStep(p, r, s, QStringLiteral("confirmation"));
    if (out.error == BookingError::AlreadyRegistered)
        return confirmPage(p, r, motif, s, out.message, 409);
    if (out.error == BookingError::Invalid)
        return toStep(p, r, s,
                      s.byPrescripteur() && !out.fields.isEmpty() &&
                              out.fields.firstKey().startsWith(QLatin1String("prescripteur"))
                          ? QStringLiteral("prescripteur")
                          : QStringLiteral("usager"),
                      true);
    if (!out.ok())
        throw HttpError(422, out.message);
    const QString slugPath =
        QStringLiteral("/rdv/") + QString::fromLatin1(QUrl::toPercentEncoding(p.org.slug));
    // The usager's private link goes to the usager alone: a prescriber sees the recap.
    const bool ownPage = !out.usagerToken.isEmpty() && !s.byPrescripteur();
    const QString done =
        ownPage ? slugPath + QStringLiteral("/mon-rdv/") + out.usagerToken
                : slugPath + QStringLiteral("/recapitulatif/") + p.site.recapToken(out.rdv.id);
    HttpResponse redirect = HttpResponse::redirect(done);
    if (!ownPage)
        redirect.addHeader("Set-Cookie", rememberCookie(s, secureCookies(p)));
    // What was typed is forgotten; Back to a step now says the appointment is confirmed.
    FlowState booked;
    booked.pour = s.pour;
    const QByteArray flow =
        FlowCookie(p.site.secret())
            .setCookie({booked, done}, p.site.clock().nowSecs(), secureCookies(p));
    if (!flow.isEmpty())
        redirect.addHeader("Set-Cookie", flow);
    return redirect;
}

// « Modifier » on the confirmation page (back to that step, every value kept), and the choice of
// another créneau (then on to the confirmation).
HttpResponse resumeStep(const Page &p, const HttpRequest &r)
{
    p.pages.requireCsrf(r);
    const FlowState s = FlowState::fromForm(r.body);
    const QString block =
        FlowState::parseForm(r.body).queryItemValue(QStringLiteral("modifier"), QUrl::FullyDecoded);
    static const QStringList blocks{QStringLiteral("creneau"), QStringLiteral("prescripteur"),
                                    QStringLiteral("usager")};
    return toStep(p, r, s, blocks.contains(block) ? block : QStringLiteral("confirmation"));
}

} // namespace

void addBookingPageRoutes(Router &router, BookingSite &site, const PageRenderer &pages)
{
    using Step = HttpResponse (*)(const Page &, const HttpRequest &);
    const QList<std::tuple<QByteArray, QString, Step>> steps{
        {"GET", QString(), organisationPage},
        {"GET", QStringLiteral("/motif/{id}"), creneauxPage},
        {"GET", QStringLiteral("/creneau"), creneauStep},
        {"POST", QStringLiteral("/prescripteur-coordonnees"), prescripteurStep},
        {"POST", QStringLiteral("/beneficiaire"), usagerStep},
        {"POST", QStringLiteral("/confirmer"), confirmStep},
        {"POST", QStringLiteral("/etape"), resumeStep},
        {"GET", QStringLiteral("/etape"), stepPage},
    };
    for (const bool partner : {false, true}) {
        const QString base =
            QStringLiteral("/rdv/{slug}") + (partner ? QStringLiteral("/prescripteur") : QString());
        for (const auto &[method, suffix, step] : steps) {
            router.add(method, base + suffix, Auth::None,
                       [&site, &pages, partner, step = step](HttpRequest &r) {
                           return step(pageFor(site, pages, r, partner), r);
                       });
        }
    }
}

} // namespace creneau::server
