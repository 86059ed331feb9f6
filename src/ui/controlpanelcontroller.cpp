#include "controlpanelcontroller.h"

#include "actionwords.h"
#include "controlpanelview.h"
#include "domain/endpointfact.h"
#include "model/tilemodel.h"

#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

using Domain::CommandState;
using Refusal = CommandService::Refusal;
using Domain::EndpointValue;

ControlPanelController::ControlPanelController(ControlPanelView *view, CommandService *service, TileModel *tiles,
                                               QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_service(service)
    , m_tiles(tiles)
{
    connect(view, &ControlPanelView::commandRequested, this, &ControlPanelController::onRequested);
    connect(service, &CommandService::commandChanged, this, &ControlPanelController::onChanged);
    connect(service, &CommandService::overtaken, this, &ControlPanelController::onOvertaken);
    connect(service, &CommandService::availabilityChanged, this, &ControlPanelController::refreshAvailability);
    // A refusal's cause is in the plant's values, their staleness, the
    // commands under way or the link: any of them changing may end it.
    connect(tiles, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (!m_refused.isEmpty() && !(roles.size() == 1 && roles.first() == TileModel::AgeRole))
                    recheckRefusals();
            });
    connect(tiles, &QAbstractItemModel::modelReset, this, &ControlPanelController::recheckRefusals);
    connect(tiles, &QAbstractItemModel::rowsInserted, this, &ControlPanelController::recheckRefusals);
    connect(tiles, &QAbstractItemModel::rowsRemoved, this, &ControlPanelController::recheckRefusals);
    refreshAvailability();
}

QString ControlPanelController::words(const QString &endpointId, const EndpointValue &value) const
{
    const std::optional<Domain::Endpoint> endpoint = m_tiles->endpoint(endpointId);
    return (endpoint ? EndpointFact(*endpoint, value) : EndpointFact(value)).displayText();
}

EndpointValue ControlPanelController::current(const QString &endpointId) const
{
    const std::optional<Domain::Endpoint> endpoint = m_tiles->endpoint(endpointId);
    return endpoint ? endpoint->value : EndpointValue();
}

// The arrow is held to both values with no-break spaces: the change never
// breaks over two lines, the path before it may.
QString ControlPanelController::change(const QString &endpointId, const EndpointValue &from,
                                       const EndpointValue &to) const
{
    return tr("%1: %2\u00A0\u2192\u00A0%3")
        .arg(m_tiles->endpointPath(endpointId), words(endpointId, from), words(endpointId, to));
}

QString ControlPanelController::verb(const QString &endpointId, const EndpointValue &value) const
{
    if (const bool *on = std::get_if<bool>(&value))
        return m_view->actionWords(endpointId).forValue(*on); // the word of the button clicked
    if (std::holds_alternative<QString>(value))
        return tr("Choose");
    return tr("Set");
}

void ControlPanelController::show(const QString &endpointId, const QString &text, bool failure)
{
    m_refused.remove(endpointId);
    m_toldToAnswer.remove(endpointId);
    m_view->setOutcome(endpointId, text, failure);
}

void ControlPanelController::refuse(const QString &endpointId, const EndpointValue &value,
                                    const CommandService::Check &verdict)
{
    show(endpointId, tr("Not sent: %1: %2").arg(change(endpointId, current(endpointId), value), verdict.reason), true);
    m_refused.insert(endpointId, {value, verdict.refusal, verdict.reason});
}

void ControlPanelController::recheckRefusals()
{
    for (auto it = m_refused.begin(); it != m_refused.end();) {
        const CommandService::Check now = m_service->check(it.key(), it->value);
        // The same request refused for the same cause: the line still holds.
        // Which interlock is a cause of its own; a pending command's words
        // change with its progress, its cause does not.
        if (now.refusal == it->refusal && (now.refusal != Refusal::Interlock || now.reason == it->reason)) {
            ++it;
            continue;
        }
        m_view->setOutcome(it.key(), QString(), false);
        it = m_refused.erase(it);
    }
}

void ControlPanelController::refreshAvailability()
{
    const CommandService::Check available = m_service->availability();
    switch (available.refusal) {
    case Refusal::Offline:
        m_view->setCommandsAllowed(false, tr("offline"));
        break;
    case Refusal::ReadOnly:
        m_view->setCommandsAllowed(false, tr("read-only"));
        break;
    case Refusal::Disabled:
        m_view->setCommandsAllowed(false, tr("commands off"));
        break;
    default:
        m_view->setCommandsAllowed(true);
        break;
    }
    recheckRefusals();
}

void ControlPanelController::onRequested(const QString &endpointId, const QVariant &value)
{
    const EndpointValue wanted = EndpointFact::fromVariant(value);
    // Checked before asking for a confirmation: never confirm what would be refused.
    const CommandService::Check verdict = m_service->check(endpointId, wanted);
    if (!verdict.allowed()) {
        refuse(endpointId, wanted, verdict);
        return;
    }
    if (!m_service->needsConfirmation(endpointId)) {
        send(endpointId, wanted);
        return;
    }
    if (m_confirmation) {
        // One question at a time; the click is not lost without a word, and
        // the words go once the question is answered.
        show(endpointId,
             tr("Not sent: %1: another command is waiting for your confirmation; answer it first.")
                 .arg(change(endpointId, current(endpointId), wanted)),
             true);
        m_toldToAnswer.insert(endpointId);
        return;
    }
    const QString action = verb(endpointId, wanted);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Confirm command"),
                                tr("%1. %2?").arg(change(endpointId, current(endpointId), wanted), action),
                                QMessageBox::Cancel, m_view);
    box->setObjectName(QStringLiteral("commandConfirmation"));
    box->setInformativeText(tr("%1 is marked critical for this console: its commands are sent only once you "
                               "confirm.")
                                .arg(m_tiles->endpointPath(endpointId)));
    QPushButton *confirm = box->addButton(action, QMessageBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmCommand"));
    // A deliberate choice: Enter or a stray key press cancels.
    box->setDefaultButton(QMessageBox::Cancel);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, confirm, endpointId, wanted](QAbstractButton *button) {
        // Answered: the lines that asked to answer it first are outdated.
        for (const QString &told : std::as_const(m_toldToAnswer))
            m_view->setOutcome(told, QString(), false);
        m_toldToAnswer.clear();
        if (button == confirm)
            send(endpointId, wanted); // checked again: the plant may have moved meanwhile
        else
            show(endpointId,
                 tr("Cancelled: nothing was sent; %1 stays %2.")
                     .arg(m_tiles->endpointPath(endpointId), words(endpointId, current(endpointId))),
                 false);
    });
    m_confirmation = box;
    box->open();
}

void ControlPanelController::send(const QString &endpointId, const EndpointValue &value)
{
    show(endpointId, QString(), false);
    CommandService::Check refused;
    if (m_service->send(endpointId, value, &refused).isNull())
        refuse(endpointId, value, refused);
}

void ControlPanelController::onChanged(const CommandService::Command &command)
{
    if (!command.isFinal()) {
        // The control shows the pending command and its state from the tile
        // model; a refusal elsewhere that waited for it may be outdated now.
        recheckRefusals();
        return;
    }
    const QString requested = words(command.endpointId, command.requestedValue);
    const QString actual = words(command.endpointId, command.actualValue);
    const QString asked = change(command.endpointId, command.before, command.requestedValue);
    const QString time = QLocale().toString(QTime::currentTime(), QStringLiteral("HH:mm:ss"));
    QString text;
    bool failure = true;
    switch (command.status) {
    case CommandState::Succeeded: {
        // What the device reports it reached, which is not always what was asked.
        const bool known = !std::holds_alternative<std::monostate>(command.actualValue);
        const QString reached
            = change(command.endpointId, command.before, known ? command.actualValue : command.requestedValue);
        if (known && command.actualValue != command.requestedValue)
            text = command.late ? tr("Done at %1: %2 (asked for %3; reported late)").arg(time, reached, requested)
                                : tr("Done at %1: %2 (asked for %3)").arg(time, reached, requested);
        else
            text = command.late ? tr("Done at %1: %2 (reported late)").arg(time, reached)
                                : tr("Done at %1: %2").arg(time, reached);
        failure = false;
        break;
    }
    case CommandState::Failed:
        text = tr("Failed: %1: %2 — still %3").arg(asked, command.error, actual);
        break;
    case CommandState::Rejected:
        text = tr("Rejected: %1: %2 — still %3").arg(asked, command.error, actual);
        break;
    case CommandState::Timeout:
    case CommandState::Lost:
        text = tr("%1: %2").arg(asked, command.error);
        break;
    default:
        return;
    }
    show(command.endpointId, text, failure);
    recheckRefusals();
}

void ControlPanelController::onOvertaken(const CommandService::Command &command, const QString &byOperator,
                                         const EndpointValue &serverValue)
{
    const QString path = m_tiles->endpointPath(command.endpointId);
    const QString value = words(command.endpointId, serverValue);
    const QString requested = words(command.endpointId, command.requestedValue);
    show(command.endpointId,
         byOperator.isEmpty()
             ? tr("%1 changed to %2 while your command (to %3) was pending: the server's value is shown.")
                   .arg(path, value, requested)
             : tr("%1 sent %2 to %3 while your command (to %4) was pending: the server's value is shown.")
                   .arg(byOperator, value, path, requested),
         true);
}
