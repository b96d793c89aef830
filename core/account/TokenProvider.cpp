#include "account/TokenProvider.h"

#include "account/BrokerHeldAccount.h"
#include "account/CachedTokenLookup.h"
#include "auth/TokenClient.h"
#include "cache/TokenResponseWriter.h"
#include "store/TokenCacheService.h"
#include "util/Clock.h"
#include "util/Logging.h"

namespace tenantry {

namespace {

QString inFlightKey(const QString& homeAccountId, const QString& tenant, QStringList scopes)
{
    scopes.sort();
    return homeAccountId + QLatin1Char('|') + tenant.toLower() + QLatin1Char('|') + scopes.join(QLatin1Char(' '));
}

} // namespace

TokenProvider::TokenProvider(TokenCacheService* cache, TokenClient* client, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_cache(cache)
    , m_client(client)
    , m_clock(clock)
{}

void TokenProvider::getToken(const TokenRequest& request, Done done)
{
    const CachedTokenLookup lookup(m_client->discovery()->environment(), m_client->clientId());
    TokenResponse cached = lookup.lookup(m_cache->cache(), request, m_clock.nowSecs());
    if (cached.ok() || cached.error == TokenResponse::Error::NotSignedIn) {
        done(cached);
        return;
    }
    const QString key = inFlightKey(cached.homeAccountId, request.tenantId, request.scopes);
    const bool alreadyRefreshing = m_inFlight.contains(key);
    m_inFlight[key].append({std::move(done), request.answerBeforeCached});
    if (alreadyRefreshing)
        return;
    refresh(key, request, cached.homeAccountId, 0);
}

void TokenProvider::refresh(const QString& key, const TokenRequest& request, const QString& homeAccountId, int attempt,
                            const QString& rejection)
{
    const QString environment = m_client->discovery()->environment();
    const QList<RefreshToken> candidates =
        m_cache->cache().refreshTokensFor(homeAccountId, environment, m_client->clientId());
    if (attempt == 0 && candidates.isEmpty() &&
        isHeldByBroker(m_cache->cache(), homeAccountId, environment, m_client->clientId())) {
        // Signed in, through a broker that keeps the refresh token: nothing to refresh here, no sign-in to ask for.
        TokenResponse response;
        response.error = TokenResponse::Error::HeldByBroker;
        response.homeAccountId = homeAccountId;
        response.tenantId = request.tenantId;
        response.message = tr("The sign-in of %1 is held by the broker az signed in with; no valid access token "
                              "for %2 in tenant %3 is cached, and only az can get a new one.")
                               .arg(request.username, request.scopes.join(QLatin1Char(' ')), request.tenantId);
        complete(key, response);
        return;
    }
    if (attempt >= candidates.size()) {
        TokenResponse response;
        response.error = attempt == 0 ? TokenResponse::Error::NotSignedIn : TokenResponse::Error::RefreshTokenDead;
        response.homeAccountId = homeAccountId;
        response.tenantId = request.tenantId;
        response.message =
            attempt == 0 ? tr("No refresh token is cached for %1: sign in again.").arg(request.username)
                         : tr("The sign-in of %1 has expired or was revoked: sign in again.").arg(request.username);
        if (attempt > 0) // the provider's words, with its code (AADSTS700082: expired, 50173: revoked, ...)
            emit refreshTokenDead(homeAccountId, rejection.isEmpty() ? response.message : rejection);
        complete(key, response);
        return;
    }
    const RefreshToken rt = candidates.at(attempt);
    qCInfo(lcAuth).noquote() << "refreshing a token for tenant" << request.tenantId << "with"
                             << (rt.clientId == m_client->clientId() ? "own" : "family") << "refresh token";
    m_client->refresh(request.tenantId, rt.secret, request.scopes, homeAccountId, QString(),
                      [this, key, request, homeAccountId, attempt, rtKey = rt.key](const TokenGrantResult& result,
                                                                                   const QString& realm) {
                          TokenResponse response;
                          response.homeAccountId = homeAccountId;
                          response.tenantId = request.tenantId;
                          switch (result.kind) {
                          case TokenGrantResult::Kind::Ok:
                              break;
                          case TokenGrantResult::Kind::RefreshTokenDead:
                              // An older or family refresh token may still work.
                              refresh(key, request, homeAccountId, attempt + 1, result.message());
                              return;
                          case TokenGrantResult::Kind::InteractionRequired:
                              response.error = TokenResponse::Error::InteractionRequired;
                              response.message = result.message();
                              response.claims = result.claims;
                              if (request.announceInteraction)
                                  emit interactionRequired(homeAccountId, request.tenantId, response.message,
                                                           response.claims);
                              complete(key, response);
                              return;
                          case TokenGrantResult::Kind::Network:
                              response.error = TokenResponse::Error::Network;
                              response.message = result.message();
                              complete(key, response);
                              return;
                          default:
                              response.error = TokenResponse::Error::NoValidToken;
                              response.message = result.message();
                              complete(key, response);
                              return;
                          }
                          response.accessToken = result.accessToken;
                          response.tokenType = result.tokenType.isEmpty() ? QStringLiteral("Bearer") : result.tokenType;
                          response.expiresOn = m_clock.nowSecs() + result.expiresIn;
                          TokenResponseContext context;
                          context.environment = m_client->discovery()->environment();
                          context.clientId = m_client->clientId();
                          context.realm = realm;
                          context.requestedScopes = TokenClient::decoratedScope(request.scopes).split(QLatin1Char(' '));
                          context.now = m_clock.nowSecs();
                          context.rotatedRefreshTokenKey = rtKey;
                          writeToCache(key, response, [result, context](MsalCache& cache) {
                              // The refresh token used is gone: the account was signed out (here, by az or by a wipe)
                              // while the request was out. Writing the answer would sign it in again.
                              if (!cache.hasRefreshToken(context.rotatedRefreshTokenKey))
                                  return;
                              writeTokenResponse(cache, result, context);
                          });
                          // After the write is queued, so that whenWritten() from these callers waits for it.
                          answerEarly(key, response);
                      });
}

void TokenProvider::writeToCache(const QString& key, const TokenResponse& response,
                                 std::function<void(MsalCache&)> change)
{
    m_writesQueued.append({key, response, std::move(change)});
    if (!m_writing)
        writeQueued();
}

void TokenProvider::writeQueued()
{
    m_writing = !m_writesQueued.isEmpty();
    if (!m_writing) {
        for (const auto& then : std::exchange(m_afterWrites, {}))
            then();
        return;
    }
    auto batch = std::make_shared<QList<CacheWrite>>(std::exchange(m_writesQueued, {}));
    m_cache->modify(
        [batch](MsalCache& cache) {
            for (const CacheWrite& write : *batch)
                write.change(cache);
        },
        [this, batch](const CacheOutcome& outcome) {
            if (!outcome.ok)
                qCWarning(lcAuth).noquote()
                    << batch->size() << "refreshed tokens could not be cached:" << outcome.error;
            // The callers get their tokens either way; only the cache copy is missing.
            for (const CacheWrite& write : *batch)
                complete(write.key, write.response);
            writeQueued();
        });
}

void TokenProvider::whenWritten(std::function<void()> then)
{
    if (m_writing || !m_writesQueued.isEmpty())
        m_afterWrites.append(std::move(then));
    else
        then();
}

void TokenProvider::answerEarly(const QString& key, const TokenResponse& response)
{
    const auto it = m_inFlight.find(key);
    if (it == m_inFlight.end())
        return;
    QList<Waiter> early;
    it->removeIf([&early](const Waiter& waiter) {
        if (waiter.beforeCached)
            early.append(waiter);
        return waiter.beforeCached;
    });
    // The key stays in flight until the write ends: whoever asks meanwhile joins it, not a second refresh.
    for (const Waiter& waiter : std::as_const(early))
        waiter.done(response);
}

void TokenProvider::complete(const QString& key, const TokenResponse& response)
{
    const QList<Waiter> waiting = m_inFlight.take(key);
    for (const Waiter& waiter : waiting)
        waiter.done(response);
}

} // namespace tenantry
