#include "logcapture.h"

#include <algorithm>

namespace {

LogCapture *g_capture = nullptr; // the one that lives, if any

} // namespace

LogCapture::LogCapture(QString category)
    : m_category(std::move(category))
{
    Q_ASSERT(!g_capture);
    g_capture = this;
    m_previous = qInstallMessageHandler(&LogCapture::handle);
}

LogCapture::~LogCapture()
{
    qInstallMessageHandler(m_previous);
    g_capture = nullptr;
}

QStringList LogCapture::warnings() const
{
    return m_warnings;
}

qsizetype LogCapture::count(const QString &text) const
{
    return std::count_if(m_warnings.cbegin(), m_warnings.cend(),
                         [&text](const QString &warning) { return warning.contains(text); });
}

void LogCapture::handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    LogCapture *capture = g_capture;
    if (!capture)
        return;
    if (type != QtDebugMsg && type != QtInfoMsg && context.category
        && capture->m_category == QLatin1StringView(context.category))
        capture->m_warnings.append(message);
    if (capture->m_previous)
        capture->m_previous(type, context, message);
}
