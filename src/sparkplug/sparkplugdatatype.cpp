#include "sparkplugdatatype.h"

#include <array>

namespace {

// Indexed by code: the names are the specification's enumerator names.
constexpr std::array<const char *, 35> names = {
    "Unknown",       "Int8",
    "Int16",         "Int32",
    "Int64",         "UInt8",
    "UInt16",        "UInt32",
    "UInt64",        "Float",
    "Double",        "Boolean",
    "String",        "DateTime",
    "Text",          "UUID",
    "DataSet",       "Bytes",
    "File",          "Template",
    "PropertySet",   "PropertySetList",
    "Int8Array",     "Int16Array",
    "Int32Array",    "Int64Array",
    "UInt8Array",    "UInt16Array",
    "UInt32Array",   "UInt64Array",
    "FloatArray",    "DoubleArray",
    "BooleanArray",  "StringArray",
    "DateTimeArray",
};

} // namespace

std::optional<SparkplugDataType> sparkplugDataTypeFromCode(quint32 code)
{
    if (code >= names.size())
        return std::nullopt;
    return static_cast<SparkplugDataType>(code);
}

QString sparkplugDataTypeName(SparkplugDataType type)
{
    const quint32 code = sparkplugDataTypeCode(type);
    return code < names.size() ? QString::fromLatin1(names[code]) : QString();
}

std::optional<SparkplugDataType> sparkplugDataTypeFromName(QStringView name)
{
    for (std::size_t code = 0; code < names.size(); ++code) {
        if (name.compare(QLatin1StringView(names[code]), Qt::CaseInsensitive) == 0)
            return static_cast<SparkplugDataType>(code);
    }
    return std::nullopt;
}
