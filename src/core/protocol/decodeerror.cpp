#include "decodeerror.h"

namespace Protocol {

QString DecodeError::toString() const
{
    QString where = type.isEmpty() ? QString() : type;
    if (!field.isEmpty())
        where += (where.isEmpty() ? QString() : QStringLiteral(".")) + field;
    QString text = where.isEmpty() ? detail : where + QStringLiteral(": ") + detail;
    if (seq)
        text += QStringLiteral(" (event %1 skipped)").arg(*seq);
    return text;
}

} // namespace Protocol
