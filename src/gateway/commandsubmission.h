#pragma once

#include "plantevent.h"

#include <QJsonObject>
#include <QString>

// What a plant source answers to an operator's command: accepted (its
// `command_status` body and the events that announce it) or refused with a
// protocol error code.
struct CommandSubmission
{
    bool ok = false;
    QString errorCode; // not_found, not_writable, bad_request, out_of_range, interlock, expired
    QString message;
    QString reason; // the violated interlock's description, with `interlock`
    PlantEvents events;
    QJsonObject status; // the command's `command_status` body, when ok
};
