#include "protocol/decoder.h"

#include <QDir>
#include <QFile>
#include <QTest>

// Replays the fuzzer's checked-in corpus, crash reproducers included, with
// the normal compiler: decoding never crashes and never comes back empty.
class TestDecoderCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replays_data();
    void replays();
};

void TestDecoderCorpus::replays_data()
{
    QTest::addColumn<QString>("path");
    const QDir corpus(QStringLiteral(WATCHFLOOR_DECODER_CORPUS));
    const QStringList files = corpus.entryList(QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 24, qPrintable(corpus.path()));
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << corpus.filePath(file);
}

void TestDecoderCorpus::replays()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const Protocol::DecodedFrame frame = Protocol::decodeFrame(file.readAll());
    QVERIFY2(!frame.messages.isEmpty() || !frame.errors.isEmpty(), qPrintable(path));
    for (const Protocol::DecodeError &error : frame.errors)
        QVERIFY(!error.toString().isEmpty());
}

QTEST_GUILESS_MAIN(TestDecoderCorpus)
#include "tst_decodercorpus.moc"
