#include "pinhash.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QList>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QStringList>

#include <optional>

namespace {

constexpr auto kScheme = QLatin1StringView("pbkdf2-sha256");
constexpr int kSaltBytes = 16;
constexpr int kKeyBytes = 32;
// Enough to make guessing slow, few enough that checking a PIN at the screen
// stays quick; beyond these a profile is more likely a mistake than a choice.
constexpr int kMinimumIterations = 1000;
constexpr int kMaximumIterations = 10000000;

struct Parts
{
    int iterations = 0;
    QByteArray salt;
    QByteArray key;
};

bool isHex(QStringView text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F')))
            return false;
    }
    return true;
}

QByteArray derive(const QString &pin, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, pin.toUtf8(), salt, iterations, kKeyBytes);
}

// Compares every byte whatever the first difference: how long a wrong PIN
// takes says nothing about how close it was.
bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

std::optional<Parts> parse(const QString &hash, QString *why)
{
    const auto fail = [why](const QString &reason) -> std::optional<Parts> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    if (hash.isEmpty())
        return fail(PinHash::tr("the PIN hash is empty"));
    const QList<QStringView> fields = QStringView(hash).split(u':');
    if (fields.size() != 4)
        return fail(PinHash::tr("a PIN hash has four parts separated by colons: "
                                "pbkdf2-sha256:<iterations>:<salt>:<key>"));
    if (fields.at(0) != kScheme)
        return fail(
            PinHash::tr("unknown PIN hash scheme “%1”; only pbkdf2-sha256 is supported").arg(fields.at(0).toString()));
    bool ok = false;
    const int iterations = fields.at(1).toInt(&ok);
    if (!ok || iterations < kMinimumIterations || iterations > kMaximumIterations)
        return fail(PinHash::tr("the iteration count “%1” is not a number from %2 to %3")
                        .arg(fields.at(1).toString())
                        .arg(kMinimumIterations)
                        .arg(kMaximumIterations));
    if (fields.at(2).size() != 2 * kSaltBytes || !isHex(fields.at(2)))
        return fail(PinHash::tr("the salt must be %1 hexadecimal digits").arg(2 * kSaltBytes));
    if (fields.at(3).size() != 2 * kKeyBytes || !isHex(fields.at(3)))
        return fail(PinHash::tr("the key must be %1 hexadecimal digits").arg(2 * kKeyBytes));
    Parts parts;
    parts.iterations = iterations;
    parts.salt = QByteArray::fromHex(fields.at(2).toLatin1());
    parts.key = QByteArray::fromHex(fields.at(3).toLatin1());
    return parts;
}

} // namespace

QString PinHash::make(const QString &pin, int iterations)
{
    QByteArray salt(kSaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(salt.begin(), salt.end());
    const QByteArray key = derive(pin, salt, iterations);
    return QStringList {QString(kScheme), QString::number(iterations), QString::fromLatin1(salt.toHex()),
                        QString::fromLatin1(key.toHex())}
        .join(u':');
}

bool PinHash::verify(const QString &pin, const QString &hash)
{
    const std::optional<Parts> parts = parse(hash, nullptr);
    if (!parts)
        return false;
    return sameBytes(derive(pin, parts->salt, parts->iterations), parts->key);
}

bool PinHash::isWellFormed(const QString &hash, QString *why)
{
    return parse(hash, why).has_value();
}

bool PinHash::isAcceptablePin(const QString &pin, QString *why)
{
    const auto fail = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    for (const QChar c : pin) {
        if (c.unicode() < u'0' || c.unicode() > u'9')
            return fail(tr("a PIN has digits only (0–9)"));
    }
    if (pin.size() < kMinimumDigits || pin.size() > kMaximumDigits)
        return fail(tr("a PIN has %1 to %2 digits").arg(kMinimumDigits).arg(kMaximumDigits));
    return true;
}
