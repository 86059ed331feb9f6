#pragma once

#include "services/linkstatus.h"

#include <QTimer>
#include <QToolButton>

class ConnectionDetails;

// The top bar's answer to "is what I see live?": a shape, a colour and words
// for the link state, refreshed every second (a retry's countdown, the age
// of the last message). A click opens the link's details (ConnectionDetails).
class ConnectionIndicator : public QToolButton
{
    Q_OBJECT

public:
    explicit ConnectionIndicator(LinkStatus *link, QWidget *parent = nullptr);

    static QPixmap symbol(Domain::LinkState state, int size, qreal devicePixelRatio);

    // The details popup, anchored under the indicator; created on first use.
    void showDetails();
    ConnectionDetails *details() const { return m_details; }

private:
    void refresh();

    LinkStatus *m_link;
    ConnectionDetails *m_details = nullptr; // a child: lives as long as the indicator
    QTimer m_clock;
    Domain::LinkState m_shownState = Domain::LinkState::Disconnected;
};
