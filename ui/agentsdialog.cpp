#include "ui/agentsdialog.h"

#include "sync/client/admincommands.h"
#include "sync/protocol/admincommands.h"
#include "ui/organisationdialog.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace creneau::ui {

using protocol::CommandType;

namespace {

QJsonObject agentOf(const QJsonArray &agents, qint64 id)
{
    for (const QJsonValue &v : agents)
        if (v.toObject().value(QStringLiteral("id")).toInteger() == id)
            return v.toObject();
    return {};
}

} // namespace

AgentsDialog::AgentsDialog(const QUrl &serverUrl, const QString &bearerToken, QWidget *parent)
    : QDialog(parent), m_client(new client::AdminCommands(serverUrl, bearerToken, this))
{
    setWindowTitle(tr("Agents"));
    resize(720, 520);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("agentsTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("E-mail"), tr("Role"), tr("Last sign-in")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();

    auto *actions = new QHBoxLayout;
    auto addButton = [&](const QString &text, const QString &name) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        actions->addWidget(b);
        m_buttons << b;
        return b;
    };
    QPushButton *role = addButton(tr("Change role"), QStringLiteral("roleButton"));
    QPushButton *archive = addButton(tr("Archive…"), QStringLiteral("archiveButton"));
    QPushButton *reset = addButton(tr("Reset password…"), QStringLiteral("resetButton"));
    actions->addStretch();
    connect(role, &QPushButton::clicked, this, [this] {
        const QJsonObject a = agentOf(m_agents, selectedAgent());
        if (!a.isEmpty())
            setRole(selectedAgent(),
                    a.value(QStringLiteral("role")).toString() != QLatin1String("admin"));
    });
    connect(archive, &QPushButton::clicked, this, &AgentsDialog::confirmArchive);
    connect(reset, &QPushButton::clicked, this, &AgentsDialog::askReset);

    auto *addBox = new QGroupBox(tr("Add an agent"), this);
    auto *form = new QFormLayout(addBox);
    m_firstName = new QLineEdit(addBox);
    m_firstName->setObjectName(QStringLiteral("firstNameEdit"));
    m_lastName = new QLineEdit(addBox);
    m_lastName->setObjectName(QStringLiteral("lastNameEdit"));
    m_email = new QLineEdit(addBox);
    m_email->setObjectName(QStringLiteral("emailEdit"));
    m_role = new QComboBox(addBox);
    m_role->setObjectName(QStringLiteral("roleCombo"));
    m_role->addItem(tr("Agent"), QStringLiteral("agent"));
    m_role->addItem(tr("Administrator"), QStringLiteral("admin"));
    m_initialPassword = new QLineEdit(addBox);
    m_initialPassword->setObjectName(QStringLiteral("initialPasswordEdit"));
    m_initialPassword->setEchoMode(QLineEdit::Password);
    m_initialPassword->setPlaceholderText(tr("Empty: an invitation is sent by e-mail"));
    m_errors.addRow(form, tr("First name"), m_firstName, QStringLiteral("first_name"));
    m_errors.addRow(form, tr("Last name"), m_lastName, QStringLiteral("last_name"));
    m_errors.addRow(form, tr("E-mail"), m_email, QStringLiteral("email"));
    m_errors.addRow(form, tr("Role"), m_role, QStringLiteral("role"));
    m_errors.addRow(form, tr("Initial password"), m_initialPassword,
                    QStringLiteral("initial_password"));
    QPushButton *add = new QPushButton(tr("Add"), addBox);
    add->setObjectName(QStringLiteral("addButton"));
    m_buttons << add;
    form->addRow(QString(), add);
    connect(add, &QPushButton::clicked, this, &AgentsDialog::addAgent);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);
    layout->addWidget(addBox);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    reload();
}

void AgentsDialog::reload()
{
    setBusy(true);
    m_client->load([this](const client::AdminReply &r) {
        if (r.ok())
            showAgents(r.body.value(QStringLiteral("agents")).toArray());
        setBusy(false);
        if (!r.ok()) {
            m_status->setText(r.message);
            m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
        }
        emit requestFinished(r.ok());
    });
}

void AgentsDialog::showAgents(const QJsonArray &agents)
{
    const qint64 selected = selectedAgent();
    m_agents = agents;
    m_table->setRowCount(0);
    const QLocale locale;
    for (const QJsonValue &v : agents) {
        const QJsonObject a = v.toObject();
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto *name = new QTableWidgetItem(a.value(QStringLiteral("first_name")).toString() +
                                          QLatin1Char(' ') +
                                          a.value(QStringLiteral("last_name")).toString());
        name->setData(Qt::UserRole, a.value(QStringLiteral("id")).toInteger());
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, new QTableWidgetItem(a.value(QStringLiteral("email")).toString()));
        QString role = a.value(QStringLiteral("role")).toString() == QLatin1String("admin")
                           ? tr("Administrator")
                           : tr("Agent");
        if (a.value(QStringLiteral("archived")).toBool())
            role = tr("Archived");
        m_table->setItem(row, 2, new QTableWidgetItem(role));
        const qint64 last = a.value(QStringLiteral("last_sign_in_at")).toInteger();
        QString when = last ? locale.toString(QDateTime::fromSecsSinceEpoch(last).toLocalTime(),
                                              QLocale::ShortFormat)
                            : tr("Never");
        if (!a.value(QStringLiteral("has_password")).toBool())
            when += tr(" (invitation pending)");
        else if (a.value(QStringLiteral("must_change_password")).toBool())
            when += tr(" (initial password)");
        m_table->setItem(row, 3, new QTableWidgetItem(when));
        if (name->data(Qt::UserRole).toLongLong() == selected)
            m_table->selectRow(row);
    }
    m_table->resizeColumnsToContents();
}

qint64 AgentsDialog::selectedAgent() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    return m_table->item(rows.first().row(), 0)->data(Qt::UserRole).toLongLong();
}

void AgentsDialog::addAgent()
{
    Agent agent;
    agent.firstName = m_firstName->text();
    agent.lastName = m_lastName->text();
    agent.email = m_email->text();
    fromWord(m_role->currentData().toString(), &agent.role);
    const QJsonObject payload = protocol::agentPayload(agent, m_initialPassword->text());
    setBusy(true);
    m_client->run(CommandType::SaveAgent, payload, [this](const client::AdminReply &r) {
        m_errors.show(fieldErrorsOf(r));
        const bool invited =
            r.body.value(QStringLiteral("invitation")).toString() == QLatin1String("email");
        if (r.ok()) {
            for (QLineEdit *e : {m_firstName, m_lastName, m_email, m_initialPassword})
                e->clear();
        }
        finish(r, invited ? tr("Agent added: an invitation to choose a password was sent by "
                               "e-mail (valid 7 days).")
                          : tr("Agent added: give them the initial password; they change it at "
                               "first sign-in."));
    });
}

void AgentsDialog::setRole(qint64 agentId, bool admin)
{
    setBusy(true);
    m_client->run(CommandType::SaveAgent,
                  protocol::agentRolePayload(agentId, admin ? AgentRole::Admin : AgentRole::Agent),
                  [this](const client::AdminReply &r) { finish(r, tr("Role changed.")); });
}

void AgentsDialog::archive(qint64 agentId)
{
    setBusy(true);
    m_client->run(CommandType::ArchiveAgent, protocol::archiveAgentPayload(agentId),
                  [this](const client::AdminReply &r) {
                      const int n =
                          r.body.value(QStringLiteral("rdvs_to_reassign")).toArray().size();
                      finish(r, n ? tr("Agent archived. %n future appointment(s) to reassign to "
                                       "someone else: they stay in the agenda.",
                                       nullptr, n)
                                  : tr("Agent archived."));
                  });
}

void AgentsDialog::resetPassword(qint64 agentId, const QString &initialPassword)
{
    setBusy(true);
    m_client->run(CommandType::ResetAgentPassword,
                  protocol::resetAgentPasswordPayload(agentId, initialPassword),
                  [this](const client::AdminReply &r) {
                      // The initial password's refusal belongs under the add form's field too.
                      if (!r.field(QStringLiteral("initial_password")).isEmpty())
                          m_errors.show(fieldErrorsOf(r));
                      finish(r, r.body.value(QStringLiteral("invitation")).toString() ==
                                        QLatin1String("email")
                                    ? tr("Password reset: an invitation was sent by e-mail.")
                                    : tr("Password reset: give them the initial password."));
                  });
}

void AgentsDialog::confirmArchive()
{
    const qint64 id = selectedAgent();
    if (!id)
        return;
    const QJsonObject a = agentOf(m_agents, id);
    const auto answer = QMessageBox::question(
        this, tr("Archive an agent"),
        tr("Archive %1? They can no longer sign in and their calendar link stops working. Their "
           "appointments stay.")
            .arg(a.value(QStringLiteral("first_name")).toString() + QLatin1Char(' ') +
                 a.value(QStringLiteral("last_name")).toString()));
    if (answer == QMessageBox::Yes)
        archive(id);
}

void AgentsDialog::askReset()
{
    const qint64 id = selectedAgent();
    if (!id)
        return;
    bool ok = false;
    const QString password = QInputDialog::getText(
        this, tr("Reset password"),
        tr("Their sessions end. Leave empty to send an invitation by e-mail, or type an initial "
           "password they change at first sign-in:"),
        QLineEdit::Password, QString(), &ok);
    if (ok)
        resetPassword(id, password);
}

void AgentsDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QPushButton *b : std::as_const(m_buttons))
        b->setEnabled(!busy);
}

void AgentsDialog::finish(const client::AdminReply &r, const QString &success)
{
    setBusy(false);
    m_status->setText(r.ok() ? success : r.message);
    m_status->setStyleSheet(r.ok() ? QString() : QStringLiteral("color: #b00020;"));
    if (r.ok())
        reload(); // emits requestFinished once the list is fresh
    else
        emit requestFinished(false);
}

} // namespace creneau::ui
