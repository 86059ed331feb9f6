#include "decodeerror.h"

namespace Protocol {

QString DecodeError::toString() const
{
    QString where = type.isEmpty() ? QString() : type;
    if (!field.isEmpty())
        where += (where.isEmpty() ? QString() : QStringLiteral(".")) + field;
    return where.isEmpty() ? detail : where + QStringLiteral(": ") + detail;
}

} // namespace Protocol
