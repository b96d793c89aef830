#include "auth/TokenClient.h"

#include "cache/TokenResponseWriter.h"
#include "http/HttpClient.h"
#include "util/Clock.h"
#include "util/Jwt.h"
#include "util/Logging.h"

#include <QUuid>

namespace tenantry {

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

// X-AnchorMailbox routes the request to the account's home: "uid.utid" as "Oid:uid@utid".
Headers routingHeaders(const QString& homeAccountId)
{
    const QString uid = homeAccountId.section(QLatin1Char('.'), 0, 0);
    const QString utid = homeAccountId.section(QLatin1Char('.'), 1);
    if (uid.isEmpty() || utid.isEmpty())
        return {};
    return {{QByteArrayLiteral("X-AnchorMailbox"), QStringLiteral("Oid:%1@%2").arg(uid, utid).toUtf8()}};
}

// What every token request of ours sends, as MSAL does: the client, the grant, client_info and
// the claims (client capabilities merged with any challenge).
QUrlQuery grantForm(const QString& clientId, const QString& grantType, const QString& claims)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("client_id"), clientId);
    form.addQueryItem(QStringLiteral("grant_type"), grantType);
    form.addQueryItem(QStringLiteral("client_info"), QStringLiteral("1"));
    form.addQueryItem(QStringLiteral("claims"), TokenClient::claimsParameter(claims));
    return form;
}

} // namespace

TokenClient::TokenClient(HttpClient* http, AuthorityDiscovery* discovery, QString clientId, const Clock& clock,
                         QObject* parent)
    : QObject(parent)
    , m_http(http)
    , m_discovery(discovery)
    , m_clientId(std::move(clientId))
    , m_clock(clock)
{}

QString TokenClient::decoratedScope(const QStringList& scopes)
{
    QStringList all = scopes;
    for (const char* reserved : {"offline_access", "openid", "profile"}) {
        if (!all.contains(QLatin1String(reserved)))
            all.append(QLatin1String(reserved));
    }
    all.removeDuplicates();
    all.sort();
    return all.join(QLatin1Char(' '));
}

QString TokenClient::claimsParameter(const QString& challenge)
{
    Json claims = Json::object();
    if (!challenge.isEmpty()) {
        auto parsed = json::parse(challenge.toUtf8());
        if (parsed.value && parsed.value->is_object())
            claims = *parsed.value;
    }
    claims["access_token"]["xms_cc"] = {{"values", {"CP1"}}};
    const std::string text = claims.dump();
    return QString::fromStdString(text);
}

void TokenClient::redeemAuthorizationCode(const QString& tenant, const Secret& code, const Secret& codeVerifier,
                                          const QString& redirectUri, const QStringList& scopes,
                                          const QString& clientInfo, const QString& claims, Done done)
{
    QUrlQuery form = grantForm(m_clientId, QStringLiteral("authorization_code"), claims);
    form.addQueryItem(QStringLiteral("code_verifier"), codeVerifier.reveal());
    form.addQueryItem(QStringLiteral("code"), code.reveal());
    form.addQueryItem(QStringLiteral("redirect_uri"), redirectUri);
    form.addQueryItem(QStringLiteral("scope"), decoratedScope(scopes));
    // A code is single-use: never resend it automatically.
    post(tenant, form, routingHeaders(homeAccountIdFromClientInfo(clientInfo)), std::move(done), /*retry=*/false);
}

void TokenClient::refresh(const QString& tenant, const Secret& refreshToken, const QStringList& scopes,
                          const QString& homeAccountId, const QString& claims, Done done)
{
    QUrlQuery form = grantForm(m_clientId, QStringLiteral("refresh_token"), claims);
    form.addQueryItem(QStringLiteral("refresh_token"), refreshToken.reveal());
    form.addQueryItem(QStringLiteral("scope"), decoratedScope(scopes));
    post(tenant, form, routingHeaders(homeAccountId), std::move(done), /*retry=*/true);
}

void TokenClient::pollDeviceCode(const QString& tenant, const Secret& deviceCode, const QString& claims, Done done)
{
    QUrlQuery form = grantForm(m_clientId, QStringLiteral("urn:ietf:params:oauth:grant-type:device_code"), claims);
    // MSAL sends the device code under both names (its "2018-10-4 Hack"); servers accept either.
    form.addQueryItem(QStringLiteral("code"), deviceCode.reveal());
    form.addQueryItem(QStringLiteral("device_code"), deviceCode.reveal());
    post(tenant, form, {}, std::move(done), /*retry=*/false);
}

void TokenClient::requestDeviceCode(const QString& tenant, const QStringList& scopes, DeviceCodeDone done)
{
    m_discovery->discover(tenant, [this, scopes, done = std::move(done)](const OpenIdConfiguration* config,
                                                                         const QString& error) {
        if (!config) {
            done(std::nullopt, error);
            return;
        }
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("client_id"), m_clientId);
        form.addQueryItem(QStringLiteral("scope"), decoratedScope(scopes));
        m_http->postForm(config->deviceAuthorizationEndpoint, form, {}, [this, done](const HttpResponse& response) {
            const auto body = response.json();
            if (!response.ok() || !body || !body->is_object()) {
                const TokenGrantResult failure = TokenGrantResult::fromHttp(response, m_clock.nowSecs());
                done(std::nullopt,
                     QStringLiteral("Could not start the device code sign-in: %1").arg(failure.message()));
                return;
            }
            DeviceCode code;
            code.userCode = json::toQString(body->value("user_code", Json()));
            code.deviceCode = Secret(json::toQString(body->value("device_code", Json())));
            code.verificationUri = QUrl(json::toQString(body->value("verification_uri", Json())));
            code.message = json::toQString(body->value("message", Json()));
            code.expiresAt = m_clock.nowSecs() + json::toSeconds(body->value("expires_in", Json(900))).value_or(900);
            code.intervalSecs = static_cast<int>(json::toSeconds(body->value("interval", Json(5))).value_or(5));
            if (code.userCode.isEmpty() || code.deviceCode.isEmpty()) {
                done(std::nullopt, QStringLiteral("The identity provider sent no device code."));
                return;
            }
            if (code.message.isEmpty())
                code.message = QStringLiteral("To sign in, use a web browser to open the page %1 and enter the code "
                                              "%2 to authenticate.")
                                   .arg(code.verificationUri.toString(), code.userCode);
            done(code, QString());
        });
    });
}

void TokenClient::post(const QString& tenant, QUrlQuery form, QList<QPair<QByteArray, QByteArray>> headers, Done done,
                       bool retry)
{
    m_discovery->discover(tenant, [this, form, headers, done = std::move(done),
                                   retry](const OpenIdConfiguration* config, const QString& error) mutable {
        if (!config) {
            TokenGrantResult failure;
            failure.kind = TokenGrantResult::Kind::Network;
            failure.errorDescription = error;
            done(failure, QString());
            return;
        }
        headers.append({QByteArrayLiteral("client-request-id"), QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
        headers.append({QByteArrayLiteral("x-client-sku"), QByteArrayLiteral("Tenantry")});
        headers.append({QByteArrayLiteral("x-client-ver"), QByteArrayLiteral(TENANTRY_VERSION)});
        const QString realm = config->realm();
        m_http->postForm(
            config->tokenEndpoint, form, headers,
            [this, realm, done = std::move(done)](const HttpResponse& response) {
                done(TokenGrantResult::fromHttp(response, m_clock.nowSecs()), realm);
            },
            retry ? RetryPolicy{} : RetryPolicy::none());
    });
}

} // namespace tenantry
