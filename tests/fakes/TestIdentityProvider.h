#pragma once

#include "fakes/HttpServer.h"
#include "util/Json.h"

#include <QDateTime>
#include <QHostAddress>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

namespace tenantry {
class Clock;
}

namespace tenantry::test {

// A user of the fake directory.
struct IdpUser
{
    QString objectId;          // the "oid" claim and client_info "uid"
    QString homeTenantId;      // client_info "utid"
    QString userPrincipalName; // "upn" and "preferred_username"
    QString displayName;       // "name"; the UPN when empty
    QStringList tenantIds;     // tenants the user belongs to besides the home tenant; empty: every tenant
};

// A directory (Entra ID tenant), as ARM's /tenants lists it.
struct IdpTenant
{
    QString id;
    QString displayName;
    QString defaultDomain;
    QStringList domains;                       // {defaultDomain} when empty
    QString category = QStringLiteral("Home"); // ARM "tenantCategory": Home, ProjectedBy, ManagedBy
    QString countryCode = QStringLiteral("US");

    // MFA / Conditional Access: a refresh to this tenant with a refresh token that did not come from an
    // interactive (auth code or device code) sign-in to it fails with this error and claims challenge.
    bool requiresMfa = false;
    QString mfaError = QStringLiteral("invalid_grant"); // or interaction_required
    int mfaErrorCode = 50076;                           // 50079, 50158, 53003 are the other usual ones
    QString mfaSuberror = QStringLiteral("basic_action");
    QString mfaClaims; // the "claims" challenge (JSON text); a capolids challenge when empty
};

// A subscription, listed by ARM's /subscriptions to tokens of the tenant it is added to.
struct IdpSubscription
{
    QString id;
    QString displayName;
    QString state = QStringLiteral("Enabled");
    QString homeTenantId; // ARM "tenantId"; the listing tenant when empty
    QStringList managedByTenants;
};

enum class IdpEndpoint {
    Any,                 // matches every endpoint in faults, latencies and counters
    OpenIdConfiguration, // GET /{tenant}/v2.0/.well-known/openid-configuration
    InstanceDiscovery,   // GET /common/discovery/instance
    Keys,                // GET /{tenant}/discovery/v2.0/keys
    Authorize,           // GET|POST /{tenant}/oauth2/v2.0/authorize
    Token,               // POST /{tenant}/oauth2/v2.0/token
    DeviceCode,          // POST /{tenant}/oauth2/v2.0/devicecode
    DeviceLogin,         // GET|POST /devicelogin (the verification page)
    ArmTenants,          // GET /tenants
    ArmSubscriptions,    // GET /subscriptions, /subscriptions/{id}
    Other,               // anything else (404)
};

// Something to go wrong, for `times` matching requests (-1: until cleared). Faults are checked in the
// order added, before the request is handled, so a failed request changes no state (no code is used up).
struct IdpFault
{
    enum class Kind {
        HttpError,       // `httpStatus` (500 by default) with an error body in the endpoint's shape
        TooManyRequests, // 429 with Retry-After: `retryAfterSecs`
        GarbageJson,     // 200, Content-Type JSON, a body that is not JSON
        OAuthError,      // an AAD error: `error`, `errorCode`, `suberror`, `claims`, with `httpStatus` (400);
                         // oauthError() aims it at the token endpoint
        Hang,            // never answers (the connection stays open)
        Drop,            // closes the connection without an answer
        Answer,          // `httpStatus` with `headers` and `body` as given (junk, redirects, huge bodies)
        Drip,            // the real answer, its body sent one byte every `dripIntervalMs`
    };

    Kind kind = Kind::HttpError;
    IdpEndpoint endpoint = IdpEndpoint::Any;
    int times = 1;
    QString tenant;    // only requests to this tenant path segment or resolved tenant id; empty: any
    QString grantType; // only token requests with this grant_type; empty: any
    int httpStatus = 500;
    int retryAfterSecs = 1;
    QByteArray retryAfter; // TooManyRequests: the raw Retry-After value (an HTTP-date, say); else retryAfterSecs
    QList<QPair<QByteArray, QByteArray>> headers; // Answer
    QByteArray body;                              // Answer
    int dripIntervalMs = 1000;                    // Drip
    QString error;
    int errorCode = 0;
    QString message; // the text after "AADSTSnnnnn: "
    QString suberror;
    QString claims;

    static IdpFault httpError(IdpEndpoint endpoint, int status = 500);
    static IdpFault tooManyRequests(IdpEndpoint endpoint, int retryAfterSecs);
    static IdpFault tooManyRequests(IdpEndpoint endpoint, const QByteArray& retryAfter);
    static IdpFault garbageJson(IdpEndpoint endpoint);
    static IdpFault oauthError(const QString& error, int errorCode, const QString& message = {});
    static IdpFault hang(IdpEndpoint endpoint);
    static IdpFault drop(IdpEndpoint endpoint);
    static IdpFault answer(IdpEndpoint endpoint, int status, const QByteArray& body,
                           const QByteArray& contentType = "application/json; charset=utf-8");
    static IdpFault redirect(IdpEndpoint endpoint, const QUrl& location, int status = 302);
    static IdpFault drip(IdpEndpoint endpoint, int byteIntervalMs);
    IdpFault& onlyTenant(const QString& tenantSegmentOrId); // ARM: the tenant of the bearer token
    IdpFault& onlyGrant(const QString& grant);
    IdpFault& repeat(int count); // -1: forever
};

// One request as the provider saw it. Never holds a token, code, verifier or secret.
struct IdpRequestRecord
{
    quint64 id = 0;
    IdpEndpoint endpoint = IdpEndpoint::Other;
    QString method;
    QString path;      // without the query
    QString host;      // the Host header
    QString tenant;    // the tenant path segment as sent (organizations, common, a GUID, a domain)
    QString grantType; // token requests
    QString clientId;
    QString user;            // UPN, when a user was signed in or a token issued for one
    QString issuedTenant;    // tid of the tokens issued, if any
    QString apiVersion;      // ARM requests
    QString correlationId;   // the client-request-id header
    bool hasClaims = false;  // a "claims" parameter was sent
    QString fault;           // the fault applied, if any
    int status = 0;          // 0 while no answer was decided (hang)
    QString error;           // OAuth "error" or ARM error code
    int errorCode = 0;       // AADSTS number
    QDateTime receivedAt;    // wall clock, UTC
    qint64 receivedMs = 0;   // milliseconds since the provider started (monotonic)
    qint64 respondedMs = -1; // -1 until the answer was written (latency, hang)

    QString toString() const; // one line for logs, no secrets
};

// What the provider knows about an access token it issued.
struct IdpAccessToken
{
    QString objectId; // user or service principal
    QString tenantId;
    QString clientId;
    QString audience;
    QStringList scopes; // the response "scope"
    QDateTime expiresOn;
    bool appOnly = false;
};

// The project's fake Microsoft identity platform (v2.0 endpoints) and Azure Resource Manager, on one
// HTTP(S) server on 127.0.0.1: authority endpoints under /{tenant}/..., ARM under /tenants and
// /subscriptions, told apart by path. URLs in discovery documents and nextLinks use the configured
// authority / ARM URL, else the scheme and Host header of the request, so the same provider serves
// http://127.0.0.1:PORT in unit tests and https://login.microsoftonline.com + https://management.azure.com
// behind a faked /etc/hosts (scripts/fake-azure-hosts.sh). Tokens are unsigned JWTs; the provider
// remembers what it issued and ARM accepts only those. All state lives in the GUI thread; latency is
// applied with timers, never by blocking.
class TestIdentityProvider : public QObject
{
    Q_OBJECT

public:
    static inline const QString kAzureCliClientId = QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
    static inline const QString kArmScope = QStringLiteral("https://management.core.windows.net//.default");

    explicit TestIdentityProvider(QObject* parent = nullptr);
    ~TestIdentityProvider() override;

    // --- Server ---
    bool enableTls(const QString& certificatePath, const QString& keyPath, QString* error); // before listen()
    bool listen(const QHostAddress& address = QHostAddress::LocalHost, quint16 port = 0);
    HttpServer* server() const;
    QUrl url() const;                      // the server's own URL: http://127.0.0.1:PORT
    void setAuthorityUrl(const QUrl& url); // e.g. https://login.microsoftonline.com; default: per request
    void setArmUrl(const QUrl& url);       // e.g. https://management.azure.com; default: per request
    QUrl authorityUrl() const;             // the configured one, else url()
    QUrl armUrl() const;
    QString authority(const QString& tenant = QStringLiteral("organizations")) const; // authorityUrl()/tenant
    void setClock(const Clock* clock); // not owned; token times, code and device code expiry. Default: system

    // --- Directory ---
    void addTenant(const IdpTenant& tenant);
    void addUser(const IdpUser& user);
    void addSubscription(const QString& listedInTenantId, const IdpSubscription& subscription);
    void addUserToTenant(const QString& userObjectIdOrUpn, const QString& tenantId);
    void setTenantRequiresMfa(const QString& tenantId, bool required, const QString& claims = {});
    void addConfidentialClient(const QString& clientId, const QString& secret, const QString& tenantId);
    void setFamilyClientIds(const QStringList& clientIds); // answered with foci "1"; default: az, PowerShell, VS Code
    // Permissions a "<resource>/.default" request is answered with, before the .default scope itself.
    // Default: ARM (both audiences) -> user_impersonation; other resources echo the requested scopes.
    void setDefaultScopeGrants(const QString& resource, const QStringList& permissions);
    QList<IdpTenant> tenants() const;
    QList<IdpUser> users() const;
    std::optional<IdpUser> findUser(const QString& objectIdOrUpn) const;

    // Replaces the directory and settings with a JSON config (see tests/tools/test-idp.cpp for the format).
    bool loadConfig(const Json& config, QString* error);
    static Json sampleConfig(); // one user in three tenants (one MFA-gated), four subscriptions

    // --- Behaviour ---
    void setArmPageSize(int size); // nextLink paging of /tenants and /subscriptions; default 100
    // Entries put at the start of every ARM list page's "value" (42, null, "x", [] ...); default none.
    void setArmJunkItems(const Json& items);
    // ARM answers every token of `tenantId` with 401 and a `WWW-Authenticate: Bearer ...
    // error="insufficient_claims", claims="<base64 of claims>"` challenge until a sign-in at that tenant
    // carries claims; empty claims: no challenge.
    void setArmClaimsChallenge(const QString& tenantId, const QString& claims);
    void setAccessTokenLifetime(int secs); // expires_in; default 3599
    enum class RefreshTokenRotation {
        KeepOld,   // a refresh returns a new RT; the old one stays valid (AAD's behaviour)
        RevokeOld, // a refresh returns a new RT; the old one is dead (50173)
        Reuse,     // a refresh returns the same RT
    };
    void setRefreshTokenRotation(RefreshTokenRotation rotation);
    void setLatency(int ms);                       // every request
    void setLatency(IdpEndpoint endpoint, int ms); // overrides the general latency for one endpoint
    void addFault(const IdpFault& fault);
    void clearFaults();
    void expireRefreshTokens(const QString& userObjectIdOrUpn); // invalid_grant 700082 (inactivity)
    void revokeRefreshTokens(const QString& userObjectIdOrUpn); // invalid_grant 50173 (revoked)
    void revokeAccessTokens();                                  // ARM answers 401 for every token issued so far
    // The next sign-ins on the authorize page redirect with this error (access_denied, ...); empty: none.
    void setAuthorizeError(const QString& error, const QString& description = {});
    // The authorize endpoint signs this user in at once (a browser with a session), without the form.
    void setAutoSignInUser(const QString& userObjectIdOrUpn);

    // --- Authorization code flow without a browser ---
    // Does what a user would do on the sign-in page for `authorizeUrl` (any host; only path and query are
    // read): returns the redirect with code, state and client_info, or with error= when an authorize error
    // is set or `user` is empty ("cancel"). Returns an empty URL and sets `error` when the request is one
    // AAD would not redirect for (bad client_id or redirect_uri, unknown tenant or user).
    QUrl completeAuthorization(const QUrl& authorizeUrl, const QString& user, QString* error = nullptr);

    // --- Device code flow ---
    void setDeviceCodeInterval(int secs); // "interval"; default 5 (az tests: 1); negative: no "interval"
    // "verification_uri" of new device codes; default (empty): {authority}/devicelogin.
    void setDeviceCodeVerificationUri(const QUrl& url);
    // "device_authorization_endpoint" of discovery documents; default (empty): the tenant's own.
    void setDeviceAuthorizationEndpoint(const QUrl& url);
    void setDeviceCodeLifetime(int secs);  // "expires_in"; default 900
    void setDeviceCodeSlowDown(int polls); // new device codes answer slow_down to their first `polls` polls
    void setDeviceCodeAutoApprove(const QString& user, int afterPolls = 0); // empty user: off
    QStringList pendingUserCodes() const;
    bool approveDeviceCode(const QString& userCode, const QString& user);
    bool declineDeviceCode(const QString& userCode);
    bool expireDeviceCode(const QString& userCode);

    // --- Inspection ---
    QList<IdpRequestRecord> requests() const;
    int requestCount(IdpEndpoint endpoint = IdpEndpoint::Any, const QString& grantType = {},
                     const QString& tenant = {}) const;             // tenant: path segment or issued tenant id
    int inFlight(IdpEndpoint endpoint = IdpEndpoint::Any) const;    // received, not yet answered
    int maxInFlight(IdpEndpoint endpoint = IdpEndpoint::Any) const; // since the last clearRequests()
    void clearRequests();
    std::optional<IdpAccessToken> accessTokenInfo(const QString& accessToken) const;
    bool isRefreshTokenValid(const QString& refreshToken) const;

    static QString endpointName(IdpEndpoint endpoint); // "token", "arm-subscriptions", ...
    static std::optional<IdpEndpoint> endpointFromName(const QString& name);

signals:
    void requestFinished(const tenantry::test::IdpRequestRecord& record);
    void deviceCodeIssued(const QString& userCode);

private:
    struct Private;
    void handle(const HttpRequest& request, const HttpServer::Responder& responder);
    void finish(quint64 id, IdpEndpoint endpoint);

    std::unique_ptr<Private> d;
};

} // namespace tenantry::test
