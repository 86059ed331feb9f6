#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>
#include <utility>

// Every enumeration of the domain has one table of the words that name its
// values (beside the enumeration, in its header). The wire format, the local
// store and the settings all read and write those words through these two
// functions, so a value has one spelling everywhere.
namespace Domain {

// The word of a value in one of the domain's word tables (its first, where a value
// has several), or an empty string; and the value of a word.
template<typename Enum, std::size_t N>
QString wordOf(const std::array<std::pair<Enum, QStringView>, N> &table, Enum value)
{
    for (const auto &[v, word] : table) {
        if (v == value)
            return word.toString();
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, QStringView>, N> &table, QStringView word)
{
    for (const auto &[value, w] : table) {
        if (w == word)
            return value;
    }
    return std::nullopt;
}

} // namespace Domain
