#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

// Collects the messages logged while it lives, in one category, and passes
// every message on to the handler that was there before (the test's).
// One at a time: it replaces the process's message handler.
class LogCapture
{
public:
    explicit LogCapture(QString category);
    ~LogCapture();
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    // The messages of the category so far, at warning level or above.
    QStringList warnings() const;
    // How many of them contain `text`.
    qsizetype count(const QString &text) const;

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message);

    QString m_category;
    QStringList m_warnings;
    QtMessageHandler m_previous = nullptr;
};
