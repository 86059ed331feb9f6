#pragma once

#include "services/commandservice.h"

#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QVariant>

class ControlPanelView;
class TileModel;

// Puts the command service behind the control panel's controls: a
// deliberate action on a control is checked, confirmed when the endpoint is
// critical (the profile's list), sent once, and its outcome written under
// the control; the controls are disabled, with the reason, whenever no
// command may be sent (offline, read-only, turned off by the profile).
class ControlPanelController : public QObject
{
    Q_OBJECT

public:
    // None is owned; all must outlive the controller. `tiles` is the model
    // the view shows, read for an endpoint's name, unit and value.
    ControlPanelController(ControlPanelView *view, CommandService *service, TileModel *tiles,
                           QObject *parent = nullptr);

    // The confirmation waiting for the operator, if any (for tests).
    QMessageBox *confirmation() const { return m_confirmation; }

private:
    void onRequested(const QString &endpointId, const QVariant &value);
    void send(const QString &endpointId, const Domain::EndpointValue &value);
    void onChanged(const CommandService::Command &command);
    void onOvertaken(const CommandService::Command &command, const QString &byOperator,
                     const Domain::EndpointValue &serverValue);
    void refreshAvailability();
    QString describe(const QString &endpointId) const;
    // A value of the endpoint, and its current one, as EndpointFact words them.
    QString words(const QString &endpointId, const Domain::EndpointValue &value) const;
    QString currentWords(const QString &endpointId) const;

    ControlPanelView *m_view;
    CommandService *m_service;
    TileModel *m_tiles;
    QPointer<QMessageBox> m_confirmation;
};
