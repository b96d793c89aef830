#pragma once

#include <QHash>
#include <QObject>
#include <QString>

namespace tenantry {

// Where one tenant of one account stands. The countdown of the tenant's cached access token is not a
// state: it follows the clock, and an expired token of a SignedIn tenant renews on use.
enum class TenantState {
    SignedIn,         // the account's refresh token reaches the tenant: its tokens renew on use
    Refreshing,       // discovery or a refresh of its account is running; it ends in another state or the one before
    NeedsInteraction, // a refresh met MFA, Conditional Access or a 401: only an interactive sign-in to this tenant,
                      // carrying its claims challenge, gets a token
    SignInExpired,    // the account's refresh token was rejected (expired or revoked): the account signs in again
    NotSignedIn,      // no refresh token of the account on this computer (az knows the user from azureProfile.json
                      // only, or its tokens were removed)
    Unreachable,      // the last attempt failed for another reason (network, server); the cache is as it was
};

// For logs: "signed-in", "needs-interaction", ...
const char* tenantStateName(TenantState state);
// Only the user can get the tenant a token again (NeedsInteraction, SignInExpired, NotSignedIn).
bool needsSignIn(TenantState state);

// Which tenant of which account: the identity of a tenant's state and of its row.
class TenantKey
{
public:
    TenantKey() = default;
    TenantKey(const QString& homeAccountId, const QString& tenantId);

    const QString& homeAccountId() const { return m_homeAccountId; }
    const QString& tenantId() const { return m_tenantId; } // in lower case: tenant ids compare without case

    bool operator==(const TenantKey& other) const
    {
        return m_homeAccountId == other.m_homeAccountId && m_tenantId == other.m_tenantId;
    }
    bool operator!=(const TenantKey& other) const { return !(*this == other); }

private:
    QString m_homeAccountId;
    QString m_tenantId;
};

size_t qHash(const TenantKey& key, size_t seed = 0) noexcept;

struct TenantStateInfo
{
    TenantState state = TenantState::SignedIn;
    QString reason; // for people: why it needs a sign-in or could not be reached
    QString claims; // NeedsInteraction: the claims challenge to carry into its sign-in

    bool operator==(const TenantStateInfo& other) const
    {
        return state == other.state && reason == other.reason && claims == other.claims;
    }
    bool operator!=(const TenantStateInfo& other) const { return !(*this == other); }
};

// The one place each tenant's state is kept. Every change goes through setState(), which logs the old and
// the new state and emits stateChanged(); the states stay across rebuilds of the accounts picture.
class TenantStates : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    bool contains(const TenantKey& key) const { return m_records.contains(key); }
    TenantStateInfo info(const TenantKey& key) const; // SignedIn when nothing is known
    TenantState state(const TenantKey& key) const { return info(key).state; }
    QList<TenantKey> keysOf(const QString& homeAccountId) const;

    void setState(const TenantKey& key, TenantState state, const QString& reason = {}, const QString& claims = {});
    // A refresh of the account ended without saying more about some tenants: those still Refreshing go back
    // to the state they had before it.
    void endRefreshing(const QString& homeAccountId);
    // After a sign-out: what was learnt goes (no signal; the picture is rebuilt from the cache next).
    void forget(const TenantKey& key);
    void forgetAccount(const QString& homeAccountId);

signals:
    void stateChanged(const tenantry::TenantKey& key);

private:
    struct Record
    {
        TenantStateInfo now;
        TenantStateInfo beforeRefresh;
    };
    QHash<TenantKey, Record> m_records;
};

} // namespace tenantry

Q_DECLARE_METATYPE(tenantry::TenantKey)
