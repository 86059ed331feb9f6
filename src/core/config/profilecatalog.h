#pragma once

#include "config/connectionsettings.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

// Where profiles live and how a name becomes a file. A name is looked up in
// the operator's own folder (<config>/watchfloor/profiles/NAME.ini), then in
// the workstation's (/etc/watchfloor/profiles/NAME.ini), then taken as a path.
// The demonstration profile is also built in, so "demo" is found even where
// the package did not install it.
class ProfileCatalog
{
    Q_DECLARE_TR_FUNCTIONS(ProfileCatalog)

public:
    struct Entry
    {
        QString name;
        QString path;
        enum class Origin { User, System, BuiltIn } origin = Origin::User;
    };

    // A profile written by the start dialog: one server, one token.
    struct NewProfile
    {
        QString name;
        QUrl url;
        QString token;
        QString operatorName;
        ConnectionSettings::Dialect dialect = ConnectionSettings::Dialect::Auto;
    };

    static QString userDirectory();
    // /etc/watchfloor/profiles, or the folder WATCHFLOOR_SYSTEM_PROFILES names.
    static QString systemDirectory();
    // Tests point the workstation's folder elsewhere; empty restores /etc's.
    static void setSystemDirectory(const QString &directory);
    static QString builtInDemoPath();

    // Every profile found, by name; the operator's own hides the
    // workstation's of the same name, and a demo file hides the built-in one.
    static QList<Entry> list();
    // The file for a name or path; empty with a reason when there is none.
    static QString resolve(const QString &nameOrPath, QString *error);

    // A profile name is also a file name: letters, digits, '-', '_', '.'.
    static bool isValidName(const QString &name, QString *why);
    // Writes the operator's new profile (readable by the owner only, as it
    // holds a token). Refuses to replace an existing one. Returns its path.
    static QString create(const NewProfile &profile, QString *error);
};
