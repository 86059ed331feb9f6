#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// Contract: the datatype codes of the Sparkplug 3.0 specification ("Data
// Types"), as Metric.datatype, PropertyValue.type, DataSet.types and
// Template.Parameter.type carry them on the wire (uint32). The numbers are
// wire facts and must not change.
//
// How each type's value travels (specification, "Datatype Details"):
//   Int8, Int16, Int32          int_value (uint32), two's complement
//   UInt8, UInt16, UInt32       int_value (uint32)
//   Int64                       long_value (uint64), two's complement
//   UInt64, DateTime            long_value (uint64); DateTime is ms since the epoch, UTC
//   Float, Double, Boolean      float_value, double_value, boolean_value
//   String, Text, UUID          string_value (UTF-8)
//   Bytes, File, the arrays     bytes_value (arrays: little-endian packed)
//   DataSet, Template           dataset_value, template_value
//   PropertySet(List)           only as property values, never as a metric's
enum class SparkplugDataType : quint32 {
    Unknown = 0,
    Int8 = 1,
    Int16 = 2,
    Int32 = 3,
    Int64 = 4,
    UInt8 = 5,
    UInt16 = 6,
    UInt32 = 7,
    UInt64 = 8,
    Float = 9,
    Double = 10,
    Boolean = 11,
    String = 12,
    DateTime = 13,
    Text = 14,
    UUID = 15,
    DataSet = 16,
    Bytes = 17,
    File = 18,
    Template = 19,
    PropertySet = 20,
    PropertySetList = 21,
    Int8Array = 22,
    Int16Array = 23,
    Int32Array = 24,
    Int64Array = 25,
    UInt8Array = 26,
    UInt16Array = 27,
    UInt32Array = 28,
    UInt64Array = 29,
    FloatArray = 30,
    DoubleArray = 31,
    BooleanArray = 32,
    StringArray = 33,
    DateTimeArray = 34,
};

// The wire code of a type.
constexpr quint32 sparkplugDataTypeCode(SparkplugDataType type)
{
    return static_cast<quint32>(type);
}

// The type a wire code names; nullopt for a code the specification does not
// define (35 and above).
std::optional<SparkplugDataType> sparkplugDataTypeFromCode(quint32 code);

// The specification's name of a type ("Int8", "UInt64", "DateTimeArray",
// "Unknown"); an empty string for a value outside the enumeration.
QString sparkplugDataTypeName(SparkplugDataType type);

// The type with that name, compared without regard to case ("int8" is
// Int8, as the npm sparkplug-payload package also reads it); nullopt for
// any other text.
std::optional<SparkplugDataType> sparkplugDataTypeFromName(QStringView name);
