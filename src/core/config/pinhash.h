#pragma once

#include <QCoreApplication>
#include <QString>

// The kiosk's exit PIN, kept in a profile only as a salted, slow hash:
// "pbkdf2-sha256:<iterations>:<salt hex>:<key hex>" (16 bytes of salt, a
// 32-byte key). Whoever reads the profile learns nothing quicker than by
// trying every PIN through PBKDF2.
class PinHash
{
    Q_DECLARE_TR_FUNCTIONS(PinHash)

public:
    static constexpr int kDefaultIterations = 100000;
    static constexpr int kMinimumDigits = 4;
    static constexpr int kMaximumDigits = 12;

    // A new hash of `pin`, with a fresh random salt: two calls never give
    // the same text. The PIN is not checked here (isAcceptablePin).
    static QString make(const QString &pin, int iterations = kDefaultIterations);
    // True when `pin` is the one `hash` was made from; false for any other
    // PIN and for a hash that is not well formed. The keys are compared in
    // constant time.
    static bool verify(const QString &pin, const QString &hash);
    // Whether `hash` has the shape make() gives; if not, why, for the
    // operator (the profile check names the setting).
    static bool isWellFormed(const QString &hash, QString *why = nullptr);
    // A PIN is 4 to 12 digits (0–9), nothing else.
    static bool isAcceptablePin(const QString &pin, QString *why = nullptr);
};
