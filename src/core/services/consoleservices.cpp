#include "consoleservices.h"

#include "commandrecorder.h"
#include "commandservice.h"
#include "model/commandlogmodel.h"
#include "model/tilemodel.h"
#include "notificationcenter.h"
#include "session.h"

ConsoleServices::ConsoleServices(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_commands(new CommandService(session, this))
    , m_notifications(new NotificationCenter(session, session->store(), this))
    // Every command seen, this console's and others', goes to the command
    // log in the profile's database (nothing without one).
    , m_recorder(new CommandRecorder(session->commands(), session->store(), this))
    , m_commandLog(new CommandLogModel(session->commands(), CommandRecorder::readHistory(session->store()), this))
{
    m_notifications->setCommandService(m_commands);
    // The log names endpoints as every command text does: tile › device › endpoint.
    TileModel *tiles = session->tiles();
    m_commandLog->setEndpointPaths([tiles](const QString &endpointId) { return tiles->endpointPath(endpointId); });
}

ConsoleServices::~ConsoleServices() = default;

LinkStatus *ConsoleServices::link() const
{
    return m_session->link();
}
