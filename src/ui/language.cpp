#include "language.h"

#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

namespace {

// The translators installed by the last call, so a second call replaces them.
QPointer<QTranslator> s_console;
QPointer<QTranslator> s_qt;

void remove(QPointer<QTranslator> &translator)
{
    if (translator) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

} // namespace

QLocale Language::install(const QString &code)
{
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    QLocale::setDefault(locale);
    remove(s_console);
    remove(s_qt);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return locale;

    auto *console = new QTranslator(QCoreApplication::instance());
    if (console->load(locale, QStringLiteral("watchfloor"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(console);
        s_console = console;
    } else {
        delete console;
    }
    // Qt's own texts (standard buttons, colour and file dialogs); missing when
    // the distribution's Qt translations are not installed, which only leaves
    // those few in English.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        s_qt = qt;
    } else {
        delete qt;
    }
    return locale;
}
