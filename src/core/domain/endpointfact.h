#pragma once

#include "plant.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QLocale>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

// One endpoint value with what the plant says of its endpoint (type, min,
// max, step, options, unit, name): the one place that checks, converts and
// words such a value, so the control, the confirmation, the notifications,
// the command log and the wire all agree.
//
// The rules, each in one function here:
//  - validate(): the type first (a switch takes true or false, a number a
//    finite number, an enum a word), then min and max, then the step grid
//    counted from min (or 0), to within kStepTolerance steps, then the
//    options. The reason is a translated sentence for the operator.
//  - toJson(): bool, number or string; no value (std::monostate) is JSON
//    null, as the wire spells it, never undefined: JSON has no undefined.
//    fromJson() reads null, undefined and anything else as no value.
//  - toVariant(): bool, double or QString; no value is an invalid QVariant.
//    fromVariant() reads bools, any integer or floating type, and strings;
//    anything else is no value.
//  - displayText(): bools, and numbers of a switch, read "On" and "Off";
//    a number has as many decimals as its step when there is a step, else
//    up to six significant digits without trailing zeros (in fixed notation
//    from one million up), in the given locale; words (an option) are shown
//    as they are; no value is "—". A number's unit follows it after a
//    no-break space (U+00A0), so the two are never split over two lines;
//    words take no unit.
class EndpointFact
{
    Q_DECLARE_TR_FUNCTIONS(EndpointFact)

public:
    // A value off the step grid by less than this share of a step is on it.
    static constexpr double kStepTolerance = 1e-6;

    enum class Problem {
        None,
        WrongType, // not the endpoint's type, no value, or not finite
        OutOfRange, // below min or above max
        OffStep, // between two steps
        NotAnOption, // a word the endpoint does not offer
    };

    struct Validation
    {
        Problem problem = Problem::None;
        QString reason; // for the operator; empty when valid
        bool valid() const { return problem == Problem::None; }
    };

    EndpointFact() = default;
    // A value on its own: its type is the one it holds (a bool a switch, a
    // string an enum, anything else a number), with no limits and no unit.
    explicit EndpointFact(Domain::EndpointValue value);
    // The endpoint's metadata and its current value.
    explicit EndpointFact(const Domain::Endpoint &endpoint);
    // The endpoint's metadata with another value (one asked for).
    EndpointFact(const Domain::Endpoint &endpoint, Domain::EndpointValue value);

    const Domain::EndpointValue &value() const { return m_meta.value; }
    void setValue(const Domain::EndpointValue &value) { m_meta.value = value; }
    void setVariant(const QVariant &value) { m_meta.value = fromVariant(value); }

    // The metadata. The name, or the id when it has none, names the
    // endpoint in validate()'s reasons.
    const Domain::Endpoint &endpoint() const { return m_meta; }
    QString name() const;
    Domain::ValueType valueType() const { return m_meta.valueType; }
    void setValueType(Domain::ValueType type) { m_meta.valueType = type; }
    void setName(const QString &name) { m_meta.name = name; }
    void setUnit(const QString &unit) { m_meta.unit = unit; }
    void setMin(std::optional<double> min) { m_meta.min = min; }
    void setMax(std::optional<double> max) { m_meta.max = max; }
    void setStep(std::optional<double> step) { m_meta.step = step; }
    void setOptions(const QStringList &options) { m_meta.options = options; }

    // The decimals the step has (0 to 6); none without a positive step.
    std::optional<int> stepDecimals() const;

    // Numbers in the reason are written as displayText() writes them.
    Validation validate(const QLocale &locale = QLocale()) const;

    QVariant toVariant() const { return toVariant(m_meta.value); }
    QJsonValue toJson() const { return toJson(m_meta.value); }
    // A bool as 0 or 1, as the server compares them; none for words or no value.
    std::optional<double> toNumber() const { return toNumber(m_meta.value); }
    QString displayText(const QLocale &locale = QLocale()) const;

    static QVariant toVariant(const Domain::EndpointValue &value);
    static Domain::EndpointValue fromVariant(const QVariant &value);
    static QJsonValue toJson(const Domain::EndpointValue &value);
    static Domain::EndpointValue fromJson(const QJsonValue &value);
    static std::optional<double> toNumber(const Domain::EndpointValue &value);
    // A limit as the views get it: the number, or an invalid QVariant.
    static QVariant toVariant(const std::optional<double> &limit);
    static std::optional<double> limitFromVariant(const QVariant &limit);

private:
    QString numberText(double number, const QLocale &locale) const;

    Domain::Endpoint m_meta; // value and timestamp included
};
