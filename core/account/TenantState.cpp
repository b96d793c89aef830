#include "account/TenantState.h"

#include "util/Logging.h"

namespace tenantry {

const char* tenantStateName(TenantState state)
{
    switch (state) {
    case TenantState::SignedIn:
        return "signed-in";
    case TenantState::Refreshing:
        return "refreshing";
    case TenantState::NeedsInteraction:
        return "needs-interaction";
    case TenantState::SignInExpired:
        return "sign-in-expired";
    case TenantState::NotSignedIn:
        return "not-signed-in";
    case TenantState::Unreachable:
        return "unreachable";
    }
    return "unknown";
}

bool needsSignIn(TenantState state)
{
    return state == TenantState::NeedsInteraction || state == TenantState::SignInExpired ||
           state == TenantState::NotSignedIn;
}

TenantKey::TenantKey(const QString& homeAccountId, const QString& tenantId)
    : m_homeAccountId(homeAccountId)
    , m_tenantId(tenantId.toLower())
{}

size_t qHash(const TenantKey& key, size_t seed) noexcept
{
    return qHashMulti(seed, key.homeAccountId(), key.tenantId());
}

TenantStateInfo TenantStates::info(const TenantKey& key) const
{
    const auto it = m_records.constFind(key);
    return it == m_records.constEnd() ? TenantStateInfo{} : it->now;
}

QList<TenantKey> TenantStates::keysOf(const QString& homeAccountId) const
{
    QList<TenantKey> keys;
    for (auto it = m_records.cbegin(); it != m_records.cend(); ++it) {
        if (it.key().homeAccountId() == homeAccountId)
            keys.append(it.key());
    }
    return keys;
}

void TenantStates::setState(const TenantKey& key, TenantState state, const QString& reason, const QString& claims)
{
    const TenantStateInfo next{state, reason, claims};
    auto it = m_records.find(key);
    const bool known = it != m_records.end();
    if (known && it->now == next)
        return;
    // Ids and state names only: reasons are server text, claims are the provider's challenge.
    qCInfo(lcAccount).nospace().noquote()
        << "tenant " << key.tenantId() << " of account " << key.homeAccountId() << ": "
        << (known ? tenantStateName(it->now.state) : "new") << " -> " << tenantStateName(state);
    if (!known)
        it = m_records.insert(key, {});
    if (state == TenantState::Refreshing && it->now.state != TenantState::Refreshing)
        it->beforeRefresh = it->now;
    it->now = next;
    emit stateChanged(key);
}

void TenantStates::endRefreshing(const QString& homeAccountId)
{
    const QList<TenantKey> keys = keysOf(homeAccountId);
    for (const TenantKey& key : keys) {
        const Record& record = m_records[key];
        if (record.now.state == TenantState::Refreshing) {
            const TenantStateInfo before = record.beforeRefresh;
            setState(key, before.state, before.reason, before.claims);
        }
    }
}

void TenantStates::forget(const TenantKey& key)
{
    m_records.remove(key);
}

void TenantStates::forgetAccount(const QString& homeAccountId)
{
    const QList<TenantKey> keys = keysOf(homeAccountId);
    for (const TenantKey& key : keys)
        m_records.remove(key);
}

} // namespace tenantry
