#include "domain/endpointfact.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cmath>
#include <limits>

using Domain::EndpointValue;
using Domain::ValueType;
using Problem = EndpointFact::Problem;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(EndpointValue)
Q_DECLARE_METATYPE(Domain::Endpoint)
Q_DECLARE_METATYPE(std::optional<double>)
Q_DECLARE_METATYPE(std::optional<int>)

namespace {

const QString kNbsp = QString(QChar(0x00A0));

// The heater's setpoint of the reference plant: 20 to 95 °C in steps of 0.5.
Domain::Endpoint setpoint()
{
    Domain::Endpoint e;
    e.endpointId = QStringLiteral("T1.H101.setpoint");
    e.name = QStringLiteral("Setpoint");
    e.unit = QStringLiteral("°C");
    e.valueType = ValueType::Number;
    e.writable = true;
    e.min = 20.0;
    e.max = 95.0;
    e.step = 0.5;
    e.value = 60.0;
    return e;
}

Domain::Endpoint valve()
{
    Domain::Endpoint e;
    e.endpointId = QStringLiteral("T1.V101.open");
    e.name = QStringLiteral("Open");
    e.valueType = ValueType::Bool;
    e.writable = true;
    e.value = false;
    return e;
}

Domain::Endpoint mode()
{
    Domain::Endpoint e;
    e.endpointId = QStringLiteral("T1.H101.mode");
    e.name = QStringLiteral("Mode");
    e.valueType = ValueType::Enum;
    e.writable = true;
    e.options = {QStringLiteral("auto"), QStringLiteral("manual"), QStringLiteral("off")};
    e.value = QStringLiteral("auto");
    return e;
}

Domain::Endpoint number(std::optional<double> min, std::optional<double> max, std::optional<double> step,
                        const QString &unit = {})
{
    Domain::Endpoint e;
    e.endpointId = QStringLiteral("X.n");
    e.valueType = ValueType::Number;
    e.min = min;
    e.max = max;
    e.step = step;
    e.unit = unit;
    return e;
}

} // namespace

// An endpoint value with its metadata: the one check, conversion and
// wording every part of the console uses.
class TestEndpointFact : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void takesValueAndMetadata();
    void validate_data();
    void validate();
    void reasonsNameTheEndpointAndTheLimits();
    void reasonsFollowTheLocale();
    void variants();
    void numbers();
    void json();
    void jsonSurvivesADocument();
    void stepDecimals_data();
    void stepDecimals();
    void displayText_data();
    void displayText();
};

void TestEndpointFact::takesValueAndMetadata()
{
    const EndpointFact current(setpoint());
    QCOMPARE(current.value(), EndpointValue(60.0));
    QCOMPARE(current.name(), QStringLiteral("Setpoint"));
    const EndpointFact asked(setpoint(), 42.5);
    QCOMPARE(asked.value(), EndpointValue(42.5));
    QCOMPARE(asked.endpoint().max, std::optional<double>(95.0));

    Domain::Endpoint unnamed = setpoint();
    unnamed.name.clear();
    QCOMPARE(EndpointFact(unnamed).name(), QStringLiteral("T1.H101.setpoint"));

    // A value alone is of the type it holds.
    QCOMPARE(EndpointFact(EndpointValue(true)).valueType(), ValueType::Bool);
    QCOMPARE(EndpointFact(EndpointValue(2.0)).valueType(), ValueType::Number);
    QCOMPARE(EndpointFact(EndpointValue(QStringLiteral("auto"))).valueType(), ValueType::Enum);
}

void TestEndpointFact::validate_data()
{
    QTest::addColumn<Domain::Endpoint>("endpoint");
    QTest::addColumn<EndpointValue>("value");
    QTest::addColumn<Problem>("problem");

    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("on the grid") << setpoint() << EndpointValue(50.5) << Problem::None;
    QTest::newRow("the minimum") << setpoint() << EndpointValue(20.0) << Problem::None;
    QTest::newRow("the maximum") << setpoint() << EndpointValue(95.0) << Problem::None;
    QTest::newRow("on the grid within the tolerance") << setpoint() << EndpointValue(50.5 + 1e-9) << Problem::None;
    QTest::newRow("below the minimum") << setpoint() << EndpointValue(19.5) << Problem::OutOfRange;
    QTest::newRow("above the maximum") << setpoint() << EndpointValue(95.5) << Problem::OutOfRange;
    QTest::newRow("off the step") << setpoint() << EndpointValue(50.2) << Problem::OffStep;
    QTest::newRow("off the step by a little") << setpoint() << EndpointValue(50.5 + 1e-4) << Problem::OffStep;
    QTest::newRow("not a number") << setpoint() << EndpointValue(nan) << Problem::WrongType;
    QTest::newRow("infinite") << setpoint() << EndpointValue(inf) << Problem::WrongType;
    QTest::newRow("a word for a number") << setpoint() << EndpointValue(QStringLiteral("50")) << Problem::WrongType;
    QTest::newRow("a switch for a number") << setpoint() << EndpointValue(true) << Problem::WrongType;
    QTest::newRow("no value for a number") << setpoint() << EndpointValue() << Problem::WrongType;
    // The grid counts from the minimum, or from 0 without one.
    QTest::newRow("grid from the minimum") << number(0.1, {}, 0.5) << EndpointValue(1.1) << Problem::None;
    QTest::newRow("off the grid from the minimum") << number(0.1, {}, 0.5) << EndpointValue(1.0) << Problem::OffStep;
    QTest::newRow("grid from 0") << number({}, {}, 0.25) << EndpointValue(-0.75) << Problem::None;
    QTest::newRow("off the grid from 0") << number({}, {}, 0.25) << EndpointValue(0.8) << Problem::OffStep;
    QTest::newRow("minimum only") << number(0.0, {}, {}) << EndpointValue(-0.001) << Problem::OutOfRange;
    QTest::newRow("maximum only") << number({}, 10.0, {}) << EndpointValue(10.001) << Problem::OutOfRange;
    QTest::newRow("no limits") << number({}, {}, {}) << EndpointValue(-1e12) << Problem::None;
    QTest::newRow("switch on") << valve() << EndpointValue(true) << Problem::None;
    QTest::newRow("switch off") << valve() << EndpointValue(false) << Problem::None;
    QTest::newRow("a number for a switch") << valve() << EndpointValue(1.0) << Problem::WrongType;
    QTest::newRow("no value for a switch") << valve() << EndpointValue() << Problem::WrongType;
    QTest::newRow("an option") << mode() << EndpointValue(QStringLiteral("manual")) << Problem::None;
    QTest::newRow("not an option") << mode() << EndpointValue(QStringLiteral("turbo")) << Problem::NotAnOption;
    QTest::newRow("options are case-sensitive")
        << mode() << EndpointValue(QStringLiteral("Auto")) << Problem::NotAnOption;
    QTest::newRow("a number for an enum") << mode() << EndpointValue(1.0) << Problem::WrongType;
    Domain::Endpoint open = mode();
    open.options.clear();
    QTest::newRow("any word without options") << open << EndpointValue(QStringLiteral("turbo")) << Problem::None;
}

void TestEndpointFact::validate()
{
    QFETCH(Domain::Endpoint, endpoint);
    QFETCH(EndpointValue, value);
    QFETCH(Problem, problem);
    const EndpointFact::Validation result = EndpointFact(endpoint, value).validate(QLocale(QLocale::C));
    QCOMPARE(result.problem, problem);
    QCOMPARE(result.valid(), problem == Problem::None);
    QCOMPARE(result.reason.isEmpty(), problem == Problem::None);
}

void TestEndpointFact::reasonsNameTheEndpointAndTheLimits()
{
    const QLocale en(QLocale::English, QLocale::UnitedStates);
    QCOMPARE(EndpointFact(setpoint(), 10.0).validate(en).reason,
             QStringLiteral("Setpoint takes 20.0%1°C to 95.0%1°C; not 10.0%1°C.").arg(kNbsp));
    QCOMPARE(EndpointFact(setpoint(), 50.2).validate(en).reason,
             QStringLiteral("Setpoint moves in steps of 0.5%1°C; not 50.2%1°C.").arg(kNbsp));
    QCOMPARE(EndpointFact(number(0.0, {}, {}, QStringLiteral("%")), -1.0).validate(en).reason,
             QStringLiteral("X.n takes 0%1% or more; not -1%1%.").arg(kNbsp));
    QCOMPARE(EndpointFact(number({}, 100.0, {}), 250.0).validate(en).reason,
             QStringLiteral("X.n takes 100 or less; not 250."));
    QCOMPARE(EndpointFact(setpoint(), QStringLiteral("hot")).validate(en).reason,
             QStringLiteral("Setpoint takes a number."));
    QCOMPARE(EndpointFact(valve(), 1.0).validate(en).reason, QStringLiteral("Open is switched on or off."));
    QCOMPARE(EndpointFact(mode(), QStringLiteral("turbo")).validate(en).reason,
             QStringLiteral("Mode takes one of: auto, manual, off; not turbo."));
    QCOMPARE(EndpointFact(mode(), true).validate(en).reason, QStringLiteral("Mode takes one of: auto, manual, off."));
}

void TestEndpointFact::reasonsFollowTheLocale()
{
    const QLocale de(QLocale::German, QLocale::Germany);
    QCOMPARE(EndpointFact(setpoint(), 100.0).validate(de).reason,
             QStringLiteral("Setpoint takes 20,0%1°C to 95,0%1°C; not 100,0%1°C.").arg(kNbsp));
    QCOMPARE(EndpointFact(setpoint(), 50.2).validate(de).reason,
             QStringLiteral("Setpoint moves in steps of 0,5%1°C; not 50,2%1°C.").arg(kNbsp));
}

void TestEndpointFact::variants()
{
    QCOMPARE(EndpointFact::toVariant(EndpointValue(true)), QVariant(true));
    QCOMPARE(EndpointFact::toVariant(EndpointValue(2.5)), QVariant(2.5));
    QCOMPARE(EndpointFact::toVariant(EndpointValue(QStringLiteral("auto"))), QVariant(QStringLiteral("auto")));
    QVERIFY(!EndpointFact::toVariant(EndpointValue()).isValid());
    QCOMPARE(EndpointFact::toVariant(EndpointValue(true)).typeId(), QMetaType::Bool);
    QCOMPARE(EndpointFact::toVariant(EndpointValue(2.5)).typeId(), QMetaType::Double);
    QCOMPARE(EndpointFact(setpoint()).toVariant(), QVariant(60.0));

    QCOMPARE(EndpointFact::fromVariant(QVariant(false)), EndpointValue(false));
    QCOMPARE(EndpointFact::fromVariant(QVariant(2.5)), EndpointValue(2.5));
    QCOMPARE(EndpointFact::fromVariant(QVariant(7)), EndpointValue(7.0)); // any integer is a number
    QCOMPARE(EndpointFact::fromVariant(QVariant(qulonglong(8))), EndpointValue(8.0));
    QCOMPARE(EndpointFact::fromVariant(QVariant(1.5f)), EndpointValue(1.5));
    QCOMPARE(EndpointFact::fromVariant(QVariant(QStringLiteral("off"))), EndpointValue(QStringLiteral("off")));
    QCOMPARE(EndpointFact::fromVariant(QVariant()), EndpointValue());
    QCOMPARE(EndpointFact::fromVariant(QVariant(QDate(2026, 1, 1))), EndpointValue());

    // Limits: a number or none.
    QCOMPARE(EndpointFact::toVariant(std::optional<double>(95.0)), QVariant(95.0));
    QVERIFY(!EndpointFact::toVariant(std::optional<double>()).isValid());
    QCOMPARE(EndpointFact::limitFromVariant(QVariant(0.5)), std::optional<double>(0.5));
    QCOMPARE(EndpointFact::limitFromVariant(QVariant(0.0)), std::optional<double>(0.0));
    QCOMPARE(EndpointFact::limitFromVariant(QVariant()), std::optional<double>());
    QCOMPARE(EndpointFact::limitFromVariant(QVariant(QStringLiteral("wide"))), std::optional<double>());
}

void TestEndpointFact::numbers()
{
    QCOMPARE(EndpointFact::toNumber(true), std::optional<double>(1.0));
    QCOMPARE(EndpointFact::toNumber(false), std::optional<double>(0.0));
    QCOMPARE(EndpointFact::toNumber(-2.5), std::optional<double>(-2.5));
    QCOMPARE(EndpointFact::toNumber(QStringLiteral("1")), std::optional<double>());
    QCOMPARE(EndpointFact::toNumber(EndpointValue()), std::optional<double>());
}

void TestEndpointFact::json()
{
    // No value is null, never undefined.
    const QJsonValue none = EndpointFact::toJson(EndpointValue());
    QVERIFY(none.isNull());
    QVERIFY(!none.isUndefined());
    QCOMPARE(EndpointFact::toJson(true), QJsonValue(true));
    QCOMPARE(EndpointFact::toJson(20.5), QJsonValue(20.5));
    QCOMPARE(EndpointFact::toJson(QStringLiteral("manual")), QJsonValue(QStringLiteral("manual")));
    QCOMPARE(EndpointFact(valve(), true).toJson(), QJsonValue(true));

    QCOMPARE(EndpointFact::fromJson(QJsonValue(false)), EndpointValue(false));
    QCOMPARE(EndpointFact::fromJson(QJsonValue(3.0)), EndpointValue(3.0));
    QCOMPARE(EndpointFact::fromJson(QJsonValue(QStringLiteral("auto"))), EndpointValue(QStringLiteral("auto")));
    QCOMPARE(EndpointFact::fromJson(QJsonValue(QJsonValue::Null)), EndpointValue());
    QCOMPARE(EndpointFact::fromJson(QJsonValue(QJsonValue::Undefined)), EndpointValue());
    QCOMPARE(EndpointFact::fromJson(QJsonArray {1, 2}), EndpointValue());
}

void TestEndpointFact::jsonSurvivesADocument()
{
    const QList<EndpointValue> values {EndpointValue(), true, false, 0.1, -1e-7, QStringLiteral("ä ö")};
    QJsonArray array;
    for (const EndpointValue &value : values)
        array.append(EndpointFact::toJson(value));
    const QByteArray text = QJsonDocument(array).toJson(QJsonDocument::Compact);
    QVERIFY2(text.startsWith("[null,true,false,"), text.constData());
    const QJsonArray back = QJsonDocument::fromJson(text).array();
    QCOMPARE(back.size(), values.size());
    for (qsizetype i = 0; i < values.size(); ++i)
        QCOMPARE(EndpointFact::fromJson(back.at(i)), values.at(i));
}

void TestEndpointFact::stepDecimals_data()
{
    QTest::addColumn<std::optional<double>>("step");
    QTest::addColumn<std::optional<int>>("decimals");
    QTest::newRow("none") << std::optional<double>() << std::optional<int>();
    QTest::newRow("zero") << std::optional<double>(0.0) << std::optional<int>();
    QTest::newRow("negative") << std::optional<double>(-1.0) << std::optional<int>();
    QTest::newRow("5") << std::optional<double>(5.0) << std::optional<int>(0);
    QTest::newRow("1") << std::optional<double>(1.0) << std::optional<int>(0);
    QTest::newRow("0.5") << std::optional<double>(0.5) << std::optional<int>(1);
    QTest::newRow("0.1") << std::optional<double>(0.1) << std::optional<int>(1);
    QTest::newRow("0.25") << std::optional<double>(0.25) << std::optional<int>(2);
    QTest::newRow("0.001") << std::optional<double>(0.001) << std::optional<int>(3);
    QTest::newRow("1e-9, at most 6") << std::optional<double>(1e-9) << std::optional<int>(6);
}

void TestEndpointFact::stepDecimals()
{
    QFETCH(std::optional<double>, step);
    QFETCH(std::optional<int>, decimals);
    EndpointFact fact(EndpointValue(1.0));
    fact.setStep(step);
    QCOMPARE(fact.stepDecimals(), decimals);
}

void TestEndpointFact::displayText_data()
{
    QTest::addColumn<Domain::Endpoint>("endpoint");
    QTest::addColumn<EndpointValue>("value");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("german");

    const QString c = kNbsp + QStringLiteral("°C");
    // With a step: as many decimals as the step has, trailing zeros kept.
    QTest::newRow("step 0.5") << setpoint() << EndpointValue(50.5) << u"50.5"_s + c << u"50,5"_s + c;
    QTest::newRow("step 0.5, whole") << setpoint() << EndpointValue(50.0) << u"50.0"_s + c << u"50,0"_s + c;
    QTest::newRow("step 0.25") << number({}, {}, 0.25) << EndpointValue(1.5) << u"1.50"_s << u"1,50"_s;
    QTest::newRow("step 1") << number({}, {}, 1.0) << EndpointValue(42.0) << u"42"_s << u"42"_s;
    QTest::newRow("step 1, rounded") << number({}, {}, 1.0) << EndpointValue(41.6) << u"42"_s << u"42"_s;
    QTest::newRow("step, negative") << setpoint() << EndpointValue(-3.5) << u"-3.5"_s + c << u"-3,5"_s + c;
    QTest::newRow("step, thousands") << number({}, {}, 0.5, QStringLiteral("L")) << EndpointValue(1234.5)
                                     << u"1,234.5\u00a0L"_s << u"1.234,5\u00a0L"_s;
    // Without a step: up to six significant digits, no trailing zeros.
    const Domain::Endpoint free = number({}, {}, {}, QStringLiteral("°C"));
    QTest::newRow("no step") << free << EndpointValue(21.4) << u"21.4"_s + c << u"21,4"_s + c;
    QTest::newRow("no step, whole") << free << EndpointValue(22.0) << u"22"_s + c << u"22"_s + c;
    QTest::newRow("no step, six digits") << free << EndpointValue(3.14159265) << u"3.14159"_s + c << u"3,14159"_s + c;
    QTest::newRow("no step, small") << number({}, {}, {}) << EndpointValue(0.00125) << u"0.00125"_s << u"0,00125"_s;
    QTest::newRow("no step, thousands") << number({}, {}, {}) << EndpointValue(12345.6) << u"12,345.6"_s
                                        << u"12.345,6"_s;
    QTest::newRow("no step, millions in full")
        << number({}, {}, {}) << EndpointValue(2500000.4) << u"2,500,000"_s << u"2.500.000"_s;
    QTest::newRow("no step, zero") << number({}, {}, {}) << EndpointValue(0.0) << u"0"_s << u"0"_s;
    // Switches read On and Off, whatever the number they are sent as; words as they are.
    QTest::newRow("on") << valve() << EndpointValue(true) << u"On"_s << u"On"_s;
    QTest::newRow("off") << valve() << EndpointValue(false) << u"Off"_s << u"Off"_s;
    QTest::newRow("switch sent as 1") << valve() << EndpointValue(1.0) << u"On"_s << u"On"_s;
    QTest::newRow("switch sent as 0") << valve() << EndpointValue(0.0) << u"Off"_s << u"Off"_s;
    QTest::newRow("option") << mode() << EndpointValue(QStringLiteral("manual")) << u"manual"_s << u"manual"_s;
    Domain::Endpoint unitWord = mode();
    unitWord.unit = QStringLiteral("rpm");
    QTest::newRow("words take no unit") << unitWord << EndpointValue(QStringLiteral("auto")) << u"auto"_s << u"auto"_s;
    QTest::newRow("unknown") << setpoint() << EndpointValue() << u"—"_s << u"—"_s;
    QTest::newRow("unknown switch") << valve() << EndpointValue() << u"—"_s << u"—"_s;
}

void TestEndpointFact::displayText()
{
    QFETCH(Domain::Endpoint, endpoint);
    QFETCH(EndpointValue, value);
    QFETCH(QString, english);
    QFETCH(QString, german);
    const EndpointFact fact(endpoint, value);
    QCOMPARE(fact.displayText(QLocale(QLocale::English, QLocale::UnitedStates)), english);
    QCOMPARE(fact.displayText(QLocale(QLocale::German, QLocale::Germany)), german);
}

QTEST_GUILESS_MAIN(TestEndpointFact)
#include "tst_endpointfact.moc"
