#pragma once

#include <QHostAddress>
#include <QString>

// How the reference server runs; `watchfloor-sim --help` documents each one.
struct SimOptions
{
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 0; // 0 picks a free port
    int drones = 12;
    double rate = 1.0; // multiplies every cadence
    QString token; // empty: any token is accepted
    quint32 seed = 1;
    int droneReportMs = 5000; // at rate 1
    int authTimeoutMs = 5000;
    int heartbeatMs = 15000; // announced in hello; consoles ping at this period
};
