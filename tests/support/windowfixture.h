#pragma once

#include "support/consolefixture.h"

#include <QSize>
#include <QString>

#include <memory>

class MainWindow;

// A console under test with its main window, built as main() builds it: the
// composition root over the session, then the window over the services. The
// window is destroyed before the services and the session.
class WindowFixture : public ConsoleFixture
{
public:
    using ConsoleFixture::ConsoleFixture;
    ~WindowFixture() override;

    // Builds the services and the window titled `profileName`, shows it at
    // `size` (its own size when empty) and waits until it is exposed.
    MainWindow *openWindow(const QSize &size = {}, const QString &profileName = QStringLiteral("Plant A"));

    std::unique_ptr<MainWindow> window;
};
