#include "simoptions.h"

#include <QTemporaryDir>
#include <QTest>

// Reading the tokens file an administrator gives --tokens-file.
class TestSimOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTokensAndRoles();
    void rejects_data();
    void rejects();
    void missingFile();

private:
    QString write(const QByteArray &content)
    {
        const QString path = m_dir.filePath(QStringLiteral("tokens%1").arg(++m_files));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(content);
        return path;
    }
    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestSimOptions::readsTokensAndRoles()
{
    SimOptions o;
    const auto error = o.loadTokensFile(write("# token role\n"
                                              "view-1   viewer\n"
                                              "\n"
                                              "op-2 operator   # shift A\n"
                                              "adm-3\tadmin\n"));
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QCOMPARE(o.tokens.size(), 3);
    QCOMPARE(o.tokens.value(QStringLiteral("view-1")), QStringLiteral("viewer"));
    QCOMPARE(o.tokens.value(QStringLiteral("op-2")), QStringLiteral("operator"));
    QCOMPARE(o.tokens.value(QStringLiteral("adm-3")), QStringLiteral("admin"));
}

void TestSimOptions::rejects_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no role") << QByteArray("ok-1 viewer\nlonely\n") << QStringLiteral(":2: expected \"token role\"");
    QTest::newRow("unknown role") << QByteArray("t root\n")
                                  << QStringLiteral(":1: role must be viewer, operator or admin");
    QTest::newRow("only comments") << QByteArray("# nothing\n\n") << QStringLiteral(": no tokens");
}

void TestSimOptions::rejects()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    SimOptions o;
    const QString path = write(content);
    const auto error = o.loadTokensFile(path);
    QVERIFY(error);
    QVERIFY2(error->startsWith(path), qPrintable(*error));
    QVERIFY2(error->contains(expected), qPrintable(*error));
}

void TestSimOptions::missingFile()
{
    SimOptions o;
    const auto error = o.loadTokensFile(m_dir.filePath(QStringLiteral("absent")));
    QVERIFY(error);
    QVERIFY2(error->contains(QStringLiteral("cannot read")), qPrintable(*error));
}

QTEST_GUILESS_MAIN(TestSimOptions)
#include "tst_simoptions.moc"
