#include "ui/agendamodel.h"

#include "ui/clocktime.h"

#include <algorithm>

namespace creneau::ui {

QString AgendaModel::prescripteurBadgeText()
{
    return tr("Taken by a prescriber");
}

AgendaModel::AgendaModel(AgendaSource *source, QObject *parent)
    : QAbstractListModel(parent), m_source(source), m_zone(source->timeZone())
{}

void AgendaModel::setPeriod(const QDate &from, const QDate &to)
{
    m_from = from;
    m_to = to;
    reload();
}

void AgendaModel::setAgentFilter(Id agentId)
{
    m_agentFilter = agentId;
    reload();
}

void AgendaModel::setLieuFilter(Id lieuId)
{
    m_lieuFilter = lieuId;
    reload();
}

AgendaModel::Row AgendaModel::makeRow(const Rdv &rdv, const QHash<Id, Motif> &motifs,
                                      const QHash<Id, Lieu> &lieux) const
{
    Row row{rdv, {}, QColor(), {}, {}, 0, 0, 0};
    if (const auto m = motifs.constFind(rdv.motifId); m != motifs.constEnd()) {
        row.motifName = m->name;
        row.motifColor = QColor(m->color);
    }
    if (!rdv.usagerIds.isEmpty())
        if (const auto u = m_source->usager(rdv.usagerIds.first()))
            row.usagerName = u->fullName();
    row.lieuName = lieux.value(rdv.lieuId).name;
    return row;
}

AgendaModel::Row AgendaModel::makeRow(const CollectiveSession &session, int taken,
                                      const QHash<Id, Motif> &motifs,
                                      const QHash<Id, Lieu> &lieux) const
{
    Rdv item;
    item.id = sessionItemId(session.id);
    item.organisationId = session.organisationId;
    item.motifId = session.motifId;
    item.lieuId = session.lieuId;
    item.sessionId = session.id;
    item.agentIds = session.agentIds;
    item.startsAt = session.startsAt;
    item.durationMinutes = session.durationMinutes;
    item.status = session.cancelled ? RdvStatus::Revoked : RdvStatus::Unknown;
    item.version = session.version;
    item.seq = session.seq;
    Row row = makeRow(item, motifs, lieux);
    if (!session.title.isEmpty())
        row.motifName += QStringLiteral(" — ") + session.title;
    row.sessionId = session.id;
    row.taken = taken;
    row.capacity = session.capacity;
    // Read where an appointment's usager is (the list's column, what a screen reader says).
    row.usagerName = tr("%1 participants").arg(placesText(taken, session.capacity));
    return row;
}

QString AgendaModel::placesText(int taken, int capacity)
{
    return QStringLiteral("%1/%2").arg(taken).arg(capacity);
}

bool AgendaModel::passesFilters(const QList<Id> &agentIds, Id lieuId) const
{
    return (!m_agentFilter || agentIds.contains(m_agentFilter)) &&
           (!m_lieuFilter || lieuId == m_lieuFilter);
}

void AgendaModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_openings.clear();
    m_absences.clear();
    m_zone = m_source->timeZone();
    m_agents = m_source->agents();
    if (m_agentFilter) {
        m_agents.erase(std::remove_if(m_agents.begin(), m_agents.end(),
                                      [this](const Agent &a) { return a.id != m_agentFilter; }),
                       m_agents.end());
    }
    if (m_from.isValid() && m_to.isValid()) {
        const qint64 start = QDateTime(m_from, QTime(0, 0), m_zone).toSecsSinceEpoch();
        const qint64 end = QDateTime(m_to.addDays(1), QTime(0, 0), m_zone).toSecsSinceEpoch();
        // The catalogue once per reload, not once per appointment.
        QHash<Id, Motif> motifs;
        for (const Motif &m : m_source->motifs())
            motifs.insert(m.id, m);
        QHash<Id, Lieu> lieux;
        for (const Lieu &l : m_source->lieux())
            lieux.insert(l.id, l);
        for (const Rdv &rdv : m_source->rdvsBetween(start, end))
            if (passesFilters(rdv.agentIds, rdv.lieuId))
                m_rows << makeRow(rdv, motifs, lieux);
        QList<CollectiveSession> sessions = m_source->sessionsBetween(start, end);
        sessions.removeIf(
            [this](const CollectiveSession &s) { return !passesFilters(s.agentIds, s.lieuId); });
        QList<Id> sessionIds;
        for (const CollectiveSession &s : sessions)
            sessionIds << s.id;
        const QHash<Id, int> taken = m_source->placesTaken(sessionIds);
        for (const CollectiveSession &s : sessions)
            m_rows << makeRow(s, taken.value(s.id), motifs, lieux);
        std::sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
            return a.rdv.startsAt != b.rdv.startsAt ? a.rdv.startsAt < b.rdv.startsAt
                                                    : a.rdv.id < b.rdv.id;
        });
        for (const AgentInterval &o : m_source->openings(m_from, m_to))
            if ((!m_agentFilter || o.agentId == m_agentFilter) &&
                (!m_lieuFilter || o.lieuId == m_lieuFilter))
                m_openings << o;
        for (const AgentInterval &a : m_source->absences(m_from, m_to))
            if ((!m_agentFilter || a.agentId == m_agentFilter) && a.end > start && a.start < end)
                m_absences << a;
    }
    endResetModel();
}

int AgendaModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant AgendaModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Rdv &rdv = row.rdv;
    switch (role) {
    case Qt::DisplayRole:
        return clockTime(QDateTime::fromSecsSinceEpoch(rdv.startsAt, m_zone).time()) +
               QLatin1Char(' ') +
               (row.sessionId
                    ? row.motifName + QLatin1Char(' ') + placesText(row.taken, row.capacity)
                    : row.usagerName);
    case Qt::ToolTipRole:
        // The « P » badge says who booked: spelled out where the pointer rests.
        return rdv.createdBy == CreatedBy::Prescripteur
                   ? row.motifName + QLatin1Char('\n') + prescripteurBadgeText()
                   : row.motifName;
    case RdvIdRole:
        return rdv.id;
    case StartRole:
        return QDateTime::fromSecsSinceEpoch(rdv.startsAt, m_zone);
    case EndRole:
        return QDateTime::fromSecsSinceEpoch(rdv.endsAt(), m_zone);
    case StartSecsRole:
        return rdv.startsAt;
    case EndSecsRole:
        return rdv.endsAt();
    case MotifNameRole:
        return row.motifName;
    case MotifColorRole:
        return row.motifColor;
    case UsagerNameRole:
        return row.usagerName;
    case AgentIdRole:
        return rdv.agentIds.isEmpty() ? Id(0) : rdv.agentIds.first();
    case AgentIdsRole:
        return QVariant::fromValue(rdv.agentIds);
    case LieuRole:
        return row.lieuName;
    case BookedByPrescripteurRole:
        return rdv.createdBy == CreatedBy::Prescripteur;
    case PrescripteurNameRole:
        return rdv.prescripteur.isEmpty() ? QString() : rdv.prescripteur.fullName();
    case StatusRole:
        return int(rdv.status);
    case SeqRole:
        return rdv.seq;
    case SessionIdRole:
        return row.sessionId;
    case PlacesTakenRole:
        return row.taken;
    case CapacityRole:
        return row.capacity;
    default:
        return {};
    }
}

QHash<int, QByteArray> AgendaModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names[RdvIdRole] = "rdvId";
    names[StartRole] = "start";
    names[EndRole] = "end";
    names[StartSecsRole] = "startSecs";
    names[EndSecsRole] = "endSecs";
    names[MotifNameRole] = "motifName";
    names[MotifColorRole] = "motifColor";
    names[UsagerNameRole] = "usagerName";
    names[AgentIdRole] = "agentId";
    names[AgentIdsRole] = "agentIds";
    names[LieuRole] = "lieu";
    names[BookedByPrescripteurRole] = "bookedByPrescripteur";
    names[PrescripteurNameRole] = "prescripteurName";
    names[StatusRole] = "status";
    names[SeqRole] = "seq";
    names[SessionIdRole] = "sessionId";
    names[PlacesTakenRole] = "placesTaken";
    names[CapacityRole] = "capacity";
    return names;
}

QModelIndex AgendaModel::indexOfRdv(Id rdvId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).rdv.id == rdvId)
            return index(i);
    return {};
}

} // namespace creneau::ui
