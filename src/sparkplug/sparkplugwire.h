#pragma once

#include "sparkplugdatatype.h"

#include <QVariant>

// Contract: the mapping between a Qt value of a datatype and the field of a
// value oneof that carries it, shared by metric and property values. Internal
// to the codec: callers use SparkplugMetric and SparkplugPayload.
//
// A wire value is the oneof's content as a QVariant of the field's own type:
// quint32 for int_value, quint64 for long_value, float, double, bool, QString
// for string_value, QByteArray for bytes_value; invalid when no field is set.
namespace SparkplugWire {

// The value of `type` that `wire` carries: qint64 for the signed integer
// types, quint64 for the unsigned ones and DateTime, float, double, bool,
// QString, QByteArray. Unknown keeps the wire value as it is. Returns an
// invalid QVariant and sets *problem (when given) if the type is one the
// codec does not represent (DataSet, Template, PropertySet(List), codes above
// 34; whatever `wire` is, even invalid), the field does not fit the type, or
// the integer is out of the type's range. Otherwise an invalid `wire` gives
// an invalid value and no problem.
//
// Integers are read leniently, because edges differ: either integer field is
// accepted for any integer type, and a signed type narrower than 32 bits is
// read from its own width's two's complement (0xFB) as well as from the
// 32-bit one the specification implies (0xFFFFFFFB).
QVariant typedValue(SparkplugDataType type, const QVariant &wire, QString *problem);

// The wire value that carries `value` as `type`, in the field the
// specification assigns: signed types narrower than 64 bits as 32-bit two's
// complement in int_value, Int64 as 64-bit two's complement in long_value.
// Values are converted by QVariant's rules; a value out of the type's range
// is the caller's mistake and is sent truncated to the field. Unknown sends
// a wire-typed value as it is (qint32/qint64 as int_value/long_value).
// Invalid when there is nothing the codec can send for the type.
QVariant wireValue(SparkplugDataType type, const QVariant &value);

} // namespace SparkplugWire
