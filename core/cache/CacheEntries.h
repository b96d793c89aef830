#pragma once

#include "util/Secret.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace tenantry {

// Typed views of the MSAL unified cache schema (SPEC §6). Each carries the key it was stored
// under; writing one back only touches the fields named here, so unknown fields survive.

struct AccessToken
{
    QString key;
    QString homeAccountId; // empty for app-only tokens (JSON null)
    QString environment;
    QString clientId;
    QString realm;
    QString target; // space-separated scopes as the server granted them, in its order
    QString tokenType = QStringLiteral("Bearer");
    Secret secret;
    qint64 cachedAt = 0;
    qint64 expiresOn = 0;
    qint64 extendedExpiresOn = 0;
    std::optional<qint64> refreshOn;

    QStringList scopes() const { return target.split(QLatin1Char(' '), Qt::SkipEmptyParts); }
};

struct RefreshToken
{
    QString key;
    QString homeAccountId;
    QString environment;
    QString clientId;
    QString target;
    QString familyId; // "1" for the Microsoft first-party family (FOCI)
    Secret secret;
    qint64 lastModificationTime = 0;
};

struct IdToken
{
    QString key;
    QString homeAccountId;
    QString environment;
    QString realm;
    QString clientId;
    Secret secret;
};

struct Account
{
    QString key;
    QString homeAccountId;
    QString environment;
    QString realm;
    QString localAccountId;
    QString username;
    QString authorityType = QStringLiteral("MSSTS");
    QString accountSource; // MSAL Python >= 1.25: the grant that established the account; empty: none written
};

struct AppMetadata
{
    QString key;
    QString clientId;
    QString environment;
    QString familyId;
};

} // namespace tenantry
