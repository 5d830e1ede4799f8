#include "models/domain.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace creneau {

namespace {

template <typename E, std::size_t N>
QString wordIn(const std::array<std::pair<E, const char *>, N> &table, E v)
{
    for (const auto &[value, word] : table) {
        if (value == v)
            return QString::fromLatin1(word);
    }
    return {};
}

template <typename E, std::size_t N>
bool valueIn(const std::array<std::pair<E, const char *>, N> &table, const QString &s, E *v)
{
    for (const auto &[value, word] : table) {
        if (s == QLatin1String(word)) {
            *v = value;
            return true;
        }
    }
    return false;
}

constexpr std::array<std::pair<AgentRole, const char *>, 2> kRoles{
    {{AgentRole::Agent, "agent"}, {AgentRole::Admin, "admin"}}};
constexpr std::array<std::pair<NotificationLevel, const char *>, 4> kLevels{
    {{NotificationLevel::All, "all"},
     {NotificationLevel::Others, "others"},
     {NotificationLevel::Soon, "soon"},
     {NotificationLevel::None, "none"}}};
constexpr std::array<std::pair<LocationType, const char *>, 4> kLocations{
    {{LocationType::PublicOffice, "public_office"},
     {LocationType::Phone, "phone"},
     {LocationType::Home, "home"},
     {LocationType::Visio, "visio"}}};
constexpr std::array<std::pair<BookableBy, const char *>, 3> kBookable{
    {{BookableBy::Agents, "agents"},
     {BookableBy::AgentsAndPrescripteurs, "agents_and_prescripteurs"},
     {BookableBy::Everyone, "everyone"}}};
constexpr std::array<std::pair<RdvStatus, const char *>, 5> kStatuses{
    {{RdvStatus::Unknown, "unknown"},
     {RdvStatus::Seen, "seen"},
     {RdvStatus::NoShow, "noshow"},
     {RdvStatus::Excused, "excused"},
     {RdvStatus::Revoked, "revoked"}}};
constexpr std::array<std::pair<CreatedBy, const char *>, 3> kCreators{
    {{CreatedBy::Agent, "agent"},
     {CreatedBy::Usager, "usager"},
     {CreatedBy::Prescripteur, "prescripteur"}}};

} // namespace

QString toWord(AgentRole v)
{
    return wordIn(kRoles, v);
}
QString toWord(NotificationLevel v)
{
    return wordIn(kLevels, v);
}
QString toWord(LocationType v)
{
    return wordIn(kLocations, v);
}
QString toWord(BookableBy v)
{
    return wordIn(kBookable, v);
}
QString toWord(RdvStatus v)
{
    return wordIn(kStatuses, v);
}
QString toWord(CreatedBy v)
{
    return wordIn(kCreators, v);
}
bool fromWord(const QString &s, AgentRole *v)
{
    return valueIn(kRoles, s, v);
}
bool fromWord(const QString &s, NotificationLevel *v)
{
    return valueIn(kLevels, s, v);
}
bool fromWord(const QString &s, LocationType *v)
{
    return valueIn(kLocations, s, v);
}
bool fromWord(const QString &s, BookableBy *v)
{
    return valueIn(kBookable, s, v);
}
bool fromWord(const QString &s, RdvStatus *v)
{
    return valueIn(kStatuses, s, v);
}
bool fromWord(const QString &s, CreatedBy *v)
{
    return valueIn(kCreators, s, v);
}

QString displayName(LocationType v)
{
    switch (v) {
    case LocationType::PublicOffice:
        return QCoreApplication::translate("creneau::Domain", "On site");
    case LocationType::Phone:
        return QCoreApplication::translate("creneau::Domain", "By phone");
    case LocationType::Home:
        return QCoreApplication::translate("creneau::Domain", "At home");
    case LocationType::Visio:
        return QCoreApplication::translate("creneau::Domain", "By video call");
    }
    return {};
}

QString displayName(RdvStatus v)
{
    switch (v) {
    case RdvStatus::Unknown:
        return QCoreApplication::translate("creneau::Domain", "upcoming");
    case RdvStatus::Seen:
        return QCoreApplication::translate("creneau::Domain", "seen");
    case RdvStatus::NoShow:
        return QCoreApplication::translate("creneau::Domain", "no-show");
    case RdvStatus::Excused:
        return QCoreApplication::translate("creneau::Domain", "excused");
    case RdvStatus::Revoked:
        return QCoreApplication::translate("creneau::Domain", "cancelled");
    }
    return {};
}

QString displayName(BookableBy v)
{
    switch (v) {
    case BookableBy::Agents:
        return QCoreApplication::translate("creneau::Domain", "Agents only");
    case BookableBy::AgentsAndPrescripteurs:
        return QCoreApplication::translate("creneau::Domain", "Agents and prescribers");
    case BookableBy::Everyone:
        return QCoreApplication::translate("creneau::Domain", "Everyone");
    }
    return {};
}

QTimeZone Organisation::zone() const
{
    const QTimeZone z(timeZone.toUtf8());
    return z.isValid() ? z : QTimeZone(kDefaultTimeZone);
}

} // namespace creneau
