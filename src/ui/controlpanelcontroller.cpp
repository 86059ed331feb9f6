#include "controlpanelcontroller.h"

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
    refreshAvailability();
}

QString ControlPanelController::words(const QString &endpointId, const EndpointValue &value) const
{
    const std::optional<Domain::Endpoint> endpoint = m_tiles->endpoint(endpointId);
    return (endpoint ? EndpointFact(*endpoint, value) : EndpointFact(value)).displayText();
}

QString ControlPanelController::currentWords(const QString &endpointId) const
{
    const std::optional<Domain::Endpoint> endpoint = m_tiles->endpoint(endpointId);
    return endpoint ? EndpointFact(*endpoint).displayText() : EndpointFact().displayText();
}

QString ControlPanelController::describe(const QString &endpointId) const
{
    const QModelIndex endpoint = m_tiles->indexOfEndpoint(endpointId);
    if (!endpoint.isValid())
        return endpointId;
    return tr("%1 %2").arg(endpoint.parent().data(TileModel::NameRole).toString(),
                           endpoint.data(TileModel::NameRole).toString());
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
}

void ControlPanelController::onRequested(const QString &endpointId, const QVariant &value)
{
    const EndpointValue wanted = EndpointFact::fromVariant(value);
    // Checked before asking for a confirmation: never confirm what would be refused.
    const CommandService::Check verdict = m_service->check(endpointId, wanted);
    if (!verdict.allowed()) {
        m_view->setOutcome(endpointId, tr("Not sent: %1").arg(verdict.reason), true);
        return;
    }
    if (!m_service->needsConfirmation(endpointId)) {
        send(endpointId, wanted);
        return;
    }
    if (m_confirmation) {
        // One question at a time; the click is not lost without a word.
        m_view->setOutcome(endpointId,
                           tr("Not sent: another command is waiting for your confirmation; answer it first."), true);
        return;
    }
    const QString what = describe(endpointId);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Confirm command"),
                                tr("Set %1 to %2?").arg(what, words(endpointId, wanted)), QMessageBox::Cancel, m_view);
    box->setObjectName(QStringLiteral("commandConfirmation"));
    box->setInformativeText(tr("%1 is marked critical for this console: its commands are sent only once you "
                               "confirm. Now it is %2.")
                                .arg(what, currentWords(endpointId)));
    QPushButton *confirm = box->addButton(tr("Send command"), QMessageBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmCommand"));
    // A deliberate choice: Enter or a stray key press cancels.
    box->setDefaultButton(QMessageBox::Cancel);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, confirm, endpointId, wanted](QAbstractButton *button) {
        if (button == confirm)
            send(endpointId, wanted); // checked again: the plant may have moved meanwhile
        else
            m_view->setOutcome(endpointId, tr("Cancelled: nothing was sent."), false);
    });
    m_confirmation = box;
    box->open();
}

void ControlPanelController::send(const QString &endpointId, const EndpointValue &value)
{
    m_view->setOutcome(endpointId, QString(), false);
    CommandService::Check refused;
    if (m_service->send(endpointId, value, &refused).isNull())
        m_view->setOutcome(endpointId, tr("Not sent: %1").arg(refused.reason), true);
}

void ControlPanelController::onChanged(const CommandService::Command &command)
{
    if (!command.isFinal())
        return; // the control shows the pending command and its state from the tile model
    const QString requested = words(command.endpointId, command.requestedValue);
    const QString actual = words(command.endpointId, command.actualValue);
    const QString time = QLocale().toString(QTime::currentTime(), QStringLiteral("HH:mm:ss"));
    QString text;
    bool failure = true;
    switch (command.status) {
    case CommandState::Succeeded: {
        // What the device reports it reached, which is not always what was asked.
        const bool known = !std::holds_alternative<std::monostate>(command.actualValue);
        const QString reached = known ? actual : requested;
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
        text = tr("Failed: %1 — still %2").arg(command.error, actual);
        break;
    case CommandState::Rejected:
        text = tr("Rejected: %1 — still %2").arg(command.error, actual);
        break;
    case CommandState::Timeout:
    case CommandState::Lost:
        text = command.error;
        break;
    default:
        return;
    }
    m_view->setOutcome(command.endpointId, text, failure);
}

void ControlPanelController::onOvertaken(const CommandService::Command &command, const QString &byOperator,
                                         const EndpointValue &serverValue)
{
    const QString value = words(command.endpointId, serverValue);
    m_view->setOutcome(
        command.endpointId,
        byOperator.isEmpty()
            ? tr("Changed to %1 while your command was pending: the server's value is shown.").arg(value)
            : tr("%1 sent %2 while your command was pending: the server's value is shown.").arg(byOperator, value),
        true);
}
