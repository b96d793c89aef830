#pragma once

#include "azure/ArmClient.h"
#include "util/Secret.h"

#include <QObject>

#include <functional>

namespace tenantry {

class TenantChoice;
class TokenProvider;

// What a sign-in gives discovery while its tokens are still being stored: its ARM access token for
// `organizations`, so the tenant list can be asked for at once, and when the tokens are stored (the
// sign-in's refresh token in the cache), which every tenant's refresh waits for.
struct SignInHandOff
{
    Secret armToken;
    // Calls `stored` once the sign-in's tokens are stored, or failed to be, with the account's home account id.
    std::function<void(std::function<void(const QString& homeAccountId)> stored)> whenStored;
};

// One tenant of an account after discovery.
struct TenantStatus
{
    enum class State {
        SignedIn,     // a token for it was had; its subscriptions are listed
        NeedsSignIn,  // MFA / Conditional Access / 401: an interactive sign-in to this tenant is needed
        Error,        // it could not be reached for another reason (network, server)
        HeldByBroker, // signed in through a broker and no cached token is valid: az renews it, no sign-in is needed
        Hidden,       // the user made it inactive (TenantChoice): not refreshed, not prompted for
    };

    ArmTenant tenant;
    State state = State::Error;
    QString reason; // for people, when not SignedIn
    QString claims; // the claims challenge to carry into that tenant's sign-in
    qint64 tokenExpiresOn = 0;
    QList<ArmSubscription> subscriptions;
};

struct DiscoveryResult
{
    QString homeAccountId;
    QString username;
    QList<TenantStatus> tenants; // in ARM's order
    QString error;               // set when even the tenant list could not be had
    bool ok() const { return error.isEmpty(); }
};

// After one sign-in, finds every tenant of the account (ARM /tenants with an `organizations`
// token) and, for each tenant as soon as its page of the list arrives (while the next page is being
// fetched; bounded per host by the HTTP client), gets a token by refresh and lists its subscriptions.
// A tenant that needs MFA is marked with its reason and never blocks the others. When a page of the
// list fails, the result has the error and the tenants listed before it, each looked at; `done` is
// called once, after everything started has ended. A tenant's token goes to its listing as soon as it is
// issued; `done` waits until the refreshed tokens are cached (TokenProvider::whenWritten). With `onlyTenant`, only that
// tenant is looked at (az login --tenant). Tenants the user hid (TenantChoice) are listed as Hidden and never
// refreshed.
class TenantDiscovery : public QObject
{
    Q_OBJECT

public:
    TenantDiscovery(TokenProvider* tokens, ArmClient* arm, QString armScope, QObject* parent = nullptr);

    void discover(const QString& username, const QString& onlyTenant, std::function<void(const DiscoveryResult&)> done);
    // As discover(), right after a sign-in to `organizations`: the tenant list is asked for with the sign-in's
    // token while its cache write goes on; the tenants' work starts once the write ended.
    void discoverAfterSignIn(const QString& username, const SignInHandOff& handOff,
                             std::function<void(const DiscoveryResult&)> done);
    const QString& armScope() const { return m_armScope; }
    void setTenantChoice(const TenantChoice* choice) { m_choice = choice; } // null: every tenant is active

private:
    void start(const QString& username, const QString& onlyTenant, const SignInHandOff& handOff,
               std::function<void(const DiscoveryResult&)> done);
    void discoverTenant(const QString& username, const ArmTenant& tenant,
                        std::function<void(const TenantStatus&)> done);

    TokenProvider* m_tokens;
    ArmClient* m_arm;
    QString m_armScope;
    const TenantChoice* m_choice = nullptr;
};

} // namespace tenantry
