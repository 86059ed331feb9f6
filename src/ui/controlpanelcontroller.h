#pragma once

#include "services/commandservice.h"

#include <QHash>
#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QVariant>

class ControlPanelView;
class TileModel;

// Puts the command service behind the control panel's controls: a
// deliberate action on a control is checked, confirmed when the endpoint is
// critical (the profile's list), sent once, and its outcome written under
// the control; the controls are disabled, with the reason, whenever no
// command may be sent (offline, read-only, turned off by the profile).
//
// Every confirmation and outcome names the endpoint's full path and says
// where it was going from and to ("Hot liquor tank 1 › Pump P-101 ›
// Running: Off → On. Start?"). A refusal said under a control ("Not sent:
// …") is kept only while its cause holds: it is checked again whenever the
// plant's values, the link or the commands under way change, and cleared
// once the same request would no longer be refused for that reason.
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
    // "tile › device › endpoint: from → to", the words of every command text.
    QString change(const QString &endpointId, const Domain::EndpointValue &from, const Domain::EndpointValue &to) const;
    // What a confirmed action does, as its button says it: Start, Open, Set, Choose.
    QString verb(const QString &endpointId, const Domain::EndpointValue &value) const;
    // A value of the endpoint as EndpointFact words it, and its current value.
    QString words(const QString &endpointId, const Domain::EndpointValue &value) const;
    Domain::EndpointValue current(const QString &endpointId) const;
    // The outcome line of an endpoint; a new one replaces any refusal kept there.
    void show(const QString &endpointId, const QString &text, bool failure);
    // A refusal of the console's own check, said and kept until its cause is gone.
    void refuse(const QString &endpointId, const Domain::EndpointValue &value, const CommandService::Check &verdict);
    // Clears every refusal whose request would not be refused for its reason now.
    void recheckRefusals();

    struct Refused
    {
        Domain::EndpointValue value;
        CommandService::Refusal refusal = CommandService::Refusal::None;
        QString reason;
    };

    ControlPanelView *m_view;
    CommandService *m_service;
    TileModel *m_tiles;
    QPointer<QMessageBox> m_confirmation;
    QHash<QString, Refused> m_refused; // endpointId -> the refusal said under its control
    QSet<QString> m_toldToAnswer; // endpoints told to answer the open confirmation first
};
