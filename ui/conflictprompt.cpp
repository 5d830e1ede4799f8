#include "ui/conflictprompt.h"

#include "ui/clocktime.h"

#include "models/domain.h"
#include "sync/client/syncclient.h"
#include "sync/protocol/rdvcommands.h"

#include <QDateTime>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace creneau::ui {

using client::SyncClient;

ConflictPrompt::ConflictPrompt(SyncClient *client, QTimeZone zone, QWidget *parent)
    : QObject(parent), m_client(client), m_zone(std::move(zone)), m_parent(parent)
{
    connect(client, &SyncClient::conflict, this, &ConflictPrompt::ask);
}

QString ConflictPrompt::describeCommand(const QJsonObject &command) const
{
    using protocol::CommandType;
    protocol::CommandEnvelope envelope;
    if (protocol::CommandEnvelope::parse(command, &envelope) !=
        protocol::CommandEnvelope::Problem::None)
        return tr("change it");
    protocol::RdvChange change;
    if (!protocol::readRdvChange(envelope.type, envelope.payload, &change).isEmpty())
        return tr("change it");
    switch (envelope.type) {
    case CommandType::MoveRdv: {
        const QDateTime at = QDateTime::fromSecsSinceEpoch(change.startsAt, m_zone);
        return tr("move it to %1")
            .arg(QLocale().toString(at.date(), QStringLiteral("dddd d MMMM ")) +
                 clockTime(at.time()));
    }
    case CommandType::CancelRdv:
        return tr("cancel it");
    case CommandType::SetStatus:
        return tr("mark it « %1 »").arg(displayName(change.status));
    case CommandType::SetContext:
        return tr("change its note to « %1 »").arg(change.context);
    default:
        return tr("change it");
    }
}

QString ConflictPrompt::describeCurrent(const QJsonObject &current) const
{
    if (current.isEmpty())
        return tr("It no longer exists.");
    QString status = current.value(QStringLiteral("status")).toString();
    RdvStatus s;
    if (fromWord(status, &s))
        status = displayName(s);
    const QDateTime at = QDateTime::fromSecsSinceEpoch(
        current.value(QStringLiteral("starts_at")).toInteger(), m_zone);
    return tr("Now: %1, %2.")
        .arg(QLocale().toString(at.date(), QStringLiteral("dddd d MMMM ")) + clockTime(at.time()),
             status);
}

void ConflictPrompt::ask(const QJsonObject &command, const QJsonObject &current)
{
    if (m_box) // one question at a time: the older one is answered « keep the server's »
        m_box->reject();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Appointment changed meanwhile"),
                                tr("This appointment was changed on the server while you wanted "
                                   "to %1.")
                                        .arg(describeCommand(command)) +
                                    QLatin1Char('\n') + describeCurrent(current),
                                QMessageBox::NoButton, m_parent);
    box->setObjectName(QStringLiteral("conflictBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *mine = box->addButton(tr("Apply my change"), QMessageBox::AcceptRole);
    mine->setObjectName(QStringLiteral("applyMineButton"));
    QPushButton *theirs = box->addButton(tr("Keep the server's version"), QMessageBox::RejectRole);
    theirs->setObjectName(QStringLiteral("keepServerButton"));
    box->setDefaultButton(theirs);
    connect(box, &QMessageBox::finished, this, [this, box, mine, command, current] {
        if (box->clickedButton() == mine)
            applyMine(command, current);
        else
            keepServer();
    });
    m_box = box;
    box->open(); // not exec(): the agenda keeps syncing behind it
}

void ConflictPrompt::applyMine(const QJsonObject &command, const QJsonObject &current)
{
    protocol::CommandEnvelope envelope;
    if (protocol::CommandEnvelope::parse(command, &envelope) !=
        protocol::CommandEnvelope::Problem::None) {
        emit resolved(false);
        return;
    }
    // Over the version the agent has now seen; the rdv's version, or a catalogue row's seq.
    const int version = current.contains(QStringLiteral("version"))
                            ? current.value(QStringLiteral("version")).toInt()
                            : current.value(QStringLiteral("seq")).toInt();
    m_client->submit(envelope.type, envelope.payload, version);
    emit resolved(true);
}

void ConflictPrompt::keepServer()
{
    emit resolved(false);
}

} // namespace creneau::ui
