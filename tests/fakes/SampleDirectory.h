#pragma once

#include <QString>

namespace tenantry::test {

// The directory of TestIdentityProvider::sampleConfig(): Sam, at home in Northwind, guest in Fabrikam;
// Contoso asks for MFA.
namespace sample {
inline const QString kNorthwind = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
inline const QString kFabrikam = QStringLiteral("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7");
inline const QString kContoso = QStringLiteral("d1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a");
inline const QString kSamOid = QStringLiteral("0a0a0a0a-1111-4222-8333-444455556666");
inline const QString kSam = QStringLiteral("sam@northwind.example");
inline const QString kSamHomeAccountId = kSamOid + QLatin1Char('.') + kNorthwind;
inline const QString kNorthwindProduction = QStringLiteral("5f0b6d2e-8c1a-4b7e-9d3f-2a6c8e0b4d1f");
inline const QString kNorthwindDev = QStringLiteral("a3c5e7f9-1b2d-4f6a-8c0e-3d5f7a9b1c2e"); // Disabled
inline const QString kFabrikamShared = QStringLiteral("c7d8e9f0-a1b2-4c3d-8e4f-5a6b7c8d9e0f");
inline const QString kContosoGuarded = QStringLiteral("e0f1a2b3-c4d5-4e6f-8a7b-9c0d1e2f3a4b");
} // namespace sample

} // namespace tenantry::test
