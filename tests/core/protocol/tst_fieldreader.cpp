#include "protocol/fieldreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <array>

using Protocol::DecodeError;
using Protocol::FieldReader;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

enum class Colour { None, Red, Green, Unknown };
const std::array<std::pair<Colour, QLatin1StringView>, 2> kColours {{
    {Colour::Red, QLatin1StringView("red")},
    {Colour::Green, QLatin1StringView("green")},
}};

struct Item
{
    QString id;
    double level = 0;
};

Item readItem(FieldReader &r)
{
    return {r.identifier(QLatin1StringView("id")), r.number(QLatin1StringView("level"), 0, 100)};
}

} // namespace

// The field reader is the one place where the wire's field rules live: what
// a required, optional and nullable field accepts, the bounds of numbers, the
// forms of identifiers and times, and which failure is reported.
class TestFieldReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requiredOptionalAndNullable();
    void firstFailureWinsWithItsPath();
    void identifiersAreStringsOrExactIntegers();
    void numbersKeepTheirBounds();
    void clampedNumbersForgiveAnOvershootOnly();
    void integersMustBeExact();
    void timesNeedAnOffsetOrEpochMilliseconds();
    void valuesAreScalarsOrNothing();
    void enumerationsStrictAndLenient();
    void listStopsAtTheFirstBadItem();
    void skippingListKeepsTheGoodItems();
};

void TestFieldReader::requiredOptionalAndNullable()
{
    FieldReader r(json(R"({"a":"x","n":null})"), QStringLiteral("t"));
    QCOMPARE(r.string(QLatin1StringView("a")), QStringLiteral("x"));
    QCOMPARE(r.optionalString(QLatin1StringView("missing")), QString());
    QCOMPARE(r.optionalString(QLatin1StringView("n")), QString());
    QVERIFY(!r.nullableString(QLatin1StringView("n")).has_value());
    QCOMPARE(r.nullableString(QLatin1StringView("a")).value_or(QString()), QStringLiteral("x"));
    QCOMPARE(r.optionalNumber(QLatin1StringView("missing"), 7.5), 7.5);
    QCOMPARE(r.optionalBoolean(QLatin1StringView("n"), true), true);
    QVERIFY(r.ok());

    // A required field that is absent is a MissingField, not a BadField.
    QCOMPARE(r.number(QLatin1StringView("absent")), 0.0);
    QVERIFY(!r.ok());
    QCOMPARE(r.error()->kind, DecodeError::Kind::MissingField);
    QCOMPARE(r.error()->field, QStringLiteral("absent"));
    QCOMPARE(r.error()->type, QStringLiteral("t"));

    // Present but null is not absent: a required string that is null is bad.
    FieldReader nullString(json(R"({"a":null})"), QStringLiteral("t"));
    nullString.string(QLatin1StringView("a"));
    QCOMPARE(nullString.error()->kind, DecodeError::Kind::BadField);

    // A wrong type in an optional field is still a failure.
    FieldReader wrong(json(R"({"b":"yes"})"), QStringLiteral("t"));
    QCOMPARE(wrong.optionalBoolean(QLatin1StringView("b"), false), false);
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error()->field, QStringLiteral("b"));
}

void TestFieldReader::firstFailureWinsWithItsPath()
{
    FieldReader r(json(R"({"outer":{"inner":{"x":"not a number"}},"y":"also bad"})"), QStringLiteral("event"));
    FieldReader outer = r.nested(r.object(QLatin1StringView("outer")), QStringLiteral("outer"));
    FieldReader inner = outer.nested(outer.object(QLatin1StringView("inner")), QStringLiteral("inner"));
    inner.number(QLatin1StringView("x"));
    r.number(QLatin1StringView("y")); // a second failure, later
    QVERIFY(!r.ok());
    QVERIFY(!inner.ok()); // one error, shared by the nested readers
    QCOMPARE(r.error()->field, QStringLiteral("outer.inner.x"));
    QCOMPARE(r.error()->kind, DecodeError::Kind::BadField);
    QCOMPARE(r.error()->type, QStringLiteral("event"));
}

void TestFieldReader::identifiersAreStringsOrExactIntegers()
{
    FieldReader r(json(R"({"s":"T1.V101","n":42,"neg":-3})"), QStringLiteral("t"));
    QCOMPARE(r.identifier(QLatin1StringView("s")), QStringLiteral("T1.V101"));
    QCOMPARE(r.identifier(QLatin1StringView("n")), QStringLiteral("42"));
    QCOMPARE(r.identifier(QLatin1StringView("neg")), QStringLiteral("-3"));
    QCOMPARE(r.optionalIdentifier(QLatin1StringView("missing")), QString());
    QVERIFY(r.ok());

    for (const char *bad : {R"({"id":""})", R"({"id":42.5})", R"({"id":1e300})", R"({"id":true})", R"({"id":{}})"}) {
        FieldReader b(json(bad), QStringLiteral("t"));
        b.identifier(QLatin1StringView("id"));
        QVERIFY2(!b.ok(), bad);
        QCOMPARE(b.error()->kind, DecodeError::Kind::BadField);
    }
}

void TestFieldReader::numbersKeepTheirBounds()
{
    FieldReader r(json(R"({"v":50})"), QStringLiteral("t"));
    QCOMPARE(r.number(QLatin1StringView("v"), 0, 100), 50.0);
    QVERIFY(r.ok());
    r.number(QLatin1StringView("v"), 0, 49.9);
    QVERIFY(!r.ok());
    QCOMPARE(r.error()->field, QStringLiteral("v"));

    FieldReader text(json(R"({"v":"50"})"), QStringLiteral("t"));
    text.number(QLatin1StringView("v"));
    QVERIFY2(!text.ok(), "a number sent as text is not a number");
}

void TestFieldReader::clampedNumbersForgiveAnOvershootOnly()
{
    FieldReader r(json(R"({"a":100.2,"b":-5,"c":109.9})"), QStringLiteral("t"));
    QCOMPARE(r.clampedNumber(QLatin1StringView("a"), 0, 100), 100.0);
    QCOMPARE(r.clampedNumber(QLatin1StringView("b"), 0, 100), 0.0);
    QCOMPARE(r.clampedNumber(QLatin1StringView("c"), 0, 100), 100.0); // under a tenth of the range over
    QVERIFY(r.ok());

    FieldReader garbage(json(R"({"battery":900})"), QStringLiteral("t"));
    garbage.clampedNumber(QLatin1StringView("battery"), 0, 100);
    QVERIFY(!garbage.ok());
    QCOMPARE(garbage.error()->field, QStringLiteral("battery"));
}

void TestFieldReader::integersMustBeExact()
{
    FieldReader r(json(R"({"a":9007199254740991,"b":3})"), QStringLiteral("t"));
    QCOMPARE(r.integer(QLatin1StringView("a")), Q_INT64_C(9007199254740991));
    QCOMPARE(r.optionalInteger(QLatin1StringView("missing"), 11), qint64(11));
    QCOMPARE(r.integer(QLatin1StringView("b"), 0, 10), qint64(3));
    QVERIFY(r.ok());

    for (const char *bad : {R"({"i":1.5})", R"({"i":-1})", R"({"i":9007199254740993})", R"({"i":"7"})"}) {
        FieldReader b(json(bad), QStringLiteral("t"));
        b.integer(QLatin1StringView("i"));
        QVERIFY2(!b.ok(), bad);
    }
}

void TestFieldReader::timesNeedAnOffsetOrEpochMilliseconds()
{
    FieldReader r(json(R"({"z":"2026-11-22T10:00:00.250Z","plus":"2026-11-22T12:00:00+02:00",
                           "minus":"2026-11-22T05:00:00-05:00","ms":1795000000000})"),
                  QStringLiteral("t"));
    const QDateTime z = r.timestamp(QLatin1StringView("z"));
    QCOMPARE(z, QDateTime(QDate(2026, 11, 22), QTime(10, 0, 0, 250), Qt::UTC));
    QCOMPARE(z.timeSpec(), Qt::UTC);
    QCOMPARE(r.timestamp(QLatin1StringView("plus")), QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC));
    QCOMPARE(r.timestamp(QLatin1StringView("minus")), QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC));
    QCOMPARE(r.timestamp(QLatin1StringView("ms")).toMSecsSinceEpoch(), Q_INT64_C(1795000000000));
    QVERIFY(!r.nullableTimestamp(QLatin1StringView("missing")).has_value());
    QVERIFY(r.ok());

    // Python's isoformat() without a zone would be read as this console's
    // local time: refused, never guessed.
    for (const char *bad :
         {R"({"at":"2026-11-22T10:00:00"})", R"({"at":"yesterday"})", R"({"at":1.5})", R"({"at":1e300})"}) {
        FieldReader b(json(bad), QStringLiteral("t"));
        b.timestamp(QLatin1StringView("at"));
        QVERIFY2(!b.ok(), bad);
        QCOMPARE(b.error()->kind, DecodeError::Kind::BadField);
    }
}

void TestFieldReader::valuesAreScalarsOrNothing()
{
    FieldReader r(json(R"({"b":true,"d":2.5,"s":"auto","n":null})"), QStringLiteral("t"));
    QCOMPARE(std::get<bool>(r.value(QLatin1StringView("b"))), true);
    QCOMPARE(std::get<double>(r.value(QLatin1StringView("d"))), 2.5);
    QCOMPARE(std::get<QString>(r.value(QLatin1StringView("s"))), QStringLiteral("auto"));
    QVERIFY(std::holds_alternative<std::monostate>(r.value(QLatin1StringView("n"))));
    QVERIFY(std::holds_alternative<std::monostate>(r.optionalValue(QLatin1StringView("missing"))));
    QVERIFY(r.ok());

    FieldReader b(json(R"({"v":[1]})"), QStringLiteral("t"));
    b.value(QLatin1StringView("v"));
    QVERIFY(!b.ok());
}

void TestFieldReader::enumerationsStrictAndLenient()
{
    FieldReader r(json(R"({"c":"green","u":"purple"})"), QStringLiteral("t"));
    QCOMPARE(r.enumeration(QLatin1StringView("c"), kColours), Colour::Green);
    QCOMPARE(r.optionalEnumeration(QLatin1StringView("missing"), kColours, Colour::Red), Colour::Red);
    QCOMPARE(r.lenientEnumeration(QLatin1StringView("u"), kColours, Colour::Unknown), Colour::Unknown);
    QCOMPARE(r.optionalLenientEnumeration(QLatin1StringView("missing"), kColours, Colour::None, Colour::Unknown),
             Colour::None);
    QVERIFY(r.ok());

    r.enumeration(QLatin1StringView("u"), kColours);
    QVERIFY(!r.ok());
    QCOMPARE(r.error()->field, QStringLiteral("u"));
    QVERIFY(r.error()->detail.contains(QStringLiteral("purple")));
}

void TestFieldReader::listStopsAtTheFirstBadItem()
{
    FieldReader r(json(R"({"items":[{"id":"a","level":1},{"id":"b","level":"x"},{"id":"c","level":3}]})"),
                  QStringLiteral("snapshot"));
    const QList<Item> items = r.list(QLatin1StringView("items"), readItem);
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().id, QStringLiteral("a"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error()->field, QStringLiteral("items[1].level"));

    FieldReader absent(json(R"({})"), QStringLiteral("snapshot"));
    QVERIFY(absent.list(QLatin1StringView("items"), readItem, false).isEmpty());
    QVERIFY(absent.ok());
}

void TestFieldReader::skippingListKeepsTheGoodItems()
{
    FieldReader r(json(R"({"items":[{"id":"a","level":1},{"id":7,"level":900},"junk",{"level":2},
                                   {"id":"e","level":5}]})"),
                  QStringLiteral("snapshot"));
    FieldReader::Skipped skipped;
    const QList<Item> items = r.skippingList(QLatin1StringView("items"), QLatin1StringView("id"), skipped, readItem);
    QVERIFY(r.ok()); // the list itself was readable
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).id, QStringLiteral("a"));
    QCOMPARE(items.at(1).id, QStringLiteral("e"));
    QCOMPARE(skipped.errors.size(), 3);
    QCOMPARE(skipped.errors.at(0).field, QStringLiteral("items[1].level"));
    QCOMPARE(skipped.errors.at(1).field, QStringLiteral("items[2]"));
    QCOMPARE(skipped.ids, QStringList {QStringLiteral("7")});
    QVERIFY(skipped.anonymous);

    // Without the array, the reader itself fails.
    FieldReader none(json(R"({})"), QStringLiteral("snapshot"));
    FieldReader::Skipped nothing;
    none.skippingList(QLatin1StringView("items"), QLatin1StringView("id"), nothing, readItem);
    QVERIFY(!none.ok());
    QCOMPARE(none.error()->kind, DecodeError::Kind::MissingField);
}

QTEST_GUILESS_MAIN(TestFieldReader)
#include "tst_fieldreader.moc"
