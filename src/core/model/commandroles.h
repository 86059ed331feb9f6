#pragma once

#include "domain/commandrecord.h"

#include <QByteArray>
#include <QHash>
#include <QVariant>

#include <array>
#include <cstddef>
#include <optional>

// The roles both command models answer for a command, CommandModel for the
// commands of this run and CommandLogModel for the log's, read from its
// Domain::CommandRecord in this one place, so the two always mean the same.
// Each model keeps its own role numbers and lists the fields its record
// roles answer; the names the views see are the fields'.
class CommandRoles
{
public:
    enum class Field {
        CommandId, // QString
        EndpointId, // QString; empty when not known
        OperatorName, // QString; empty when not known
        RequestedValue, // bool, double or QString; invalid when not known
        ActualValue, // the latest value the endpoint reached: bool, double or QString; invalid when not known
        Status, // Domain::CommandState as int
        Final, // bool: the status will not change any more
        Error, // QString; invalid when there is none
        IssuedAt, // QDateTime, UTC: when this console sent the command or first heard of it
        CompletedAt, // QDateTime, UTC, the server's: when it finished; invalid until then or when not told
        LastChange, // QDateTime, UTC: when this console saw its latest change of status
        // QVariantList of QVariantMap {status, at[, actualValue][, error]}, oldest first: each change of
        // status (as int) at its time (QDateTime, UTC), with the actual value and error known then, when any
        History,
    };

    // A model's record roles are consecutive, from its first; `fields` are
    // the fields they answer, in the roles' order.
    template<std::size_t N> using Fields = std::array<Field, N>;

    static QVariant value(const Domain::CommandRecord &record, Field field);
    // The name the views know the field by (`final` is a QML keyword, hence isFinal).
    static QByteArray name(Field field);

    // The field a model's role answers, or none when the role is not a record role.
    template<std::size_t N> static std::optional<Field> fieldOf(const Fields<N> &fields, int firstRole, int role)
    {
        const int at = role - firstRole;
        return at >= 0 && at < int(N) ? std::optional(fields[std::size_t(at)]) : std::nullopt;
    }

    // Adds the names of the record roles to a model's role names.
    template<std::size_t N> static void addNames(QHash<int, QByteArray> &names, const Fields<N> &fields, int firstRole)
    {
        for (std::size_t i = 0; i < N; ++i)
            names.insert(firstRole + int(i), name(fields[i]));
    }
};
