#include "roomlease.h"

#include "net/connectionservice.h"

#include "session.h"

#include <utility>

RoomLease::RoomLease(Session *session, QString channel, QString id)
    : m_session(session)
    , m_channel(std::move(channel))
    , m_id(std::move(id))
{
    if (m_session)
        m_session->enterRoom(m_channel, m_id);
}

RoomLease::RoomLease(RoomLease &&other) noexcept
    : m_session(std::exchange(other.m_session, nullptr))
    , m_channel(std::move(other.m_channel))
    , m_id(std::move(other.m_id))
{ }

RoomLease &RoomLease::operator=(RoomLease &&other) noexcept
{
    if (this != &other) {
        release();
        m_session = std::exchange(other.m_session, nullptr);
        m_channel = std::move(other.m_channel);
        m_id = std::move(other.m_id);
    }
    return *this;
}

RoomLease::~RoomLease()
{
    release();
}

void RoomLease::release()
{
    if (Session *session = m_session.data())
        session->leaveRoom(m_channel, m_id);
    m_session = nullptr;
}
