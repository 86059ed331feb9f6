#include "config/pinhash.h"

#include <QTest>

// The kiosk's exit PIN hash: made with a random salt, verified only by the
// PIN it came from, its shape checked with a reason a profile check can show.
class TestPinHash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void makeHasTheDocumentedShape();
    void verifyAcceptsOnlyThePin();
    void saltIsFreshEachTime();
    void iterationsAreKeptAndUsed();
    void knownVector();
    void malformedHashesSayWhy_data();
    void malformedHashesSayWhy();
    void acceptablePins_data();
    void acceptablePins();
};

void TestPinHash::makeHasTheDocumentedShape()
{
    const QString hash = PinHash::make(QStringLiteral("4711"), 1000);
    const QStringList parts = hash.split(u':');
    QCOMPARE(parts.size(), 4);
    QCOMPARE(parts.at(0), QStringLiteral("pbkdf2-sha256"));
    QCOMPARE(parts.at(1), QStringLiteral("1000"));
    QCOMPARE(parts.at(2).size(), 32); // 16 bytes of salt
    QCOMPARE(parts.at(3).size(), 64); // a 32-byte key
    QString why;
    QVERIFY2(PinHash::isWellFormed(hash, &why), qPrintable(why));
    // The default is the slow one.
    QVERIFY(PinHash::make(QStringLiteral("4711")).startsWith(QStringLiteral("pbkdf2-sha256:100000:")));
}

void TestPinHash::verifyAcceptsOnlyThePin()
{
    const QString hash = PinHash::make(QStringLiteral("246810"), 2000);
    QVERIFY(PinHash::verify(QStringLiteral("246810"), hash));
    QVERIFY(!PinHash::verify(QStringLiteral("246811"), hash));
    QVERIFY(!PinHash::verify(QStringLiteral("24681"), hash));
    QVERIFY(!PinHash::verify(QStringLiteral("2468100"), hash));
    QVERIFY(!PinHash::verify(QString(), hash));
    // A changed key or salt no longer matches the PIN.
    QString flippedKey = hash;
    flippedKey[flippedKey.size() - 1] = flippedKey.back() == u'0' ? u'1' : u'0';
    QVERIFY(PinHash::isWellFormed(flippedKey));
    QVERIFY(!PinHash::verify(QStringLiteral("246810"), flippedKey));
    QStringList parts = hash.split(u':');
    parts[2][0] = parts[2][0] == u'0' ? u'1' : u'0';
    QVERIFY(!PinHash::verify(QStringLiteral("246810"), parts.join(u':')));
    // Nothing verifies against a hash that is not one.
    QVERIFY(!PinHash::verify(QStringLiteral("246810"), QString()));
    QVERIFY(!PinHash::verify(QStringLiteral("246810"), QStringLiteral("246810")));
}

void TestPinHash::saltIsFreshEachTime()
{
    const QString a = PinHash::make(QStringLiteral("1234"), 1000);
    const QString b = PinHash::make(QStringLiteral("1234"), 1000);
    QVERIFY(a != b);
    QVERIFY(a.split(u':').at(2) != b.split(u':').at(2));
    QVERIFY(PinHash::verify(QStringLiteral("1234"), a));
    QVERIFY(PinHash::verify(QStringLiteral("1234"), b));
}

void TestPinHash::iterationsAreKeptAndUsed()
{
    // The same salt with another iteration count is another key: the count
    // in the text is the one verify() runs.
    const QString hash = PinHash::make(QStringLiteral("9999"), 1500);
    QStringList parts = hash.split(u':');
    parts[1] = QStringLiteral("1501");
    QVERIFY(PinHash::isWellFormed(parts.join(u':')));
    QVERIFY(!PinHash::verify(QStringLiteral("9999"), parts.join(u':')));
}

void TestPinHash::knownVector()
{
    // PBKDF2-HMAC-SHA256 of "4711" with the salt "saltsaltsaltsalt", 1000
    // iterations, 32 bytes, as computed independently (Python's hashlib): a
    // hash written by another tool verifies, so this is the standard
    // algorithm, not merely make() agreeing with verify().
    const QString hash = QStringLiteral("pbkdf2-sha256:1000:73616c7473616c7473616c7473616c74:"
                                        "64d397c7d380f21c418885fc08701edde35e61915326c3ff398089e83c659ea0");
    QVERIFY(PinHash::isWellFormed(hash));
    QVERIFY(PinHash::verify(QStringLiteral("4711"), hash));
    QVERIFY(!PinHash::verify(QStringLiteral("4712"), hash));
    // Upper-case hex is the same hash.
    QVERIFY(PinHash::verify(QStringLiteral("4711"),
                            hash.toUpper().replace(QStringLiteral("PBKDF2-SHA256"), QStringLiteral("pbkdf2-sha256"))));
}

void TestPinHash::malformedHashesSayWhy_data()
{
    QTest::addColumn<QString>("hash");
    QTest::addColumn<QString>("reasonPart");
    const QString salt(32, u'a');
    const QString key(64, u'b');
    QTest::newRow("empty") << QString() << QStringLiteral("empty");
    QTest::newRow("three parts") << QStringLiteral("pbkdf2-sha256:1000:") + salt << QStringLiteral("four parts");
    QTest::newRow("scheme") << QStringLiteral("bcrypt:1000:") + salt + u':' + key << QStringLiteral("bcrypt");
    QTest::newRow("iterations not a number")
        << QStringLiteral("pbkdf2-sha256:many:") + salt + u':' + key << QStringLiteral("iteration");
    QTest::newRow("too few iterations") << QStringLiteral("pbkdf2-sha256:10:") + salt + u':' + key
                                        << QStringLiteral("iteration");
    QTest::newRow("short salt") << QStringLiteral("pbkdf2-sha256:1000:abcd:") + key << QStringLiteral("salt");
    QTest::newRow("salt not hex") << QStringLiteral("pbkdf2-sha256:1000:") + QString(32, u'g') + u':' + key
                                  << QStringLiteral("salt");
    QTest::newRow("short key") << QStringLiteral("pbkdf2-sha256:1000:") + salt + u':' + QString(62, u'b')
                               << QStringLiteral("key");
    QTest::newRow("key not hex") << QStringLiteral("pbkdf2-sha256:1000:") + salt + u':' + QString(64, u'z')
                                 << QStringLiteral("key");
}

void TestPinHash::malformedHashesSayWhy()
{
    QFETCH(QString, hash);
    QFETCH(QString, reasonPart);
    QString why;
    QVERIFY(!PinHash::isWellFormed(hash, &why));
    QVERIFY2(why.contains(reasonPart), qPrintable(why));
    QVERIFY(!PinHash::isWellFormed(hash)); // no reason wanted: no crash
}

void TestPinHash::acceptablePins_data()
{
    QTest::addColumn<QString>("pin");
    QTest::addColumn<bool>("acceptable");
    QTest::newRow("four digits") << QStringLiteral("0000") << true;
    QTest::newRow("twelve digits") << QStringLiteral("123456789012") << true;
    QTest::newRow("three digits") << QStringLiteral("123") << false;
    QTest::newRow("thirteen digits") << QStringLiteral("1234567890123") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("letter") << QStringLiteral("12a4") << false;
    QTest::newRow("space") << QStringLiteral("12 34") << false;
    QTest::newRow("arabic-indic digits") << QStringLiteral("١٢٣٤") << false;
}

void TestPinHash::acceptablePins()
{
    QFETCH(QString, pin);
    QFETCH(bool, acceptable);
    QString why;
    QCOMPARE(PinHash::isAcceptablePin(pin, &why), acceptable);
    QCOMPARE(why.isEmpty(), acceptable);
}

QTEST_GUILESS_MAIN(TestPinHash)
#include "tst_pinhash.moc"
