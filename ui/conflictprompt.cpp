#include "ui/conflictprompt.h"

#include "ui/clocktime.h"

#include "models/domain.h"
#include "sync/client/syncclient.h"

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
    const QString type = command.value(QStringLiteral("type")).toString();
    const QJsonObject p = command.value(QStringLiteral("payload")).toObject();
    if (type == QLatin1String("move_rdv")) {
        const QDateTime at =
            QDateTime::fromSecsSinceEpoch(p.value(QStringLiteral("starts_at")).toInteger(), m_zone);
        return tr("move it to %1")
            .arg(QLocale().toString(at.date(), QStringLiteral("dddd d MMMM ")) +
                 clockTime(at.time()));
    }
    if (type == QLatin1String("cancel_rdv"))
        return tr("cancel it");
    if (type == QLatin1String("set_status")) {
        RdvStatus status;
        if (fromWord(p.value(QStringLiteral("status")).toString(), &status))
            return tr("mark it « %1 »").arg(displayName(status));
    }
    if (type == QLatin1String("set_context"))
        return tr("change its note to « %1 »").arg(p.value(QStringLiteral("context")).toString());
    return tr("change it");
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
    // Over the version the agent has now seen; the rdv's version, or a catalogue row's seq.
    const int version = current.contains(QStringLiteral("version"))
                            ? current.value(QStringLiteral("version")).toInt()
                            : current.value(QStringLiteral("seq")).toInt();
    m_client->submit(command.value(QStringLiteral("type")).toString(),
                     command.value(QStringLiteral("payload")).toObject(), version);
    emit resolved(true);
}

void ConflictPrompt::keepServer()
{
    emit resolved(false);
}

} // namespace creneau::ui
