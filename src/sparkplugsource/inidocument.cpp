#include "inidocument.h"

#include <QRegularExpression>

#include <optional>

namespace {

// The value of a "key = value" line: unquoted if it starts with a quote.
std::optional<QString> unquote(const QString &value, QString *error)
{
    if (!value.startsWith(u'"'))
        return value;
    QString out;
    for (qsizetype i = 1; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c == u'\\' && i + 1 < value.size() && (value.at(i + 1) == u'"' || value.at(i + 1) == u'\\')) {
            out.append(value.at(++i));
        } else if (c == u'"') {
            if (i + 1 != value.size()) {
                *error = QStringLiteral("text after the closing quote");
                return std::nullopt;
            }
            return out;
        } else {
            out.append(c);
        }
    }
    *error = QStringLiteral("the quoted value has no closing quote");
    return std::nullopt;
}

} // namespace

IniDocument IniDocument::parse(const QByteArray &text)
{
    IniDocument document;
    const auto fail = [&](int line, const QString &message) { document.problems.append({line, message}); };
    QString all = QString::fromUtf8(text);
    if (all.startsWith(QChar(0xfeff))) // a byte-order mark some editors write
        all.remove(0, 1);
    bool skipping = false; // after a malformed section header
    int lineNumber = 0;
    for (const QStringView rawLine : QStringView(all).split(u'\n')) {
        ++lineNumber;
        const QString line = rawLine.trimmed().toString();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[')) {
            skipping = true;
            if (!line.endsWith(u']')) {
                fail(lineNumber, QStringLiteral("a section header must end with ]"));
                continue;
            }
            const QString inside = line.mid(1, line.size() - 2).trimmed();
            if (inside.isEmpty()) {
                fail(lineNumber, QStringLiteral("empty section header []"));
                continue;
            }
            Section section;
            const qsizetype space = inside.indexOf(QRegularExpression(QStringLiteral("\\s")));
            section.kind = space < 0 ? inside : inside.left(space);
            section.name = space < 0 ? QString() : inside.mid(space + 1).trimmed();
            section.line = lineNumber;
            document.sections.append(section);
            skipping = false;
            continue;
        }
        if (skipping)
            continue;
        const qsizetype equals = line.indexOf(u'=');
        if (equals <= 0) {
            fail(lineNumber, QStringLiteral("expected key = value"));
            continue;
        }
        if (document.sections.isEmpty()) {
            fail(lineNumber, QStringLiteral("a key before the first [section]"));
            continue;
        }
        Entry entry;
        entry.key = line.left(equals).trimmed();
        entry.line = lineNumber;
        QString error;
        const std::optional<QString> value = unquote(line.mid(equals + 1).trimmed(), &error);
        if (!value) {
            fail(lineNumber, QStringLiteral("[%1] %2: %3").arg(document.sections.last().header(), entry.key, error));
            continue;
        }
        entry.value = *value;
        document.sections.last().entries.append(entry);
    }
    return document;
}
