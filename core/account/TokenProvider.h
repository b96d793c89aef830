#pragma once

#include "account/TokenRequest.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace tenantry {

class Clock;
class MsalCache;
class TokenCacheService;
class TokenClient;
struct TokenGrantResult;

// Access tokens for any scope and tenant: from the cache when one has more than 5 minutes left,
// else by the account's refresh token (own client's, or the family's), written back to the cache
// so az sees it too. An account whose sign-in a broker holds has no refresh token here: HeldByBroker.
// However many callers ask for the same (account, tenant, scopes) at once, one refresh is in flight
// and all of them get its answer. Refreshes that end while the cache is being written are written
// together in the next write (each write is a locked read-merge-write of file and keychain):
// discovering 100 tenants costs a handful of writes, not 100 one after another. A caller gets its
// token once the write that holds it has ended, or, when it asked with answerBeforeCached, as soon as
// the provider issued it (whenWritten() then tells it when the write has ended).
class TokenProvider : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const TokenResponse&)>;

    TokenProvider(TokenCacheService* cache, TokenClient* client, const Clock& clock, QObject* parent = nullptr);

    void getToken(const TokenRequest& request, Done done);
    int refreshesInFlight() const { return static_cast<int>(m_inFlight.size()); }
    // Calls `then` once no refreshed token is waiting for or in a cache write: at once when none is.
    void whenWritten(std::function<void()> then);

signals:
    // A tenant of an account needs an interactive sign-in (MFA, Conditional Access), or the
    // account's refresh token is dead: the UI tells the user.
    void interactionRequired(const QString& homeAccountId, const QString& tenantId, const QString& message,
                             const QString& claims);
    // `reason`: the provider's words for the rejection, its AADSTS code first.
    void refreshTokenDead(const QString& homeAccountId, const QString& reason);

private:
    // `rejection`: the provider's words for the previous refresh token it rejected.
    void refresh(const QString& key, const TokenRequest& request, const QString& homeAccountId, int attempt,
                 const QString& rejection = {});
    void complete(const QString& key, const TokenResponse& response);
    // Answers the callers of `key` that asked for the token before it is cached.
    void answerEarly(const QString& key, const TokenResponse& response);
    // Queues a refreshed token for the cache; answers its callers when it is written.
    void writeToCache(const QString& key, const TokenResponse& response, std::function<void(MsalCache&)> change);
    void writeQueued();

    struct CacheWrite
    {
        QString key;
        TokenResponse response;
        std::function<void(MsalCache&)> change;
    };

    TokenCacheService* m_cache;
    TokenClient* m_client;
    const Clock& m_clock;
    struct Waiter
    {
        Done done;
        bool beforeCached = false;
    };

    QHash<QString, QList<Waiter>> m_inFlight;
    QList<CacheWrite> m_writesQueued; // wait for the write in progress to end
    bool m_writing = false;
    QList<std::function<void()>> m_afterWrites; // whenWritten() callers
};

} // namespace tenantry
