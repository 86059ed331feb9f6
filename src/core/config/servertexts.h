#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QLocale>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

// The profile's [texts]: what a server sends as display text, in the words
// of this console's operators.
//
// Labels are names the server gives things (tiles, devices, endpoints,
// machines), each replaced as a whole when it is listed, exactly as the
// server spells it. Message templates translate alarm and notice texts: a
// template is the server's text with placeholders in braces where it
// varies, the translation says the same with the same placeholders, in any
// order:
//
//   battery of {source} at {number} %   =   Akku von {source} bei {number} %
//
// A placeholder whose name starts with "number" stands for a decimal number
// (123, -4.5), shown in the locale's form with as many decimals as the
// server sent ("8,0" in German for "8.0"); any other stands for some text,
// shown through the labels, so a tile's name inside a message is translated
// as the tile is. The first template that matches the whole text wins; a
// text no template matches is shown as the server sent it.
class ServerTexts
{
    Q_DECLARE_TR_FUNCTIONS(ServerTexts)

public:
    // False, with what is wrong in `error`, for an empty text on either side
    // or a label given twice.
    bool addLabel(const QString &serverText, const QString &shown, QString *error);
    // False, with what is wrong in `error`, when either side has a brace that
    // is not part of a placeholder, a placeholder name is not lower-case
    // letters, digits and dashes, the template names one placeholder twice or
    // none at all, or the translation names one the template does not have.
    bool addMessage(const QString &serverTemplate, const QString &translation, QString *error);

    bool isEmpty() const { return m_labels.isEmpty() && m_messages.isEmpty(); }
    qsizetype labelCount() const { return m_labels.size(); }
    qsizetype messageCount() const { return m_messages.size(); }

    // `text` as this console shows it: its label, or itself.
    QString label(const QString &text) const;
    // `text` through the first template matching it whole, its numbers in
    // `locale`'s form; itself when none matches.
    QString message(const QString &text, const QLocale &locale = QLocale()) const;

private:
    struct Template
    {
        QRegularExpression pattern; // the whole server text, one capture per placeholder
        QStringList names; // the placeholders, in the order of the captures
        QString translation;
    };

    QHash<QString, QString> m_labels;
    QList<Template> m_messages;
};
