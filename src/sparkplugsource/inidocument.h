#pragma once

#include <QList>
#include <QString>

// The sections, keys and values of an INI-style text in the order written,
// each with its line, so that whoever interprets them can name the line of
// every mistake (QSettings neither keeps the order nor knows the lines).
//
// The syntax, and nothing more:
//   - a line is a comment when its first non-blank character is '#' or ';';
//     blank lines are ignored; there are no comments after a value;
//   - "[kind]" or "[kind name]" starts a section: the first word is its kind,
//     the rest (trimmed) its name, which may be empty;
//   - "key = value" inside a section, both trimmed; a value in double quotes
//     keeps its spaces, '#' and ';', with \" for a quote and \\ for a
//     backslash inside; any other value is taken as written.
// A line that breaks these rules is reported in `problems` and left out; the keys after a malformed section header are
// left out up to the next header. Whether kinds, names and keys mean anything is not checked here.
struct IniDocument
{
    struct Entry
    {
        QString key;
        QString value;
        int line = 0;
    };

    struct Section
    {
        QString kind;
        QString name;
        int line = 0;
        QList<Entry> entries;
        // "kind" or "kind name", as error messages show it between brackets.
        QString header() const { return name.isEmpty() ? kind : kind + u' ' + name; }
    };

    struct Problem
    {
        int line = 0;
        QString message; // without the file and line, e.g. "expected key = value"
    };

    QList<Section> sections;
    QList<Problem> problems; // one for each line that breaks the syntax

    static IniDocument parse(const QByteArray &text);
};
