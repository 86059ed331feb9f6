#pragma once

#include "sparkplugdatatype.h"

#include <QVariant>

// Contract: one entry of a metric's PropertySet (engUnit, engLow, Quality,
// ...): the type the edge declared and the value, held as a metric's value
// of that type is (see SparkplugMetric::value()). value is invalid when the
// property is null (isNull) and when it is a nested PropertySet or
// PropertySetList or otherwise not representable, which the codec reads
// past without keeping.
struct SparkplugProperty
{
    SparkplugDataType type = SparkplugDataType::Unknown;
    QVariant value;
    bool isNull = false;

    bool operator==(const SparkplugProperty &) const = default;
};
