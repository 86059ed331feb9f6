#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>

// Puts the console in one language: the profile's `language` when it names
// one, else the system's. Installs the console's own translation and Qt's (the
// standard buttons and dialogs), and makes the locale the default so numbers,
// dates and times follow it everywhere. English is the source language: it
// needs no translation file.
class Language
{
    Q_DECLARE_TR_FUNCTIONS(Language)

public:
    // `code` is a locale name such as "de", "fr_CH" or "en_GB"; empty means the
    // system's. Replaces whatever an earlier call installed. Returns the locale
    // now in use; a language the console is not translated into falls back to
    // English texts with that locale's number and date formats.
    static QLocale install(const QString &code);
};
