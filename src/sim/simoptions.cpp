#include "simoptions.h"

#include <QFile>

std::optional<QString> SimOptions::loadTokensFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        QString line = QString::fromUtf8(file.readLine());
        if (const qsizetype hash = line.indexOf(u'#'); hash >= 0)
            line.truncate(hash);
        const QStringList words = line.simplified().split(u' ', Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        if (words.size() < 2)
            return QStringLiteral("%1:%2: expected \"token role\"").arg(path).arg(lineNumber);
        const QString &role = words.at(1);
        if (role != u"viewer" && role != u"operator" && role != u"admin")
            return QStringLiteral("%1:%2: role must be viewer, operator or admin, not \"%3\"")
                .arg(path)
                .arg(lineNumber)
                .arg(role);
        tokens.insert(words.at(0), role);
    }
    if (tokens.isEmpty())
        return QStringLiteral("%1: no tokens").arg(path);
    return std::nullopt;
}
