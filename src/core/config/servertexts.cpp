#include "servertexts.h"

namespace {

// A placeholder: {name}, the name lower-case letters, digits and dashes.
const QRegularExpression &placeholder()
{
    static const QRegularExpression re(QStringLiteral("\\{([a-z][a-z0-9-]*)\\}"));
    return re;
}

bool isNumberName(const QString &name)
{
    return name.startsWith(QLatin1StringView("number"));
}

// The placeholders of `text` in order; false with the reason when a brace
// stands outside one.
bool placeholders(const QString &text, QStringList *names, QString *why)
{
    QString rest = text;
    rest.replace(placeholder(), QString());
    if (rest.contains(u'{') || rest.contains(u'}')) {
        *why = ServerTexts::tr("a brace that is not part of a placeholder such as {source} or {number}");
        return false;
    }
    for (const QRegularExpressionMatch &m : placeholder().globalMatch(text))
        names->append(m.captured(1));
    return true;
}

} // namespace

bool ServerTexts::addLabel(const QString &serverText, const QString &shown, QString *error)
{
    if (serverText.isEmpty() || shown.isEmpty()) {
        *error = tr("a label needs the server's text and the text shown");
        return false;
    }
    if (m_labels.contains(serverText)) {
        *error = tr("the label \"%1\" is given twice").arg(serverText);
        return false;
    }
    m_labels.insert(serverText, shown);
    return true;
}

bool ServerTexts::addMessage(const QString &serverTemplate, const QString &translation, QString *error)
{
    if (serverTemplate.isEmpty() || translation.isEmpty()) {
        *error = tr("a message needs the server's template and its translation");
        return false;
    }
    QStringList names;
    QString why;
    if (!placeholders(serverTemplate, &names, &why)) {
        *error = tr("in the template: %1").arg(why);
        return false;
    }
    if (names.isEmpty()) {
        *error = tr("the template has no placeholder; a fixed text is a label");
        return false;
    }
    for (const QString &name : std::as_const(names)) {
        if (names.count(name) > 1) {
            *error = tr("the template has {%1} more than once").arg(name);
            return false;
        }
    }
    QStringList used;
    if (!placeholders(translation, &used, &why)) {
        *error = tr("in the translation: %1").arg(why);
        return false;
    }
    for (const QString &name : std::as_const(used)) {
        if (!names.contains(name)) {
            *error = tr("the translation has {%1}, which the template does not").arg(name);
            return false;
        }
    }

    // The template as a pattern: its fixed parts literally, each placeholder
    // a capture; text as short as will still match the whole.
    QString pattern = QStringLiteral("\\A");
    qsizetype at = 0;
    for (const QRegularExpressionMatch &m : placeholder().globalMatch(serverTemplate)) {
        pattern += QRegularExpression::escape(serverTemplate.mid(at, m.capturedStart() - at));
        pattern += isNumberName(m.captured(1)) ? QStringLiteral("(-?\\d+(?:\\.\\d+)?)") : QStringLiteral("(.+?)");
        at = m.capturedEnd();
    }
    pattern += QRegularExpression::escape(serverTemplate.mid(at)) + QStringLiteral("\\z");
    m_messages.append(
        {QRegularExpression(pattern, QRegularExpression::DotMatchesEverythingOption), names, translation});
    return true;
}

QString ServerTexts::label(const QString &text) const
{
    return m_labels.value(text, text);
}

QString ServerTexts::message(const QString &text, const QLocale &locale) const
{
    for (const Template &t : m_messages) {
        const QRegularExpressionMatch match = t.pattern.match(text);
        if (!match.hasMatch())
            continue;
        QHash<QString, QString> values;
        for (qsizetype i = 0; i < t.names.size(); ++i) {
            const QString &name = t.names.at(i);
            const QString value = match.captured(int(i) + 1);
            if (isNumberName(name)) {
                const qsizetype point = value.indexOf(u'.');
                const int decimals = point < 0 ? 0 : int(value.size() - point - 1);
                values.insert(name, locale.toString(value.toDouble(), 'f', decimals));
            } else {
                values.insert(name, label(value));
            }
        }
        // Placeholders are replaced in one pass, so a value that looks like
        // a placeholder stays as it is.
        QString out;
        qsizetype at = 0;
        for (const QRegularExpressionMatch &m : placeholder().globalMatch(t.translation)) {
            out += t.translation.mid(at, m.capturedStart() - at);
            out += values.value(m.captured(1));
            at = m.capturedEnd();
        }
        return out + t.translation.mid(at);
    }
    return text;
}
