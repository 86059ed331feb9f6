#include "simtank.h"

#include <QStringList>

#include <algorithm>

namespace SimTank {

bool isMeasured(int field)
{
    return std::find(std::begin(kMeasured), std::end(kMeasured), field) != std::end(kMeasured);
}

bool compare(double lhs, Op op, double rhs)
{
    switch (op) {
    case Op::Equal:
        return lhs == rhs;
    case Op::NotEqual:
        return lhs != rhs;
    case Op::Greater:
        return lhs > rhs;
    case Op::GreaterOrEqual:
        return lhs >= rhs;
    case Op::Less:
        return lhs < rhs;
    case Op::LessOrEqual:
        return lhs <= rhs;
    }
    return false;
}

QString opName(Op op)
{
    switch (op) {
    case Op::Equal:
        return QStringLiteral("==");
    case Op::NotEqual:
        return QStringLiteral("!=");
    case Op::Greater:
        return QStringLiteral(">");
    case Op::GreaterOrEqual:
        return QStringLiteral(">=");
    case Op::Less:
        return QStringLiteral("<");
    case Op::LessOrEqual:
        return QStringLiteral("<=");
    }
    return {};
}

QString typeName(ValueType type)
{
    switch (type) {
    case ValueType::Bool:
        return QStringLiteral("bool");
    case ValueType::Number:
        return QStringLiteral("number");
    case ValueType::Enum:
        return QStringLiteral("enum");
    }
    return {};
}

QJsonValue requiredValue(const InterlockSpec &interlock)
{
    if (kEndpoints[interlock.required].type == ValueType::Bool)
        return interlock.value != 0.0;
    return interlock.value;
}

QString modeList()
{
    QStringList names;
    for (QStringView mode : kModes)
        names << mode.toString();
    return names.join(QStringLiteral(", "));
}

} // namespace SimTank
