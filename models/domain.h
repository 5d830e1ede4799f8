// The value types of Créneau's domain: what an organisation offers and what gets booked.
#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace creneau {

using Id = qint64;

// The zone of an organisation created without one (and the fallback of Organisation::zone()).
inline constexpr char kDefaultTimeZone[] = "Europe/Paris";

struct Organisation
{
    Id id = 0;
    QString name;
    QString slug;
    QString timeZone = QString::fromLatin1(kDefaultTimeZone);
    QString phone;
    QString email;
    QString address;
    int reminderHours = 48;
    int usagerCancelHours = 4;
    bool privacyInitials = false;

    // The IANA zone its opening ranges and messages are in; Europe/Paris when the stored name is
    // not one this system knows.
    QTimeZone zone() const;
};

enum class AgentRole
{
    Agent,
    Admin
};
enum class NotificationLevel
{
    All,
    Others,
    Soon,
    None
};

struct Agent
{
    Id id = 0;
    Id organisationId = 0;
    QString firstName;
    QString lastName;
    QString email;
    AgentRole role = AgentRole::Agent;
    NotificationLevel notificationLevel = NotificationLevel::All;
    bool archived = false;
    QString fullName() const { return firstName + QLatin1Char(' ') + lastName; }
};

struct Lieu
{
    Id id = 0;
    Id organisationId = 0;
    QString name;
    QString address;
    QString phone;
    bool archived = false;
};

enum class LocationType
{
    PublicOffice,
    Phone,
    Home,
    Visio
};
enum class BookableBy
{
    Agents,
    AgentsAndPrescripteurs,
    Everyone
};

// How far ahead anything can be booked online: two years. Bounds the motif's maximum delay and
// every scan of the future, so one motif cannot make a request walk centuries week by week.
constexpr int kMaxBookingHorizonMinutes = 731 * 24 * 60;

struct Motif
{
    Id id = 0;
    Id organisationId = 0;
    QString name;
    QString color = QStringLiteral("#1f6feb");
    int durationMinutes = 30;
    LocationType locationType = LocationType::PublicOffice;
    BookableBy bookableBy = BookableBy::Agents;
    int minDelayMinutes = 30;
    int maxDelayMinutes = 6 * 7 * 24 * 60;
    QString instructions;
    bool archived = false;
    // 0: one usager per appointment, in the opening ranges' créneaux. More: a collective motif
    // (an information meeting, a workshop) of this many places per session by default, booked
    // in its sessions (CollectiveSession) instead.
    int capacity = 0;
    bool isCollective() const { return capacity > 0; }
};

// One concrete meeting of a collective motif: its agents lead it, its participants are
// appointments (Rdv::sessionId) up to `capacity`.
struct CollectiveSession
{
    Id id = 0;
    Id organisationId = 0;
    Id motifId = 0;
    Id lieuId = 0;
    QList<Id> agentIds;
    qint64 startsAt = 0; // UTC seconds
    int durationMinutes = 0;
    int capacity = 0;
    QString title;
    bool cancelled = false;
    QString cancelReason;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    int version = 1;
    qint64 seq = 0;
    qint64 endsAt() const { return startsAt + qint64(durationMinutes) * 60; }
};

// A recurring (or one-off) window during which an agent receives for some motifs at a lieu.
// Times are wall-clock times in the organisation's zone; the rule is an iCalendar RRULE.
struct PlageOuverture
{
    Id id = 0;
    Id organisationId = 0;
    Id agentId = 0;
    Id lieuId = 0;
    QList<Id> motifIds;
    QString title;
    QDate firstDay;
    QTime startTime;
    QTime endTime;
    QString rrule; // empty: the first day only
    QList<QDate> exceptionDates;
    bool archived = false;
};

struct Absence
{
    Id id = 0;
    Id organisationId = 0;
    Id agentId = 0;
    QString title;
    qint64 startsAt = 0; // UTC seconds
    qint64 endsAt = 0;
    QString rrule; // expanded in the organisation's zone from the start's wall-clock time
};

struct Usager
{
    Id id = 0;
    Id organisationId = 0;
    QString firstName;
    QString lastName;
    QDate birthDate;
    QString email;
    QString phone; // normalised national form, see normalizePhone()
    QString address;
    QString notes;
    QString fullName() const { return firstName + QLatin1Char(' ') + lastName; }
};

// The partner who booked on behalf of a usager. Kept on the appointment; never an account.
struct Prescripteur
{
    QString firstName;
    QString lastName;
    QString email;
    QString phone;
    bool isEmpty() const { return firstName.isEmpty() && lastName.isEmpty() && email.isEmpty(); }
    QString fullName() const { return firstName + QLatin1Char(' ') + lastName; }
};

enum class RdvStatus
{
    Unknown,
    Seen,
    NoShow,
    Excused,
    Revoked
};
enum class CreatedBy
{
    Agent,
    Usager,
    Prescripteur
};

struct Rdv
{
    Id id = 0;
    Id organisationId = 0;
    Id motifId = 0;
    Id lieuId = 0;    // 0 when the motif does not take place at a lieu
    Id sessionId = 0; // the collective session this is one participant of; 0: individual
    QList<Id> agentIds;
    QList<Id> usagerIds;
    qint64 startsAt = 0; // UTC seconds
    int durationMinutes = 0;
    RdvStatus status = RdvStatus::Unknown;
    CreatedBy createdBy = CreatedBy::Agent;
    Id createdByAgentId = 0;
    Prescripteur prescripteur;
    QString context;
    QString cancelReason;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    int version = 1;
    qint64 seq = 0;
    qint64 endsAt() const { return startsAt + qint64(durationMinutes) * 60; }
};

// Conversions between enums and the words stored in the database and the API.
QString toWord(AgentRole v);
QString toWord(NotificationLevel v);
QString toWord(LocationType v);
QString toWord(BookableBy v);
QString toWord(RdvStatus v);
QString toWord(CreatedBy v);
bool fromWord(const QString &s, AgentRole *v);
bool fromWord(const QString &s, NotificationLevel *v);
bool fromWord(const QString &s, LocationType *v);
bool fromWord(const QString &s, BookableBy *v);
bool fromWord(const QString &s, RdvStatus *v);
bool fromWord(const QString &s, CreatedBy *v);

// What users read: « Sur place », « annulé »... (translated, French by default).
QString displayName(LocationType v);
QString displayName(RdvStatus v);
QString displayName(BookableBy v);

} // namespace creneau
