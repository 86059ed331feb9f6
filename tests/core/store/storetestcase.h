#pragma once

#include "store/localstore.h"

#include <QObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The base of the store's tests: before each case a fresh LocalStore opened
// on watchfloor.sqlite in a temporary folder of its own; after it, both gone.
class StoreTestCase : public QObject
{
    Q_OBJECT

protected:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("watchfloor.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = std::make_unique<LocalStore>();
        QVERIFY2(m_store->open(dbPath()), qPrintable(m_store->lastError()));
        QVERIFY(m_store->movedAsidePath().isEmpty());
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }
};
