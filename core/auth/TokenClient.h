#pragma once

#include "auth/AuthorityDiscovery.h"
#include "auth/TokenGrantResult.h"

#include <QObject>
#include <QUrlQuery>

namespace tenantry {

class Clock;
class HttpClient;

// What a device authorization request returned: the code the user types and where.
struct DeviceCode
{
    // RFC 8628: poll every 5 s when the answer names no interval; we never poll faster than once a
    // second nor wait longer than a minute between polls, and no code lives longer than 30 minutes.
    static constexpr int kDefaultIntervalSecs = 5;
    static constexpr int kMinIntervalSecs = 1;
    static constexpr int kMaxIntervalSecs = 60;
    static constexpr int kSlowDownSecs = 5;
    static constexpr qint64 kDefaultLifetimeSecs = 900;
    static constexpr qint64 kMaxLifetimeSecs = 1800;

    QString userCode;
    Secret deviceCode;
    QUrl verificationUri;
    QString verificationHost; // the host the code belongs to, for people to check before they type it
    QString message;          // the identity provider's own sentence, as az prints it
    qint64 expiresAt = 0;     // POSIX seconds
    int intervalSecs = kDefaultIntervalSecs;
};

// What parseDeviceCodeResponse() read: a code, or why there is none (for people).
struct DeviceCodeAnswer
{
    std::optional<DeviceCode> code;
    QString error;
};

// Reads a device authorization answer (no network: a pure function of status and body, fuzzed). Never
// throws; interval and lifetime are bounded as DeviceCode says; the verification page must be https
// (http only on loopback) on the cloud's authority host or one of Microsoft's device-login hosts, so
// a hostile answer cannot send the user to type the code into another site. `now` is POSIX seconds.
DeviceCodeAnswer parseDeviceCodeResponse(const HttpResponse& response, const QUrl& authorityHost, qint64 now);

// Whether a device-code verification page may be shown: see parseDeviceCodeResponse(); `why` for people.
bool isAllowedVerificationUri(const QUrl& uri, const QUrl& authorityHost, QString* why = nullptr);

// The token endpoint of the Microsoft identity platform (v2.0) for a public client, speaking the
// requests MSAL Python sends (reference §4.3): decorated sorted scopes, client_info=1, the CP1
// client capability merged with any claims challenge, X-AnchorMailbox for routing.
class TokenClient : public QObject
{
    Q_OBJECT

public:
    // `realm` is the tenant segment of the token endpoint that answered (the cache's realm).
    using Done = std::function<void(const TokenGrantResult& result, const QString& realm)>;
    using DeviceCodeDone = std::function<void(const std::optional<DeviceCode>& code, const QString& error)>;

    TokenClient(HttpClient* http, AuthorityDiscovery* discovery, QString clientId, const Clock& clock,
                QObject* parent = nullptr);

    const QString& clientId() const { return m_clientId; }
    AuthorityDiscovery* discovery() const { return m_discovery; }

    void redeemAuthorizationCode(const QString& tenant, const Secret& code, const Secret& codeVerifier,
                                 const QString& redirectUri, const QStringList& scopes, const QString& clientInfo,
                                 const QString& claims, Done done);
    void refresh(const QString& tenant, const Secret& refreshToken, const QStringList& scopes,
                 const QString& homeAccountId, const QString& claims, Done done);
    void requestDeviceCode(const QString& tenant, const QStringList& scopes, DeviceCodeDone done);
    void pollDeviceCode(const QString& tenant, const Secret& deviceCode, const QString& claims, Done done);

    // scopes + offline_access openid profile, sorted and space-joined, as sent on the wire.
    static QString decoratedScope(const QStringList& scopes);
    // The claims parameter: the CP1 capability (as az declares) merged with a challenge, if any. Without
    // the capability (AZURE_IDENTITY_DISABLE_CP1) it is the challenge alone, empty when there is none.
    static QString claimsParameter(const QString& challenge);
    // Adds "claims" to an authorize or token request unless claimsParameter() is empty (MSAL sends none then).
    static void addClaims(QUrlQuery& query, const QString& challenge);
    // Whether requests announce the CAE capability CP1: as az, unless AZURE_IDENTITY_DISABLE_CP1 is set.
    static bool announcesCp1();

private:
    void post(const QString& tenant, QUrlQuery form, QList<QPair<QByteArray, QByteArray>> headers, Done done,
              bool retry);

    HttpClient* m_http;
    AuthorityDiscovery* m_discovery;
    QString m_clientId;
    const Clock& m_clock;
};

} // namespace tenantry
