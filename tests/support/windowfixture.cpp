#include "windowfixture.h"

#include "mainwindow.h"

#include <QTest>

WindowFixture::~WindowFixture()
{
    window.reset(); // before the services it shows
}

MainWindow *WindowFixture::openWindow(const QSize &size, const QString &profileName)
{
    window = std::make_unique<MainWindow>(openServices(), profileName);
    if (size.isValid())
        window->resize(size);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        QTest::qFail("the main window was never exposed", __FILE__, __LINE__);
    return window.get();
}
