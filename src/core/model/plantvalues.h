#pragma once

#include "domain/plant.h"

#include <QVariant>

#include <optional>

// How the control-panel models hand protocol values to views: plain
// QVariants that QML and Widgets delegates both read.
namespace PlantValues {

// bool, double or QString; an invalid QVariant for null or a value not sent.
inline QVariant toVariant(const Domain::EndpointValue &value)
{
    if (const bool *b = std::get_if<bool>(&value))
        return *b;
    if (const double *d = std::get_if<double>(&value))
        return *d;
    if (const QString *s = std::get_if<QString>(&value))
        return *s;
    return {};
}

inline QVariant toVariant(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

// A command in one of these states will not change any more.
inline bool isFinal(Domain::CommandState state)
{
    using S = Domain::CommandState;
    return state == S::Succeeded || state == S::Failed || state == S::Rejected || state == S::Timeout;
}

} // namespace PlantValues
