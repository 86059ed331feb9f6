#include "protocol/encoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

// The request as a server reads it; fails the test when it is not one JSON object.
QJsonObject parsed(const QByteArray &frame)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(frame, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        QTest::qFail(qPrintable(QStringLiteral("not a JSON object: %1").arg(QString::fromUtf8(frame))), __FILE__,
                     __LINE__);
    return doc.object();
}

} // namespace

// What the console writes: every request is one compact UTF-8 JSON object
// with its `type` and numeric `id` beside the request's own fields.
class TestEncoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void authCarriesTokenOperatorAndClient();
    void subscriptions();
    void pingAndResume();
    void requestsKeepTheirFieldsButNotAForeignTypeOrId();
    void framesAreCompactUtf8();
    void largeIdsSurvive();
};

void TestEncoder::authCarriesTokenOperatorAndClient()
{
    const QJsonObject o = parsed(
        Protocol::encodeAuth(1, QStringLiteral("o"), QStringLiteral("Ærin"), QStringLiteral("watchfloor/0.1.0")));
    QCOMPARE(o.size(), 5);
    QCOMPARE(o.value(u"type").toString(), QStringLiteral("auth"));
    QCOMPARE(o.value(u"id").toInteger(), qint64(1));
    QCOMPARE(o.value(u"token").toString(), QStringLiteral("o"));
    QCOMPARE(o.value(u"operator").toString(), QStringLiteral("Ærin"));
    QCOMPARE(o.value(u"client").toString(), QStringLiteral("watchfloor/0.1.0"));
}

void TestEncoder::subscriptions()
{
    const QJsonObject all = parsed(Protocol::encodeSubscribe(2, QStringLiteral("drones")));
    QCOMPARE(all.value(u"type").toString(), QStringLiteral("subscribe"));
    QCOMPARE(all.value(u"id").toInteger(), qint64(2));
    QCOMPARE(all.value(u"channel").toString(), QStringLiteral("drones"));
    QCOMPARE(all.size(), 3);

    const QJsonObject some = parsed(Protocol::encodeFilteredSubscription(
        QStringLiteral("unsubscribe"), 3, QStringLiteral("telemetry"), QStringLiteral("endpointIds"),
        {QStringLiteral("T1.V101.open"), QStringLiteral("T1.P101.run")}));
    QCOMPARE(some.value(u"type").toString(), QStringLiteral("unsubscribe"));
    QCOMPARE(some.value(u"channel").toString(), QStringLiteral("telemetry"));
    QCOMPARE(some.value(u"endpointIds").toArray(),
             QJsonArray({QStringLiteral("T1.V101.open"), QStringLiteral("T1.P101.run")}));

    // No filter name: the whole channel, with no empty list beside it.
    const QJsonObject unfiltered = parsed(Protocol::encodeFilteredSubscription(
        QStringLiteral("subscribe"), 4, QStringLiteral("alarms"), QString(), {QStringLiteral("ignored")}));
    QCOMPARE(unfiltered.size(), 3);
}

void TestEncoder::pingAndResume()
{
    const QJsonObject ping = parsed(Protocol::encodePing(9));
    QCOMPARE(ping, QJsonObject({{QStringLiteral("type"), QStringLiteral("ping")}, {QStringLiteral("id"), 9}}));

    const QJsonObject resume = parsed(Protocol::encodeResume(10, QStringLiteral("s-1"), 4711));
    QCOMPARE(resume.value(u"type").toString(), QStringLiteral("resume"));
    QCOMPARE(resume.value(u"sessionId").toString(), QStringLiteral("s-1"));
    QCOMPARE(resume.value(u"lastSeq").toInteger(), qint64(4711));
}

void TestEncoder::requestsKeepTheirFieldsButNotAForeignTypeOrId()
{
    const QJsonObject fields {{QStringLiteral("alarmId"), QStringLiteral("A-7")},
                              {QStringLiteral("note"), QStringLiteral("checked on site")},
                              {QStringLiteral("type"), QStringLiteral("forged")},
                              {QStringLiteral("id"), 999}};
    const QJsonObject o = parsed(Protocol::encodeRequest(11, QStringLiteral("ack_alarm"), fields));
    QCOMPARE(o.value(u"type").toString(), QStringLiteral("ack_alarm"));
    QCOMPARE(o.value(u"id").toInteger(), qint64(11));
    QCOMPARE(o.value(u"alarmId").toString(), QStringLiteral("A-7"));
    QCOMPARE(o.value(u"note").toString(), QStringLiteral("checked on site"));
}

void TestEncoder::framesAreCompactUtf8()
{
    const QByteArray frame = Protocol::encodeRequest(
        12, QStringLiteral("command"),
        {{QStringLiteral("endpointId"), QStringLiteral("T1.V101.open")}, {QStringLiteral("value"), true}});
    QVERIFY(!frame.contains('\n'));
    QVERIFY(!frame.contains(": "));
    const QByteArray accented = Protocol::encodeAuth(1, QStringLiteral("o"), QStringLiteral("Zoë"), {});
    QVERIFY(accented.contains(QStringLiteral("Zoë").toUtf8()));
}

void TestEncoder::largeIdsSurvive()
{
    // Ids are counted up for the lifetime of a console; well past 2^32 they
    // still arrive as the same number.
    const quint64 id = (quint64(1) << 40) + 3;
    QCOMPARE(parsed(Protocol::encodePing(id)).value(u"id").toInteger(), qint64(id));
    const quint64 seq = (quint64(1) << 52) + 1;
    QCOMPARE(parsed(Protocol::encodeResume(1, QStringLiteral("s"), seq)).value(u"lastSeq").toInteger(), qint64(seq));
}

QTEST_GUILESS_MAIN(TestEncoder)
#include "tst_encoder.moc"
