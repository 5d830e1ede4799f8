// The appointments of the visible period as an item model: one row per appointment, and one per
// collective session (its participants counted, not listed: « 7/12 »), sorted by start, with the
// roles the agenda view and the tests read. Also carries the period's opening
// ranges and absences, which the view draws behind the appointments.
#pragma once

#include "ui/agendasource.h"

#include <QAbstractListModel>
#include <QColor>
#include <QDate>

namespace creneau::ui {

class AgendaModel : public QAbstractListModel
{
    Q_OBJECT
public:
    // What the agenda's « P » badge means, for its tooltip and the legend under the agenda.
    static QString prescripteurBadgeText();
    enum Role
    {
        RdvIdRole = Qt::UserRole + 1, // the item's id: a session's is sessionItemId()
        StartRole,                    // QDateTime in the organisation's zone
        EndRole,                      // QDateTime in the organisation's zone
        MotifNameRole,                // QString
        MotifColorRole,               // QColor
        UsagerNameRole,               // QString
        AgentIdRole,                  // qint64, the first agent
        AgentIdsRole,                 // QList<qint64>
        LieuRole,                     // QString, the lieu's name
        BookedByPrescripteurRole,     // bool
        PrescripteurNameRole,         // QString
        StatusRole,                   // int, a creneau::RdvStatus
        SeqRole,                      // qint64
        StartSecsRole,                // qint64, UTC seconds (cheaper than StartRole for layout)
        EndSecsRole,                  // qint64, UTC seconds
        SessionIdRole,                // qint64, the collective session's id; 0: an appointment
        PlacesTakenRole,              // int, a session's participants not cancelled
        CapacityRole,                 // int, a session's places
    };

    // The views select items by one id: a session's is its id negated, so that it never meets
    // an appointment's.
    static Id sessionItemId(Id sessionId) { return -sessionId; }
    static Id sessionOfItem(Id itemId) { return itemId < 0 ? -itemId : 0; }
    // « 7/12 »
    static QString placesText(int taken, int capacity);

    explicit AgendaModel(AgendaSource *source, QObject *parent = nullptr);

    // Days from `from` to `to` inclusive, in the organisation's zone.
    void setPeriod(const QDate &from, const QDate &to);
    QDate from() const { return m_from; }
    QDate to() const { return m_to; }
    // 0: every agent.
    void setAgentFilter(Id agentId);
    Id agentFilter() const { return m_agentFilter; }
    // 0: every lieu.
    void setLieuFilter(Id lieuId);
    Id lieuFilter() const { return m_lieuFilter; }
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QModelIndex indexOfRdv(Id rdvId) const;
    const QList<AgentInterval> &openings() const { return m_openings; }
    const QList<AgentInterval> &absences() const { return m_absences; }
    const QList<Agent> &agents() const { return m_agents; }
    QTimeZone timeZone() const { return m_zone; }

private:
    struct Row
    {
        Rdv rdv;
        QString motifName;
        QColor motifColor;
        QString usagerName;
        QString lieuName;
        Id sessionId = 0;
        int taken = 0;
        int capacity = 0;
    };
    Row makeRow(const Rdv &rdv, const QHash<Id, Motif> &motifs, const QHash<Id, Lieu> &lieux) const;
    // A session as a row: its time, agents and lieu in an Rdv whose id is sessionItemId().
    Row makeRow(const CollectiveSession &session, int taken, const QHash<Id, Motif> &motifs,
                const QHash<Id, Lieu> &lieux) const;
    bool passesFilters(const QList<Id> &agentIds, Id lieuId) const;

    AgendaSource *m_source;
    QDate m_from;
    QDate m_to;
    Id m_agentFilter = 0;
    Id m_lieuFilter = 0;
    QTimeZone m_zone;
    QList<Row> m_rows;
    QList<AgentInterval> m_openings;
    QList<AgentInterval> m_absences;
    QList<Agent> m_agents;
};

} // namespace creneau::ui
