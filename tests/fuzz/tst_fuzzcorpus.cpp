#include "fuzzchecks.h"

#include <QDir>
#include <QFile>
#include <QTest>

// Replays the checked-in corpora of the Socket.IO and profile fuzz targets,
// crash reproducers included, with the normal compiler: the same checks
// the fuzzers make (fuzzchecks.h) hold for every file.
class TestFuzzCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void socketIo_data() { addFiles(QStringLiteral("socketio"), 20); }
    void socketIo() { replay(FuzzChecks::socketIoFrame); }
    void profile_data() { addFiles(QStringLiteral("profile"), 10); }
    void profile() { replay(FuzzChecks::profileText); }

private:
    static void addFiles(const QString &corpus, qsizetype atLeast)
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(WATCHFLOOR_FUZZ_CORPORA) + u'/' + corpus);
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= atLeast, qPrintable(dir.path()));
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << dir.filePath(file);
    }

    template<typename Check> static void replay(Check check)
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(check(file.readAll()), qPrintable(path));
    }
};

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzzcorpus.moc"
