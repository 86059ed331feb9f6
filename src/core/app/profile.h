#pragma once

#include "net/connectionsettings.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

// A launch profile: which server to watch and as whom. Read from an INI file:
//
//   [server]
//   url=ws://plant-gw.example:8765/ws
//   token=...
//   [operator]
//   name=alice
//
// Every key is checked; an unknown key or a bad value is an error naming the
// file, line and key, so the console never starts half-configured.
class Profile
{
    Q_DECLARE_TR_FUNCTIONS(Profile)

public:
    QString name; // shown in the window title and top bar
    QString path; // the file it came from; empty for the demo
    ConnectionSettings connection;

    static std::optional<Profile> load(const QString &path, QString *error);
};
