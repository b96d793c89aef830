#include "auth/TokenClient.h"

#include "auth/ResponseFields.h"
#include "azure/CloudConfig.h"
#include "cache/TokenResponseWriter.h"
#include "http/HttpClient.h"
#include "util/Clock.h"
#include "util/Jwt.h"
#include "util/Logging.h"

#include <QCoreApplication>
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
    TokenClient::addClaims(form, claims);
    return form;
}

// Where Microsoft's device-login pages live besides the authority host: az prints
// https://microsoft.com/devicelogin (…/deviceloginchina, …/deviceloginus for the sovereign clouds);
// newer answers say https://www.microsoft.com/link or https://login.microsoft.com/device.
const QStringList kDeviceLoginHosts = {QStringLiteral("microsoft.com"), QStringLiteral("www.microsoft.com"),
                                       QStringLiteral("login.microsoft.com")};

constexpr qsizetype kMaxUserCodeChars = 64;
constexpr qsizetype kMaxMessageChars = 1000;

} // namespace

bool isAllowedVerificationUri(const QUrl& uri, const QUrl& authorityHost, QString* why)
{
    const QString shown = uri.toString(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    QString unsafe;
    if (!isAllowedAuthority(uri.toString(QUrl::FullyEncoded), &unsafe)) {
        if (why)
            *why = QCoreApplication::translate("tenantry::TokenClient",
                                               "the page to enter the code on, '%1', is not safe: %2")
                       .arg(shown, unsafe);
        return false;
    }
    const QString host = uri.host().toLower();
    if (host == authorityHost.host().toLower() || kDeviceLoginHosts.contains(host))
        return true;
    if (why)
        *why = QCoreApplication::translate(
                   "tenantry::TokenClient",
                   "the page to enter the code on is on %1, which is neither %2 nor a Microsoft device "
                   "login page; the code was not shown")
                   .arg(host, authorityHost.host());
    return false;
}

DeviceCodeAnswer parseDeviceCodeResponse(const HttpResponse& response, const QUrl& authorityHost, qint64 now)
{
    DeviceCodeAnswer answer;
    const auto body = response.json();
    if (!response.ok() || !body || !body->is_object()) {
        answer.error = response.ok()
                           ? QCoreApplication::translate("tenantry::TokenClient",
                                                         "The identity provider's answer was not a device code.")
                           : TokenGrantResult::fromHttp(response, now).message();
        return answer;
    }
    const Json& o = *body;
    DeviceCode code;
    code.userCode = fields::string(o, "user_code");
    code.deviceCode = Secret(fields::string(o, "device_code"));
    if (code.userCode.isEmpty() || code.deviceCode.isEmpty() || code.userCode.size() > kMaxUserCodeChars) {
        answer.error =
            QCoreApplication::translate("tenantry::TokenClient", "The identity provider sent no device code.");
        return answer;
    }
    // AAD v1 says verification_url.
    QString uri = fields::string(o, "verification_uri");
    if (uri.isEmpty())
        uri = fields::string(o, "verification_url");
    code.verificationUri = QUrl(uri, QUrl::StrictMode);
    if (!isAllowedVerificationUri(code.verificationUri, authorityHost, &answer.error))
        return answer;
    code.verificationHost = code.verificationUri.host().toLower();
    code.expiresAt = now + std::max<qint64>(1, fields::seconds(o, "expires_in", DeviceCode::kMaxLifetimeSecs)
                                                   .value_or(DeviceCode::kDefaultLifetimeSecs));
    code.intervalSecs = int(std::clamp<qint64>(
        fields::seconds(o, "interval", DeviceCode::kMaxIntervalSecs).value_or(DeviceCode::kDefaultIntervalSecs),
        DeviceCode::kMinIntervalSecs, DeviceCode::kMaxIntervalSecs));
    // The server's sentence only when it names the page we checked: it must not send people elsewhere.
    code.message = fields::string(o, "message").left(kMaxMessageChars);
    if (!code.message.contains(uri) || !code.message.contains(code.userCode))
        code.message =
            QCoreApplication::translate("tenantry::TokenClient",
                                        "To sign in, use a web browser to open the page %1 and enter the code "
                                        "%2 to authenticate.")
                .arg(code.verificationUri.toString(), code.userCode);
    answer.code = std::move(code);
    return answer;
}

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

bool TokenClient::announcesCp1()
{
    // az (azure/cli/core/auth/identity.py) drops the capability when the variable exists, whatever its value.
    return !qEnvironmentVariableIsSet("AZURE_IDENTITY_DISABLE_CP1");
}

QString TokenClient::claimsParameter(const QString& challenge)
{
    Json claims = Json::object();
    if (!challenge.isEmpty()) {
        auto parsed = json::parse(challenge.toUtf8());
        if (parsed.value && parsed.value->is_object())
            claims = *parsed.value;
    }
    if (!announcesCp1()) {
        if (claims.empty())
            return {};
        return QString::fromStdString(claims.dump(-1, ' ', false, Json::error_handler_t::replace));
    }
    // The challenge is the server's: an "access_token" that is not an object would make operator[] throw.
    Json& accessToken = claims["access_token"];
    if (!accessToken.is_object())
        accessToken = Json::object();
    accessToken["xms_cc"] = {{"values", {"CP1"}}};
    const std::string text = claims.dump(-1, ' ', false, Json::error_handler_t::replace);
    return QString::fromStdString(text);
}

void TokenClient::addClaims(QUrlQuery& query, const QString& challenge)
{
    const QString claims = claimsParameter(challenge);
    if (!claims.isEmpty())
        query.addQueryItem(QStringLiteral("claims"), claims);
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
    m_discovery->discover(
        tenant, [this, scopes, done = std::move(done)](const OpenIdConfiguration* config, const QString& error) {
            if (!config) {
                done(std::nullopt, error);
                return;
            }
            QUrlQuery form;
            form.addQueryItem(QStringLiteral("client_id"), m_clientId);
            form.addQueryItem(QStringLiteral("scope"), decoratedScope(scopes));
            m_http->postForm(config->deviceAuthorizationEndpoint, form, {}, [this, done](const HttpResponse& response) {
                const DeviceCodeAnswer answer =
                    parseDeviceCodeResponse(response, m_discovery->authorityHost(), m_clock.nowSecs());
                if (!answer.code) {
                    done(std::nullopt, tr("Could not start the device code sign-in: %1").arg(answer.error));
                    return;
                }
                done(answer.code, QString());
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
        const QString grantType = form.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded);
        m_http->postForm(
            config->tokenEndpoint, form, headers,
            [this, realm, grantType, done = std::move(done)](const HttpResponse& response) {
                TokenGrantResult result = TokenGrantResult::fromHttp(response, m_clock.nowSecs());
                result.grantType = grantType;
                done(result, realm);
            },
            retry ? RetryPolicy{} : RetryPolicy::none());
    });
}

} // namespace tenantry
