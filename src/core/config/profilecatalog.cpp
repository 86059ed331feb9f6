#include "profilecatalog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QStandardPaths>

namespace {

const QString kDefaultSystemDirectory = QStringLiteral("/etc/watchfloor/profiles");
QString s_systemDirectory;

const QString kSuffix = QStringLiteral(".ini");

void addFolder(QMap<QString, ProfileCatalog::Entry> &found, const QString &directory,
               ProfileCatalog::Entry::Origin origin)
{
    const QDir dir(directory);
    const QFileInfoList files = dir.entryInfoList({u'*' + kSuffix}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QFileInfo &file : files) {
        const QString name = file.completeBaseName();
        // A file whose name is not a profile name could not be opened by name.
        QString why;
        if (!ProfileCatalog::isValidName(name, &why))
            continue;
        if (!found.contains(name))
            found.insert(name, {name, file.absoluteFilePath(), origin});
    }
}

} // namespace

QString ProfileCatalog::userDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/watchfloor/profiles");
}

QString ProfileCatalog::systemDirectory()
{
    if (!s_systemDirectory.isEmpty())
        return s_systemDirectory;
    // A staging or test machine can point the console at another folder.
    const QString fromEnvironment = qEnvironmentVariable("WATCHFLOOR_SYSTEM_PROFILES");
    return fromEnvironment.isEmpty() ? kDefaultSystemDirectory : fromEnvironment;
}

void ProfileCatalog::setSystemDirectory(const QString &directory)
{
    s_systemDirectory = directory;
}

QString ProfileCatalog::builtInDemoPath()
{
    return QStringLiteral(":/profiles/demo.ini");
}

QList<ProfileCatalog::Entry> ProfileCatalog::list()
{
    QMap<QString, Entry> found;
    addFolder(found, userDirectory(), Entry::Origin::User);
    addFolder(found, systemDirectory(), Entry::Origin::System);
    const QString demo = QStringLiteral("demo");
    if (!found.contains(demo))
        found.insert(demo, {demo, builtInDemoPath(), Entry::Origin::BuiltIn});
    return found.values();
}

QString ProfileCatalog::resolve(const QString &nameOrPath, QString *error)
{
    if (nameOrPath.isEmpty()) {
        *error = tr("no profile named");
        return {};
    }
    // A bare name: the folders first, so "demo" means the profile, not a
    // file called demo in whatever folder the console was started from.
    QString why;
    if (isValidName(nameOrPath, &why) && !nameOrPath.endsWith(kSuffix)) {
        for (const QString &directory : {userDirectory(), systemDirectory()}) {
            const QString candidate = directory + u'/' + nameOrPath + kSuffix;
            if (QFileInfo::exists(candidate))
                return candidate;
        }
        if (nameOrPath == u"demo")
            return builtInDemoPath();
    }
    const QFileInfo file(nameOrPath);
    if (file.isFile())
        return file.absoluteFilePath();
    *error = tr("no profile \"%1\": not in %2, not in %3, and no such file")
                 .arg(nameOrPath, userDirectory(), systemDirectory());
    return {};
}

bool ProfileCatalog::isValidName(const QString &name, QString *why)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$"));
    if (!pattern.match(name).hasMatch()) {
        *why = tr("a profile name is 1 to 64 letters, digits, '-', '_' or '.', and does not start with '-' or '.'");
        return false;
    }
    return true;
}

QString ProfileCatalog::create(const NewProfile &profile, QString *error)
{
    QString why;
    if (!isValidName(profile.name, &why)) {
        *error = why;
        return {};
    }
    if (!profile.url.isValid() || (profile.url.scheme() != u"ws" && profile.url.scheme() != u"wss")
        || profile.url.host().isEmpty()) {
        *error = tr("\"%1\" is not a ws:// or wss:// URL with a host").arg(profile.url.toString());
        return {};
    }
    // Both are written as INI values, which are read back trimmed and up to
    // the line's end: anything else would not survive the round trip.
    static const QRegularExpression unsafe(QStringLiteral("[\\x00-\\x1f\\x7f]"));
    for (const QString &value : {profile.token, profile.operatorName}) {
        if (value.contains(unsafe) || value != value.trimmed()) {
            *error = tr("the token and the operator name must be one line each, without control characters or "
                        "spaces at either end");
            return {};
        }
    }
    if (!QDir().mkpath(userDirectory())) {
        *error = tr("cannot create the folder %1").arg(userDirectory());
        return {};
    }
    const QString path = userDirectory() + u'/' + profile.name + kSuffix;
    if (QFileInfo::exists(path)) {
        *error = tr("a profile named \"%1\" already exists (%2)").arg(profile.name, path);
        return {};
    }

    QString text = QStringLiteral("# Written by the Watchfloor start dialog. Keys: docs/operations.md\n[server]\n");
    text += QStringLiteral("url=") + profile.url.toString(QUrl::FullyEncoded) + u'\n';
    text += QStringLiteral("dialect=") + ConnectionSettings::dialectWord(profile.dialect) + u'\n';
    if (!profile.token.isEmpty())
        text += QStringLiteral("token=") + profile.token + u'\n';
    if (!profile.operatorName.isEmpty())
        text += QStringLiteral("\n[operator]\nname=") + profile.operatorName + u'\n';

    // NewOnly: a profile that appeared meanwhile is never replaced. The token
    // is a secret: the file is the owner's alone before its first byte.
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text | QIODevice::NewOnly)) {
        *error = file.exists() ? tr("a profile named \"%1\" already exists (%2)").arg(profile.name, path)
                               : tr("cannot write %1: %2").arg(path, file.errorString());
        return {};
    }
    const QByteArray bytes = text.toUtf8();
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) || file.write(bytes) != bytes.size()
        || !file.flush()) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        file.close();
        file.remove(); // a half-written profile would fail at the next start
        return {};
    }
    return path;
}
