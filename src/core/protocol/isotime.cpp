#include "isotime.h"

namespace Protocol {

namespace {

// Reads `count` ASCII digits at `at`; -1 if any is not a digit.
int digits(std::string_view text, size_t at, size_t count)
{
    int value = 0;
    for (size_t i = at; i < at + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

// Days from 1970-01-01 to the given proleptic Gregorian date (the civil
// calendar algorithm: years start in March so the leap day comes last).
qint64 daysFromCivil(int year, int month, int day)
{
    const int y = month <= 2 ? year - 1 : year;
    const int era = y / 400; // years here are positive
    const int yearOfEra = y - era * 400;
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return qint64(era) * 146097 + dayOfEra - 719468;
}

} // namespace

std::optional<qint64> parseIsoUtcMs(std::string_view text)
{
    // YYYY-MM-DDTHH:MM:SSZ (20) or YYYY-MM-DDTHH:MM:SS.mmmZ (24)
    if (text.size() != 20 && text.size() != 24)
        return std::nullopt;
    if (text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text.back() != 'Z')
        return std::nullopt;
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    const int second = digits(text, 17, 2);
    int ms = 0;
    if (text.size() == 24) {
        if (text[19] != '.')
            return std::nullopt;
        ms = digits(text, 20, 3);
    }
    // Years before 1900 and the unusual times (24:00, leap seconds) are left
    // to QDateTime, whose reading of them is the one that counts.
    if (year < 1900 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || ms < 0)
        return std::nullopt;
    if (day > daysInMonth(year, month))
        return std::nullopt;
    const qint64 days = daysFromCivil(year, month, day);
    return ((days * 24 + hour) * 60 + minute) * 60'000 + qint64(second) * 1000 + ms;
}

} // namespace Protocol
