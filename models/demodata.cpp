#include "models/demodata.h"

#include "models/catalog.h"
#include "models/rdvrepository.h"
#include "models/secrets.h"
#include "models/sessionrepository.h"

#include <QTimeZone>

#include <random>
#include <set>

namespace creneau::demo {

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QDate mondayOf(const QDate &d)
{
    return d.addDays(1 - d.dayOfWeek());
}

Motif motif(Id org, const char *name, const char *colour, int minutes, LocationType where,
            BookableBy who, const char *instructions)
{
    Motif m;
    m.organisationId = org;
    m.name = s(name);
    m.color = s(colour);
    m.durationMinutes = minutes;
    m.locationType = where;
    m.bookableBy = who;
    m.instructions = s(instructions);
    return m;
}

PlageOuverture weekly(Id org, Id agent, Id lieu, QList<Id> motifs, const QDate &first, QTime start,
                      QTime end, const char *title)
{
    PlageOuverture p;
    p.organisationId = org;
    p.agentId = agent;
    p.lieuId = lieu;
    p.motifIds = std::move(motifs);
    p.firstDay = first;
    p.startTime = start;
    p.endTime = end;
    p.rrule = QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    p.title = s(title);
    return p;
}

} // namespace

bool isEmpty(Store &store)
{
    return sql::scalar(store.db(), QStringLiteral("SELECT COUNT(*) FROM organisations")).toInt() ==
           0;
}

qint64 seedSmall(Store &store, const Clock &clock)
{
    if (!isEmpty(store))
        return 0;
    const QString adminHash = secrets::hashPassword(s(kAdminPassword));
    WriteTransaction tx(store);
    Catalog catalog(store);
    Organisation org;
    org.name = s("Maison France Services de Vernon");
    org.slug = QStringLiteral("mfs-vernon");
    org.phone = QStringLiteral("02 32 00 00 00");
    org.email = QStringLiteral("contact@mfs-vernon.example.fr");
    org.address = s("12 rue Sainte-Geneviève, 27200 Vernon");
    catalog.save(org);

    Agent admin{0,
                org.id,
                s("Camille"),
                s("Martin"),
                s(kAdminEmail),
                AgentRole::Admin,
                NotificationLevel::All,
                false};
    Agent agent1{0,
                 org.id,
                 s("Karim"),
                 s("Benali"),
                 s("karim.benali@demo.creneau.fr"),
                 AgentRole::Agent,
                 NotificationLevel::Others,
                 false};
    Agent agent2{0,
                 org.id,
                 s("Sophie"),
                 s("Lefèvre"),
                 s("sophie.lefevre@demo.creneau.fr"),
                 AgentRole::Agent,
                 NotificationLevel::Soon,
                 false};
    for (Agent *a : {&admin, &agent1, &agent2})
        catalog.save(*a);
    catalog.setPasswordHash(admin.id, adminHash);

    Lieu centre{0,
                org.id,
                s("Maison France Services — centre"),
                s("12 rue Sainte-Geneviève, 27200 Vernon"),
                QStringLiteral("02 32 00 00 00"),
                false};
    Lieu annexe{0,
                org.id,
                s("Antenne des Valmeux"),
                s("3 place de la Paix, 27200 Vernon"),
                QStringLiteral("02 32 00 00 01"),
                false};
    catalog.save(centre);
    catalog.save(annexe);

    Motif caf =
        motif(org.id, "Aide aux démarches CAF", "#2e7d32", 30, LocationType::PublicOffice,
              BookableBy::Everyone, "Apportez votre numéro d'allocataire et une pièce d'identité.");
    Motif rsa = motif(org.id, "Accompagnement RSA", "#1565c0", 45, LocationType::PublicOffice,
                      BookableBy::AgentsAndPrescripteurs,
                      "Apportez votre dernière attestation de paiement et vos justificatifs de "
                      "ressources.");
    Motif phone =
        motif(org.id, "Point emploi par téléphone", "#6a1b9a", 30, LocationType::Phone,
              BookableBy::AgentsAndPrescripteurs, "Un conseiller vous appelle au numéro indiqué.");
    Motif visio =
        motif(org.id, "Démarches en ligne en visioconférence", "#00838f", 30, LocationType::Visio,
              BookableBy::Everyone, "Le lien de la visioconférence vous est envoyé par e-mail.");
    Motif home = motif(org.id, "Visite à domicile", "#ef6c00", 60, LocationType::Home,
                       BookableBy::Agents, "");
    Motif internal = motif(org.id, "Réunion de suivi", "#757575", 60, LocationType::PublicOffice,
                           BookableBy::Agents, "");
    // A collective motif: prescribers register beneficiaries into its sessions.
    Motif meeting = motif(org.id, "Réunion d'information RSA", "#ad1457", 90,
                          LocationType::PublicOffice, BookableBy::AgentsAndPrescripteurs,
                          "Réunion collective : droits et devoirs du bénéficiaire du RSA, "
                          "accompagnement proposé. Apportez une pièce d'identité.");
    meeting.capacity = 12;
    for (Motif *m : {&caf, &rsa, &phone, &visio, &home, &internal, &meeting})
        catalog.save(*m);

    const QTimeZone zone(org.timeZone.toUtf8());
    const QDate today = clock.now().toTimeZone(zone).date();
    const QDate monday = mondayOf(today);
    QList<PlageOuverture> plages{
        weekly(org.id, agent1.id, centre.id, {caf.id, rsa.id, home.id}, monday, QTime(9, 0),
               QTime(12, 0), "Permanence du matin"),
        weekly(org.id, agent1.id, centre.id, {caf.id, rsa.id, phone.id}, monday, QTime(14, 0),
               QTime(17, 0), "Permanence de l'après-midi"),
        weekly(org.id, agent2.id, annexe.id, {caf.id, rsa.id, visio.id}, monday, QTime(9, 0),
               QTime(12, 30), "Antenne des Valmeux"),
        weekly(org.id, admin.id, centre.id, {phone.id, visio.id, internal.id}, monday,
               QTime(13, 30), QTime(16, 30), "Rendez-vous téléphoniques"),
    };
    plages[3].rrule = QStringLiteral("FREQ=WEEKLY;BYDAY=TU,TH");
    for (PlageOuverture &p : plages)
        catalog.save(p);

    Absence training;
    training.organisationId = org.id;
    training.agentId = agent2.id;
    training.title = s("Formation");
    const QDate nextFriday = monday.addDays(11);
    training.startsAt = QDateTime(nextFriday, QTime(9, 0), zone).toSecsSinceEpoch();
    training.endsAt = QDateTime(nextFriday, QTime(12, 30), zone).toSecsSinceEpoch();
    catalog.save(training);

    RdvRepository repo(store);
    const qint64 now = clock.nowSecs();
    // The information meeting every Wednesday morning for the five coming weeks (within the
    // motif's six weeks of maximum delay whatever the day of the demo), led by the
    // administrator (free then: no opening range of theirs).
    for (int week = 1; week <= 5; ++week) {
        CollectiveSession session;
        session.organisationId = org.id;
        session.motifId = meeting.id;
        session.lieuId = centre.id;
        session.agentIds = {admin.id};
        session.startsAt =
            QDateTime(monday.addDays(7 * week + 2), QTime(9, 30), zone).toSecsSinceEpoch();
        session.durationMinutes = meeting.durationMinutes;
        session.capacity = meeting.capacity;
        session.createdAt = session.updatedAt = now;
        SessionRepository(store).insert(session);
    }
    Usager amina{0,
                 org.id,
                 s("Amina"),
                 s("Diallo"),
                 QDate(1987, 5, 12),
                 s("amina.diallo@example.fr"),
                 s("0612345678"),
                 {},
                 {}};
    Usager jean{0, org.id, s("Jean"), s("Dupont"), QDate(1954, 11, 2), {}, s("0232123456"), {}, {}};
    repo.insert(amina, now);
    repo.insert(jean, now);
    Rdv byPrescripteur;
    byPrescripteur.organisationId = org.id;
    byPrescripteur.motifId = rsa.id;
    byPrescripteur.lieuId = centre.id;
    byPrescripteur.agentIds = {agent1.id};
    byPrescripteur.usagerIds = {amina.id};
    const QDate tomorrow = today.dayOfWeek() >= 5 ? monday.addDays(7) : today.addDays(1);
    byPrescripteur.startsAt = QDateTime(tomorrow, QTime(10, 30), zone).toSecsSinceEpoch();
    byPrescripteur.durationMinutes = rsa.durationMinutes;
    byPrescripteur.createdBy = CreatedBy::Prescripteur;
    byPrescripteur.prescripteur = {s("Nathalie"), s("Roux"), s("n.roux@mairie-vernon.example.fr"),
                                   s("0232641500")};
    byPrescripteur.context = s("Orientée par l'accueil de la mairie : dossier RSA à renouveler.");
    byPrescripteur.createdAt = byPrescripteur.updatedAt = now;
    repo.insert(byPrescripteur);
    Rdv atDesk = byPrescripteur;
    atDesk.id = 0;
    atDesk.motifId = caf.id;
    atDesk.usagerIds = {jean.id};
    atDesk.startsAt = QDateTime(tomorrow, QTime(14, 0), zone).toSecsSinceEpoch();
    atDesk.durationMinutes = caf.durationMinutes;
    atDesk.createdBy = CreatedBy::Agent;
    atDesk.createdByAgentId = agent1.id;
    atDesk.prescripteur = {};
    atDesk.context.clear();
    repo.insert(atDesk);
    tx.commit();
    return org.id;
}

qint64 seedLarge(Store &store, const Clock &clock, unsigned randomSeed)
{
    if (!isEmpty(store))
        return 0;
    std::mt19937 random(randomSeed);
    const QString adminHash = secrets::hashPassword(s(kAdminPassword));
    WriteTransaction tx(store);
    Catalog catalog(store);
    Organisation org;
    org.name = s("Conseil départemental — solidarités");
    org.slug = QStringLiteral("departement-bench");
    org.phone = QStringLiteral("02 32 31 50 50");
    org.address = s("14 boulevard Georges Chauvin, 27000 Évreux");
    catalog.save(org);
    const QTimeZone zone(org.timeZone.toUtf8());

    QList<Lieu> lieux;
    for (int i = 0; i < 8; ++i) {
        Lieu l{0,
               org.id,
               s("Centre médico-social %1").arg(i + 1),
               s("%1 rue de la République, 27000 Évreux").arg(i + 1),
               {},
               false};
        catalog.save(l);
        lieux << l;
    }
    QList<Motif> motifs;
    const int durations[] = {20, 30, 30, 45, 60};
    const BookableBy kinds[] = {BookableBy::Everyone, BookableBy::AgentsAndPrescripteurs,
                                BookableBy::Agents};
    for (int i = 0; i < 20; ++i) {
        Motif m = motif(org.id, "", "#1f6feb", durations[i % 5], LocationType::PublicOffice,
                        kinds[i % 3], "");
        m.name = s("Motif %1").arg(i + 1, 2, 10, QLatin1Char('0'));
        catalog.save(m);
        motifs << m;
    }
    QList<Agent> agents;
    for (int i = 0; i < 50; ++i) {
        Agent a{0,
                org.id,
                s("Agent"),
                s("N°%1").arg(i + 1),
                s("agent%1@bench.creneau.fr").arg(i + 1),
                i == 0 ? AgentRole::Admin : AgentRole::Agent,
                NotificationLevel::None,
                false};
        if (i == 0)
            a.email = s(kAdminEmail);
        catalog.save(a);
        agents << a;
    }
    catalog.setPasswordHash(agents.first().id, adminHash);

    const QDate today = clock.now().toTimeZone(zone).date();
    const QDate first = mondayOf(today).addDays(-28);
    for (int i = 0; i < agents.size(); ++i) {
        const QList<Id> offered{motifs[i % 20].id, motifs[(i + 1) % 20].id, motifs[(i + 7) % 20].id,
                                motifs[(i + 13) % 20].id};
        const Id lieu = lieux[i % lieux.size()].id;
        PlageOuverture morning =
            weekly(org.id, agents[i].id, lieu, offered, first, QTime(9, 0), QTime(12, 0), "Matin");
        PlageOuverture afternoon = weekly(org.id, agents[i].id, lieu, offered, first, QTime(13, 30),
                                          QTime(17, 0), "Après-midi");
        catalog.save(morning);
        catalog.save(afternoon);
    }

    // 10,000 appointments: about a third in the past four weeks, the rest in the next six.
    RdvRepository repo(store);
    const qint64 now = clock.nowSecs();
    std::set<std::pair<Id, qint64>> taken; // (agent, quarter-hour start)
    std::uniform_int_distribution<int> agentPick(0, int(agents.size()) - 1);
    std::uniform_int_distribution<int> dayPick(0, 10 * 7 - 1);
    std::uniform_int_distribution<int> quarterPick(0, 25);
    std::uniform_int_distribution<int> motifPick(0, 3);
    Usager u{0, org.id, s("Usager"), s("Banc"), {}, {}, {}, {}, {}};
    int created = 0;
    while (created < 10000) {
        const int ai = agentPick(random);
        const QDate day = first.addDays(dayPick(random));
        if (day.dayOfWeek() > 5)
            continue;
        const int quarter = quarterPick(random);
        const QTime start = quarter < 12 ? QTime(9, 0).addSecs(quarter * 900)
                                         : QTime(13, 30).addSecs((quarter - 12) * 900);
        const Motif &m = motifs[(ai + QList<int>{0, 1, 7, 13}[motifPick(random)]) % 20];
        const QTime end = start.addSecs(m.durationMinutes * 60);
        if ((start < QTime(12, 0) && end > QTime(12, 0)) || end > QTime(17, 0))
            continue;
        const qint64 startsAt = QDateTime(day, start, zone).toSecsSinceEpoch();
        bool free = true;
        for (qint64 q = 0; q < m.durationMinutes * 60; q += 900)
            free = free && !taken.count({agents[ai].id, startsAt + q});
        if (!free)
            continue;
        for (qint64 q = 0; q < m.durationMinutes * 60; q += 900)
            taken.insert({agents[ai].id, startsAt + q});
        u.id = 0;
        u.lastName = s("Banc %1").arg(created + 1);
        repo.insert(u, now);
        Rdv r;
        r.organisationId = org.id;
        r.motifId = m.id;
        r.lieuId = lieux[ai % lieux.size()].id;
        r.agentIds = {agents[ai].id};
        r.usagerIds = {u.id};
        r.startsAt = startsAt;
        r.durationMinutes = m.durationMinutes;
        r.createdBy = CreatedBy::Agent;
        r.createdAt = r.updatedAt = now;
        if (startsAt < now)
            r.status = RdvStatus::Seen;
        repo.insert(r);
        ++created;
    }
    tx.commit();
    return org.id;
}

} // namespace creneau::demo
