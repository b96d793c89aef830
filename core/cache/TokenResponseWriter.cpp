#include "cache/TokenResponseWriter.h"

#include "util/Jwt.h"

namespace tenantry {

namespace {

// MSAL Python >= 1.25 (token_cache.py, grant_types_that_establish_an_account) marks an Account entry with
// the grant that established it; other grants (a refresh) write no account_source.
QString accountSourceOf(const QString& grantType)
{
    static const QStringList kEstablishing = {QStringLiteral("authorization_code"),
                                              QStringLiteral("urn:ietf:params:oauth:grant-type:device_code"),
                                              QStringLiteral("password"), QStringLiteral("broker")};
    return kEstablishing.contains(grantType) ? grantType : QString();
}

// A target's scopes as a set: lowercased and sorted.
QStringList scopeSet(const QString& target)
{
    QStringList scopes = target.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    scopes.sort();
    scopes.removeDuplicates();
    return scopes;
}

// The target of the cached token `at` renews, if one is cached for the same scopes in another order:
// MSAL Python >= 1.23 writes them sorted, 1.21 (and Tenantry) in the server's order. Writing the new token
// under the old entry's target keeps its key, so it replaces that entry instead of standing next to it.
QString targetOfRenewedEntry(const MsalCache& cache, const AccessToken& at)
{
    const QStringList scopes = scopeSet(at.target);
    for (const AccessToken& cached : cache.accessTokens()) {
        if (cached.target != at.target && cached.realm.compare(at.realm, Qt::CaseInsensitive) == 0 &&
            cached.clientId.compare(at.clientId, Qt::CaseInsensitive) == 0 &&
            cached.homeAccountId.compare(at.homeAccountId, Qt::CaseInsensitive) == 0 &&
            cached.environment.compare(at.environment, Qt::CaseInsensitive) == 0 && scopeSet(cached.target) == scopes)
            return cached.target;
    }
    return at.target;
}

} // namespace

// Only string claims name an account: a number or object where a name belongs is no name at all.
QString homeAccountIdFromClientInfo(const QString& clientInfo)
{
    if (clientInfo.isEmpty())
        return {};
    const Json info = jwt::decodeObject(clientInfo.toLatin1());
    const QString uid = jwt::stringClaim(info, "uid");
    const QString utid = jwt::stringClaim(info, "utid");
    return uid.isEmpty() || utid.isEmpty() ? QString() : uid + QLatin1Char('.') + utid;
}

QString writeTokenResponse(MsalCache& cache, const TokenGrantResult& r, const TokenResponseContext& ctx)
{
    const Json idClaims = r.idToken.isEmpty() ? Json::object() : jwt::claims(r.idToken.reveal());
    QString homeAccountId = homeAccountIdFromClientInfo(r.clientInfo);
    if (homeAccountId.isEmpty())
        homeAccountId = jwt::stringClaim(idClaims, "sub");
    // MSAL keeps the server's scope order; without "scope" it falls back to what was requested.
    const QString target = r.scope.isEmpty() ? ctx.requestedScopes.join(QLatin1Char(' ')) : r.scope.simplified();

    if (!r.accessToken.isEmpty()) {
        AccessToken at;
        at.homeAccountId = homeAccountId;
        at.environment = ctx.environment;
        at.clientId = ctx.clientId;
        at.realm = ctx.realm;
        at.target = target;
        at.tokenType = r.tokenType.isEmpty() ? QStringLiteral("Bearer") : r.tokenType;
        at.secret = r.accessToken;
        at.cachedAt = ctx.now;
        at.expiresOn = ctx.now + r.expiresIn;
        at.extendedExpiresOn = ctx.now + r.extExpiresIn;
        if (r.refreshIn)
            at.refreshOn = ctx.now + *r.refreshIn;
        at.target = targetOfRenewedEntry(cache, at);
        cache.upsert(at);
    }

    if (!r.idToken.isEmpty()) {
        IdToken it;
        it.homeAccountId = homeAccountId;
        it.environment = ctx.environment;
        it.realm = ctx.realm;
        it.clientId = ctx.clientId;
        it.secret = r.idToken;
        cache.upsert(it);
    }

    if (ctx.createAccount && !r.clientInfo.isEmpty()) {
        Account account;
        account.homeAccountId = homeAccountId;
        account.environment = ctx.environment;
        account.realm = ctx.realm;
        account.localAccountId = jwt::stringClaim(idClaims, "oid");
        if (account.localAccountId.isEmpty())
            account.localAccountId = jwt::stringClaim(idClaims, "sub");
        account.username = jwt::stringClaim(idClaims, "preferred_username");
        if (account.username.isEmpty())
            account.username = jwt::stringClaim(idClaims, "upn");
        account.authorityType = ctx.realm == QLatin1String("adfs") ? QStringLiteral("ADFS") : QStringLiteral("MSSTS");
        account.accountSource = accountSourceOf(r.grantType);
        cache.upsert(account);
    }

    if (!r.refreshToken.isEmpty()) {
        // A refresh grant rotates the RT it used, in that entry (it may be another family client's);
        // other grants add a new RT entry.
        if (ctx.rotatedRefreshTokenKey.isEmpty() ||
            !cache.rotateRefreshToken(ctx.rotatedRefreshTokenKey, r.refreshToken, ctx.now)) {
            RefreshToken rt;
            rt.homeAccountId = homeAccountId;
            rt.environment = ctx.environment;
            rt.clientId = ctx.clientId;
            rt.target = target;
            rt.familyId = r.foci;
            rt.secret = r.refreshToken;
            rt.lastModificationTime = ctx.now;
            cache.upsert(rt);
        }
    }

    AppMetadata meta;
    meta.clientId = ctx.clientId;
    meta.environment = ctx.environment;
    meta.familyId = r.foci;
    cache.upsert(meta);
    return homeAccountId;
}

} // namespace tenantry
