#include "fakes/TestIdentityProvider.h"

#include "util/Clock.h"
#include "util/Jwt.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>
#include <QUuid>

#include <map>

Q_LOGGING_CATEGORY(lcTestIdp, "tenantry.test.idp", QtWarningMsg)

namespace tenantry::test {

namespace {

const QString kGraph = QStringLiteral("https://graph.microsoft.com");
const QStringList kArmAudiences = {QStringLiteral("https://management.core.windows.net"),
                                   QStringLiteral("https://management.azure.com")};
// Family-of-client-ids members answered with foci "1": Azure CLI, Azure PowerShell, VS Code, Visual Studio.
const QStringList kDefaultFamily = {
    QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46"), QStringLiteral("1950a258-227b-4e31-a9cf-717495945fc2"),
    QStringLiteral("aebc6443-996d-45c2-90f0-388ff96faa56"), QStringLiteral("04f0c124-f2bc-4f59-8241-bf6df9866bbd")};
constexpr int kAuthCodeLifetimeSecs = 600; // AAD's codes live about ten minutes
constexpr int kIdTokenLifetimeSecs = 3600;

std::string s(const QString& text)
{
    return text.toStdString();
}

QString toQString(const Json& value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

Json stringArray(const QStringList& list)
{
    Json array = Json::array();
    for (const QString& item : list)
        array.push_back(s(item));
    return array;
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString randomToken(int bytes)
{
    QByteArray random;
    while (random.size() < bytes) {
        const quint32 value = QRandomGenerator::system()->generate();
        random.append(reinterpret_cast<const char*>(&value), std::min<qsizetype>(4, bytes - random.size()));
    }
    return QString::fromLatin1(jwt::base64UrlEncode(random));
}

QString randomUserCode()
{
    // Letters and digits that cannot be confused with each other, like AAD's codes.
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString code;
    for (int i = 0; i < 9; ++i)
        code += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]);
    return code;
}

QString unsignedJwt(const Json& payload)
{
    const Json header = {{"typ", "JWT"}, {"alg", "none"}};
    return QString::fromLatin1(jwt::base64UrlEncode(QByteArray::fromStdString(header.dump())) + '.' +
                               jwt::base64UrlEncode(QByteArray::fromStdString(payload.dump())) + '.');
}

QString stripSlashes(QString text)
{
    while (text.endsWith(u'/'))
        text.chop(1);
    return text;
}

QString html(const QString& text)
{
    return text.toHtmlEscaped();
}

HttpResponse page(int status, const QString& title, const QString& body)
{
    return HttpResponse::html(
        status, QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                               "<meta name=\"viewport\" content=\"width=device-width\"><title>%1</title><style>"
                               "body{font-family:sans-serif;background:#f2f2f2;margin:0}"
                               "main{max-width:440px;margin:48px auto;background:#fff;padding:32px;"
                               "box-shadow:0 2px 6px rgba(0,0,0,.2)}"
                               "input[type=text]{width:100%;box-sizing:border-box;padding:6px;margin:8px 0}"
                               "button{padding:6px 16px;margin:4px 4px 4px 0}.error{color:#a80000}"
                               ".accounts button{display:block;width:100%;text-align:left}"
                               "</style></head><body><main>\n%2\n</main></body></html>\n")
                    .arg(html(title), body));
}

enum class TenantKind { Organizations, Common, Consumers, Specific, Unknown };

struct TenantRef
{
    TenantKind kind = TenantKind::Unknown;
    QString id;      // Specific only
    QString segment; // the path segment as sent
};

struct Scopes
{
    QStringList resourceScopes;
    QString resource;
    bool openid = false;
    bool offlineAccess = false;
};

QString resourceOf(const QString& scope)
{
    const qsizetype slash = scope.lastIndexOf(u'/');
    if (slash <= 0)
        return kGraph;
    return scope.left(slash);
}

std::optional<Scopes> parseScopes(const QString& text)
{
    Scopes scopes;
    const QStringList parts = text.split(u' ', Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        const QString lower = part.toLower();
        if (lower == QLatin1String("openid"))
            scopes.openid = true;
        else if (lower == QLatin1String("offline_access"))
            scopes.offlineAccess = true;
        else if (lower == QLatin1String("profile") || lower == QLatin1String("email"))
            continue;
        else if (!scopes.resourceScopes.contains(part))
            scopes.resourceScopes.append(part.contains(u'/') ? part : kGraph + u'/' + part);
    }
    if (scopes.resourceScopes.isEmpty())
        scopes.resourceScopes.append(kGraph + QStringLiteral("/User.Read"));
    for (const QString& scope : std::as_const(scopes.resourceScopes)) {
        const QString resource = resourceOf(scope);
        if (!scopes.resource.isEmpty() && resource != scopes.resource)
            return std::nullopt; // AAD issues a token for one resource at a time
        scopes.resource = resource;
    }
    return scopes;
}

} // namespace

// --- IdpFault ---

IdpFault IdpFault::httpError(IdpEndpoint endpoint, int status)
{
    IdpFault fault;
    fault.kind = Kind::HttpError;
    fault.endpoint = endpoint;
    fault.httpStatus = status;
    return fault;
}

IdpFault IdpFault::tooManyRequests(IdpEndpoint endpoint, int retryAfterSecs)
{
    IdpFault fault;
    fault.kind = Kind::TooManyRequests;
    fault.endpoint = endpoint;
    fault.httpStatus = 429;
    fault.retryAfterSecs = retryAfterSecs;
    return fault;
}

IdpFault IdpFault::tooManyRequests(IdpEndpoint endpoint, const QByteArray& retryAfter)
{
    IdpFault fault = tooManyRequests(endpoint, 0);
    fault.retryAfter = retryAfter;
    return fault;
}

IdpFault IdpFault::answer(IdpEndpoint endpoint, int status, const QByteArray& body, const QByteArray& contentType)
{
    IdpFault fault;
    fault.kind = Kind::Answer;
    fault.endpoint = endpoint;
    fault.httpStatus = status;
    fault.body = body;
    fault.headers = {{"Content-Type", contentType}};
    return fault;
}

IdpFault IdpFault::redirect(IdpEndpoint endpoint, const QUrl& location, int status)
{
    IdpFault fault = answer(endpoint, status, QByteArray(), "text/html; charset=utf-8");
    fault.headers.append({"Location", location.toEncoded()});
    return fault;
}

IdpFault IdpFault::drip(IdpEndpoint endpoint, int byteIntervalMs)
{
    IdpFault fault;
    fault.kind = Kind::Drip;
    fault.endpoint = endpoint;
    fault.dripIntervalMs = byteIntervalMs;
    return fault;
}

IdpFault IdpFault::garbageJson(IdpEndpoint endpoint)
{
    IdpFault fault;
    fault.kind = Kind::GarbageJson;
    fault.endpoint = endpoint;
    fault.httpStatus = 200;
    return fault;
}

IdpFault IdpFault::oauthError(const QString& error, int errorCode, const QString& message)
{
    IdpFault fault;
    fault.kind = Kind::OAuthError;
    fault.endpoint = IdpEndpoint::Token;
    fault.httpStatus = 400;
    fault.error = error;
    fault.errorCode = errorCode;
    fault.message = message;
    return fault;
}

IdpFault IdpFault::hang(IdpEndpoint endpoint)
{
    IdpFault fault;
    fault.kind = Kind::Hang;
    fault.endpoint = endpoint;
    return fault;
}

IdpFault IdpFault::drop(IdpEndpoint endpoint)
{
    IdpFault fault;
    fault.kind = Kind::Drop;
    fault.endpoint = endpoint;
    return fault;
}

IdpFault& IdpFault::onlyTenant(const QString& tenantSegmentOrId)
{
    tenant = tenantSegmentOrId;
    return *this;
}

IdpFault& IdpFault::onlyGrant(const QString& grant)
{
    grantType = grant;
    return *this;
}

IdpFault& IdpFault::repeat(int count)
{
    times = count;
    return *this;
}

QString IdpRequestRecord::toString() const
{
    QString line =
        QStringLiteral("#%1 %2 %3 [%4]").arg(id).arg(method, path, TestIdentityProvider::endpointName(endpoint));
    if (!tenant.isEmpty())
        line += QStringLiteral(" tenant=") + tenant;
    if (!grantType.isEmpty())
        line += QStringLiteral(" grant=") + grantType;
    if (!user.isEmpty())
        line += QStringLiteral(" user=") + user;
    line += QStringLiteral(" -> %1").arg(status);
    if (!error.isEmpty())
        line += u' ' + error + (errorCode ? QStringLiteral(" AADSTS%1").arg(errorCode) : QString());
    if (!fault.isEmpty())
        line += QStringLiteral(" fault=") + fault;
    if (respondedMs >= 0)
        line += QStringLiteral(" %1ms").arg(respondedMs - receivedMs);
    return line;
}

// --- Private state ---

struct TestIdentityProvider::Private
{
    struct AuthorizeParams
    {
        QString tenantSegment;
        QString clientId;
        QString redirectUri;
        QString responseType;
        QString scope;
        QString state;
        QString nonce;
        QString codeChallenge;
        QString codeChallengeMethod;
        QString loginHint;
        QString claims;
    };

    struct AuthCode
    {
        AuthorizeParams params;
        QString objectId;
        qint64 issuedAt = 0;
        bool used = false;
    };

    struct DeviceCode
    {
        enum class State { Pending, Approved, Declined, Expired, Redeemed };
        QString deviceCode;
        QString userCode;
        QString clientId;
        QString scope;
        QString tenantSegment;
        qint64 expiresAt = 0;
        State state = State::Pending;
        QString objectId;
        int polls = 0;
        int slowDownPolls = 0;
    };

    struct RefreshToken
    {
        QString objectId;
        QString clientId;
        bool family = false;
        QSet<QString> mfaTenants; // tenants an interactive sign-in satisfied MFA for
        int deadCode = 0;         // 0: alive; else the AADSTS code a refresh with it gets
    };

    struct ConfidentialClient
    {
        QString clientId;
        QString secret;
        QString tenantId;
        QString objectId;
    };

    struct ListedSubscription
    {
        QString listedIn;
        IdpSubscription subscription;
    };

    TestIdentityProvider* q = nullptr;
    HttpServer server;
    SystemClock systemClock;
    const Clock* clock = &systemClock;
    QUrl authorityUrl;
    QUrl armUrl;

    QList<IdpTenant> tenants;
    QList<IdpUser> users;
    QList<ListedSubscription> subscriptions;
    QList<ConfidentialClient> clients;
    QStringList familyClientIds = kDefaultFamily;
    QHash<QString, QStringList> defaultScopeGrants;

    int armPageSize = 100;
    int accessTokenLifetime = 3599;
    RefreshTokenRotation rotation = RefreshTokenRotation::KeepOld;
    int latency = 0;
    std::map<IdpEndpoint, int> endpointLatency;
    QList<IdpFault> faults;
    QString authorizeError;
    QString authorizeErrorDescription;
    QString autoSignInUser;
    int deviceInterval = 5;
    int deviceLifetime = 900;
    QUrl deviceVerificationUri;
    QUrl deviceAuthorizationEndpoint;
    Json armJunkItems = Json::array();
    // Tenant id -> claims (JSON text) ARM challenges every token of that tenant with, until a sign-in at
    // that tenant carries claims (continuous access evaluation).
    QHash<QString, QString> armClaimsChallenges;
    int deviceSlowDownPolls = 0;
    QString deviceAutoApproveUser;
    int deviceAutoApproveAfterPolls = 0;

    QHash<QString, AuthorizeParams> flows; // pending sign-in pages by flow id
    QHash<QString, AuthCode> codes;
    QHash<QString, DeviceCode> deviceCodes; // by device_code
    QHash<QString, RefreshToken> refreshTokens;
    QHash<QString, IdpAccessToken> accessTokens;

    QList<IdpRequestRecord> log;
    quint64 nextRequestId = 0;
    std::map<IdpEndpoint, int> inFlight;
    std::map<IdpEndpoint, int> maxInFlight;
    QElapsedTimer uptime;

    Private()
    {
        defaultScopeGrants.insert(QStringLiteral("https://management.core.windows.net/"),
                                  {QStringLiteral("user_impersonation")});
        defaultScopeGrants.insert(QStringLiteral("https://management.azure.com"),
                                  {QStringLiteral("user_impersonation")});
        defaultScopeGrants.insert(QStringLiteral("https://management.azure.com/"),
                                  {QStringLiteral("user_impersonation")});
        uptime.start();
    }

    qint64 now() const { return clock->nowSecs(); }

    // --- Directory lookups ---

    const IdpTenant* tenant(const QString& id) const
    {
        for (const IdpTenant& t : tenants) {
            if (t.id.compare(id, Qt::CaseInsensitive) == 0)
                return &t;
        }
        return nullptr;
    }

    const IdpUser* user(const QString& objectIdOrUpn) const
    {
        if (objectIdOrUpn.isEmpty())
            return nullptr;
        for (const IdpUser& u : users) {
            if (u.objectId.compare(objectIdOrUpn, Qt::CaseInsensitive) == 0 ||
                u.userPrincipalName.compare(objectIdOrUpn, Qt::CaseInsensitive) == 0)
                return &u;
        }
        return nullptr;
    }

    bool isMember(const IdpUser& u, const QString& tenantId) const
    {
        if (u.homeTenantId.compare(tenantId, Qt::CaseInsensitive) == 0)
            return true;
        if (u.tenantIds.isEmpty())
            return tenant(tenantId) != nullptr;
        return u.tenantIds.contains(tenantId, Qt::CaseInsensitive);
    }

    QList<IdpTenant> tenantsOf(const IdpUser& u) const
    {
        QList<IdpTenant> result;
        for (const IdpTenant& t : tenants) {
            if (isMember(u, t.id))
                result.append(t);
        }
        return result;
    }

    TenantRef resolveTenant(const QString& segment) const
    {
        TenantRef ref;
        ref.segment = segment;
        const QString lower = segment.toLower();
        if (lower == QLatin1String("organizations")) {
            ref.kind = TenantKind::Organizations;
        } else if (lower == QLatin1String("common")) {
            ref.kind = TenantKind::Common;
        } else if (lower == QLatin1String("consumers")) {
            ref.kind = TenantKind::Consumers;
        } else {
            for (const IdpTenant& t : tenants) {
                const QStringList domains = t.domains.isEmpty() ? QStringList{t.defaultDomain} : t.domains;
                if (t.id.compare(segment, Qt::CaseInsensitive) == 0 ||
                    t.defaultDomain.compare(segment, Qt::CaseInsensitive) == 0 ||
                    domains.contains(segment, Qt::CaseInsensitive)) {
                    ref.kind = TenantKind::Specific;
                    ref.id = t.id;
                    break;
                }
            }
        }
        return ref;
    }

    bool isFamily(const QString& clientId) const { return familyClientIds.contains(clientId, Qt::CaseInsensitive); }

    // --- URLs ---

    static QString requestBase(const HttpRequest& request, const QUrl& fallback)
    {
        const QString scheme = request.secure ? QStringLiteral("https") : QStringLiteral("http");
        QString host = QString::fromLatin1(request.header("host"));
        static const QString allowed =
            QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]");
        bool valid = !host.isEmpty();
        for (const QChar c : std::as_const(host))
            valid = valid && allowed.contains(c);
        if (!valid)
            return stripSlashes(fallback.toString());
        const QString defaultPort = request.secure ? QStringLiteral(":443") : QStringLiteral(":80");
        if (host.endsWith(defaultPort))
            host.chop(defaultPort.size());
        return scheme + QStringLiteral("://") + host;
    }

    QString authorityBase(const HttpRequest& request) const
    {
        return authorityUrl.isValid() ? stripSlashes(authorityUrl.toString()) : requestBase(request, server.url());
    }

    QString armBase(const HttpRequest& request) const
    {
        return armUrl.isValid() ? stripSlashes(armUrl.toString()) : requestBase(request, server.url());
    }

    // --- Answers ---

    HttpResponse jsonResponse(int status, const Json& body) const
    {
        HttpResponse response = HttpResponse::json(status, QByteArray::fromStdString(body.dump()));
        response.setHeader("Cache-Control", "no-store, no-cache");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("x-ms-request-id", newUuid().toLatin1());
        return response;
    }

    // An error in AAD's JSON shape.
    HttpResponse oauthError(IdpRequestRecord& record, const QString& base, int status, const QString& error, int code,
                            const QString& message, const QString& suberror = {}, const QString& claims = {},
                            const QStringList& additionalInfo = {}) const
    {
        const QString traceId = newUuid();
        const QString correlationId = record.correlationId.isEmpty() ? newUuid() : record.correlationId;
        const QString timestamp = clock->now().toUTC().toString(QStringLiteral("yyyy-MM-dd hh:mm:ss'Z'"));
        // A fault given no code but a message that names one ("AADSTS70016: …") is sent as it is, never as
        // "AADSTS0: AADSTS70016: …".
        const QString words = code != 0 ? QStringLiteral("AADSTS%1: %2").arg(code).arg(message) : message;
        const QString description = QStringLiteral("%1\r\nTrace ID: %2\r\nCorrelation ID: %3\r\nTimestamp: %4")
                                        .arg(words, traceId, correlationId, timestamp);
        Json body = {{"error", s(error)},
                     {"error_description", s(description)},
                     {"error_codes", Json::array({code})},
                     {"timestamp", s(timestamp)},
                     {"trace_id", s(traceId)},
                     {"correlation_id", s(correlationId)},
                     {"error_uri", s(QStringLiteral("%1/error?code=%2").arg(base).arg(code))}};
        if (!suberror.isEmpty())
            body["suberror"] = s(suberror);
        if (!claims.isEmpty())
            body["claims"] = s(claims);
        if (!additionalInfo.isEmpty())
            body["error_additional_info"] = stringArray(additionalInfo);
        record.error = error;
        record.errorCode = code;
        return jsonResponse(status, body);
    }

    HttpResponse armError(IdpRequestRecord& record, int status, const QString& code, const QString& message) const
    {
        record.error = code;
        HttpResponse response = jsonResponse(status, Json{{"error", {{"code", s(code)}, {"message", s(message)}}}});
        response.setHeader("x-ms-correlation-request-id", newUuid().toLatin1());
        return response;
    }

    HttpResponse missingParameter(IdpRequestRecord& record, const QString& base, const QString& name) const
    {
        return oauthError(record, base, 400, QStringLiteral("invalid_request"), 900144,
                          QStringLiteral("The request body must contain the following parameter: '%1'.").arg(name));
    }

    HttpResponse unknownTenant(IdpRequestRecord& record, const QString& base, const QString& segment,
                               const QString& error = QStringLiteral("invalid_tenant")) const
    {
        return oauthError(record, base, 400, error, 90002,
                          QStringLiteral("Tenant '%1' not found. Check to make sure you have the correct tenant ID "
                                         "and are signing into the correct cloud.")
                              .arg(segment));
    }

    static bool isArmEndpoint(IdpEndpoint endpoint)
    {
        return endpoint == IdpEndpoint::ArmTenants || endpoint == IdpEndpoint::ArmSubscriptions;
    }

    static bool isPageEndpoint(IdpEndpoint endpoint)
    {
        return endpoint == IdpEndpoint::Authorize || endpoint == IdpEndpoint::DeviceLogin;
    }

    // --- Faults ---

    std::optional<IdpFault> takeFault(const IdpRequestRecord& record)
    {
        for (int i = 0; i < faults.size(); ++i) {
            IdpFault& fault = faults[i];
            if (fault.endpoint != IdpEndpoint::Any && fault.endpoint != record.endpoint)
                continue;
            if (!fault.grantType.isEmpty() && fault.grantType != record.grantType)
                continue;
            if (!fault.tenant.isEmpty()) {
                const TenantRef ref = resolveTenant(record.tenant);
                if (fault.tenant.compare(record.tenant, Qt::CaseInsensitive) != 0 &&
                    fault.tenant.compare(ref.id, Qt::CaseInsensitive) != 0 &&
                    (record.issuedTenant.isEmpty() ||
                     fault.tenant.compare(record.issuedTenant, Qt::CaseInsensitive) != 0))
                    continue;
            }
            const IdpFault taken = fault;
            if (fault.times > 0 && --fault.times == 0)
                faults.removeAt(i);
            return taken;
        }
        return std::nullopt;
    }

    HttpResponse faultResponse(const IdpFault& fault, IdpRequestRecord& record, const QString& base) const
    {
        switch (fault.kind) {
        case IdpFault::Kind::HttpError:
            record.fault = QStringLiteral("http-%1").arg(fault.httpStatus);
            if (isArmEndpoint(record.endpoint))
                return armError(record, fault.httpStatus, QStringLiteral("InternalServerError"),
                                QStringLiteral("Encountered internal server error. Diagnostic information: "
                                               "tracking id '%1'.")
                                    .arg(newUuid()));
            if (isPageEndpoint(record.endpoint))
                return page(fault.httpStatus, QStringLiteral("Error"),
                            QStringLiteral("<h1>Something went wrong</h1><p>HTTP %1</p>").arg(fault.httpStatus));
            return oauthError(record, base, fault.httpStatus, QStringLiteral("server_error"), 50000,
                              QStringLiteral("There was an error issuing a token or an issue with our sign-in "
                                             "service. Please try again in a few moments."));
        case IdpFault::Kind::TooManyRequests: {
            record.fault = QStringLiteral("http-429");
            HttpResponse response =
                isArmEndpoint(record.endpoint)
                    ? armError(record, 429, QStringLiteral("TooManyRequests"),
                               QStringLiteral("The request is being throttled as the limit has been reached."))
                    : oauthError(record, base, 429, QStringLiteral("temporarily_unavailable"), 50196,
                                 QStringLiteral("The server terminated an operation because it encountered a "
                                                "client request loop. Please contact your app vendor."));
            response.setHeader("Retry-After", fault.retryAfter.isEmpty() ? QByteArray::number(fault.retryAfterSecs)
                                                                         : fault.retryAfter);
            return response;
        }
        case IdpFault::Kind::Answer: {
            record.fault = QStringLiteral("answer-%1").arg(fault.httpStatus);
            HttpResponse response = HttpResponse::text(fault.httpStatus, fault.body);
            for (const auto& [name, value] : fault.headers)
                response.setHeader(name, value);
            return response;
        }
        case IdpFault::Kind::Drip:
            record.fault = QStringLiteral("drip");
            return {};
        case IdpFault::Kind::GarbageJson:
            record.fault = QStringLiteral("garbage-json");
            return HttpResponse::json(fault.httpStatus, "{\"token_type\": \"Bearer\", \"access_token\": <html>");
        case IdpFault::Kind::OAuthError:
            record.fault = QStringLiteral("oauth-error");
            return oauthError(record, base, fault.httpStatus, fault.error, fault.errorCode,
                              fault.message.isEmpty() ? QStringLiteral("Injected by the test identity provider.")
                                                      : fault.message,
                              fault.suberror, fault.claims);
        case IdpFault::Kind::Hang:
            record.fault = QStringLiteral("hang");
            return {};
        case IdpFault::Kind::Drop:
            record.fault = QStringLiteral("drop");
            return {};
        }
        return {};
    }

    // --- Tokens ---

    QStringList grantedScopes(const Scopes& scopes) const
    {
        QStringList granted;
        for (const QString& scope : scopes.resourceScopes) {
            if (scope.endsWith(QLatin1String("/.default"))) {
                const QStringList permissions = defaultScopeGrants.value(scopes.resource);
                for (const QString& permission : permissions)
                    granted.append(scopes.resource + u'/' + permission);
            }
            granted.append(scope);
        }
        return granted;
    }

    static QString scpClaim(const Scopes& scopes, const QStringList& granted)
    {
        QStringList names;
        for (const QString& scope : granted) {
            const QString name = scope.mid(scopes.resource.size() + 1);
            if (name != QLatin1String(".default"))
                names.append(name);
        }
        return names.isEmpty() ? QStringLiteral("user_impersonation") : names.join(u' ');
    }

    static QString pairwiseSubject(const QString& objectId, const QString& clientId)
    {
        return QString::fromLatin1(jwt::base64UrlEncode(
            QCryptographicHash::hash((objectId + u'|' + clientId).toUtf8(), QCryptographicHash::Sha256)));
    }

    QString newRefreshToken(const IdpUser& u, const QString& clientId, const QSet<QString>& mfaTenants)
    {
        const QString token = QStringLiteral("1.TestIdp.") + randomToken(72);
        RefreshToken record;
        record.objectId = u.objectId;
        record.clientId = clientId;
        record.family = isFamily(clientId);
        record.mfaTenants = mfaTenants;
        refreshTokens.insert(token, record);
        return token;
    }

    struct Issue
    {
        const IdpUser* user = nullptr;
        QString tenantId;
        QString clientId;
        Scopes scopes;
        QString nonce;
        QSet<QString> mfaTenants;
        bool clientInfo = false;
        bool cp1 = false;          // the client announced the CP1 capability (CAE) in "claims"
        QString reuseRefreshToken; // RefreshTokenRotation::Reuse
    };

    Json issueUserTokens(const Issue& issue, const QString& base, IdpRequestRecord& record)
    {
        const IdpUser& u = *issue.user;
        const qint64 iat = now();
        const qint64 exp = iat + accessTokenLifetime;
        const QStringList granted = grantedScopes(issue.scopes);
        const QString name = u.displayName.isEmpty() ? u.userPrincipalName : u.displayName;
        const bool mfa = issue.mfaTenants.contains(issue.tenantId);

        Json at = {{"aud", s(issue.scopes.resource)},
                   {"iss", s(QStringLiteral("https://sts.windows.net/%1/").arg(issue.tenantId))},
                   {"iat", iat},
                   {"nbf", iat},
                   {"exp", exp},
                   {"acr", "1"},
                   {"amr", mfa ? Json::array({"pwd", "mfa"}) : Json::array({"pwd"})},
                   {"appid", s(issue.clientId)},
                   {"appidacr", "0"},
                   {"idtyp", "user"},
                   {"ipaddr", "127.0.0.1"},
                   {"name", s(name)},
                   {"oid", s(u.objectId)},
                   {"preferred_username", s(u.userPrincipalName)},
                   {"rh", "0.TestIdp."},
                   {"scp", s(scpClaim(issue.scopes, granted))},
                   {"sub", s(pairwiseSubject(u.objectId, issue.scopes.resource))},
                   {"tid", s(issue.tenantId)},
                   {"unique_name", s(u.userPrincipalName)},
                   {"upn", s(u.userPrincipalName)},
                   {"uti", s(randomToken(16))},
                   {"ver", "1.0"}};
        if (u.homeTenantId.compare(issue.tenantId, Qt::CaseInsensitive) != 0)
            at["idp"] = s(QStringLiteral("https://sts.windows.net/%1/").arg(u.homeTenantId));
        if (issue.cp1)
            at["xms_cc"] = Json::array({"CP1"});
        const QString accessToken = unsignedJwt(at);

        IdpAccessToken info;
        info.objectId = u.objectId;
        info.tenantId = issue.tenantId;
        info.clientId = issue.clientId;
        info.audience = issue.scopes.resource;
        info.scopes = granted;
        info.expiresOn = QDateTime::fromSecsSinceEpoch(exp, Qt::UTC);
        accessTokens.insert(accessToken, info);

        Json response = {{"token_type", "Bearer"},
                         {"scope", s(granted.join(u' '))},
                         {"expires_in", accessTokenLifetime},
                         {"ext_expires_in", accessTokenLifetime},
                         {"access_token", s(accessToken)}};
        if (issue.scopes.offlineAccess) {
            response["refresh_token"] =
                s(issue.reuseRefreshToken.isEmpty() ? newRefreshToken(u, issue.clientId, issue.mfaTenants)
                                                    : issue.reuseRefreshToken);
            if (isFamily(issue.clientId))
                response["foci"] = "1";
        }
        if (issue.scopes.openid) {
            Json id = {{"aud", s(issue.clientId)},
                       {"iss", s(QStringLiteral("%1/%2/v2.0").arg(base, issue.tenantId))},
                       {"iat", iat},
                       {"nbf", iat},
                       {"exp", iat + kIdTokenLifetimeSecs},
                       {"name", s(name)}};
            if (!issue.nonce.isEmpty())
                id["nonce"] = s(issue.nonce);
            id["oid"] = s(u.objectId);
            id["preferred_username"] = s(u.userPrincipalName);
            id["rh"] = "0.TestIdp.";
            id["sub"] = s(pairwiseSubject(u.objectId, issue.clientId));
            id["tid"] = s(issue.tenantId);
            id["uti"] = s(randomToken(16));
            id["ver"] = "2.0";
            response["id_token"] = s(unsignedJwt(id));
        }
        if (issue.clientInfo)
            response["client_info"] = s(clientInfo(u));
        record.user = u.userPrincipalName;
        record.issuedTenant = issue.tenantId;
        return response;
    }

    static QString clientInfo(const IdpUser& u)
    {
        const Json info = {{"uid", s(u.objectId)}, {"utid", s(u.homeTenantId)}};
        return QString::fromLatin1(jwt::base64UrlEncode(QByteArray::fromStdString(info.dump())));
    }

    // The tenant tokens are issued for: the one in the path, or the user's home tenant.
    static QString issuedTenant(const TenantRef& ref, const IdpUser& u)
    {
        return ref.kind == TenantKind::Specific ? ref.id : u.homeTenantId;
    }

    HttpResponse notMember(IdpRequestRecord& record, const QString& base, const IdpUser& u, const QString& tenantId,
                           const QString& clientId) const
    {
        const IdpTenant* t = tenant(tenantId);
        return oauthError(record, base, 400, QStringLiteral("invalid_grant"), 50020,
                          QStringLiteral("User account '%1' from identity provider 'https://sts.windows.net/%2/' "
                                         "does not exist in tenant '%3' and cannot access the application '%4' "
                                         "in that tenant.")
                              .arg(u.userPrincipalName, u.homeTenantId, t ? t->displayName : tenantId, clientId));
    }

    static bool wantsCp1(const FormFields& form) { return form.value(QStringLiteral("claims")).contains(u"CP1"); }

    // --- Endpoints ---

    HttpResponse openIdConfiguration(const HttpRequest& request, IdpRequestRecord& record, const QString& segment)
    {
        const QString base = authorityBase(request);
        const TenantRef ref = resolveTenant(segment);
        if (ref.kind == TenantKind::Unknown)
            return unknownTenant(record, base, segment);
        const QString path = ref.kind == TenantKind::Specific ? ref.id : segment.toLower();
        const QString issuerTenant = ref.kind == TenantKind::Specific ? ref.id : QStringLiteral("{tenantid}");
        const QString root = base + u'/' + path;
        Json config = {
            {"token_endpoint", s(root + QStringLiteral("/oauth2/v2.0/token"))},
            {"token_endpoint_auth_methods_supported", {"client_secret_post", "private_key_jwt", "client_secret_basic"}},
            {"jwks_uri", s(root + QStringLiteral("/discovery/v2.0/keys"))},
            {"response_modes_supported", {"query", "fragment", "form_post"}},
            {"subject_types_supported", {"pairwise"}},
            {"id_token_signing_alg_values_supported", {"RS256"}},
            {"response_types_supported", {"code", "id_token", "code id_token", "id_token token"}},
            {"scopes_supported", {"openid", "profile", "email", "offline_access"}},
            {"issuer", s(base + u'/' + issuerTenant + QStringLiteral("/v2.0"))},
            {"request_uri_parameter_supported", false},
            {"userinfo_endpoint", "https://graph.microsoft.com/oidc/userinfo"},
            {"authorization_endpoint", s(root + QStringLiteral("/oauth2/v2.0/authorize"))},
            {"device_authorization_endpoint",
             s(deviceAuthorizationEndpoint.isEmpty() ? root + QStringLiteral("/oauth2/v2.0/devicecode")
                                                     : deviceAuthorizationEndpoint.toString())},
            {"http_logout_supported", true},
            {"frontchannel_logout_supported", true},
            {"end_session_endpoint", s(root + QStringLiteral("/oauth2/v2.0/logout"))},
            {"claims_supported",
             {"sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name", "msgraph_host",
              "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash",
              "c_hash", "email"}},
            {"tenant_region_scope", nullptr},
            {"cloud_instance_name", "microsoftonline.com"},
            {"cloud_graph_host_name", "graph.windows.net"},
            {"msgraph_host", "graph.microsoft.com"},
            {"rbac_url", "https://pas.windows.net"}};
        return jsonResponse(200, config);
    }

    HttpResponse instanceDiscovery(const HttpRequest& request, IdpRequestRecord& record)
    {
        const QString base = authorityBase(request);
        const QUrl own(base);
        Json metadata = Json::array();
        metadata.push_back(
            {{"preferred_network", "login.microsoftonline.com"},
             {"preferred_cache", "login.windows.net"},
             {"aliases",
              {"login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"}}});
        metadata.push_back({{"preferred_network", "login.partner.microsoftonline.cn"},
                            {"preferred_cache", "login.partner.microsoftonline.cn"},
                            {"aliases", {"login.partner.microsoftonline.cn", "login.chinacloudapi.cn"}}});
        metadata.push_back({{"preferred_network", "login.microsoftonline.de"},
                            {"preferred_cache", "login.microsoftonline.de"},
                            {"aliases", {"login.microsoftonline.de"}}});
        metadata.push_back({{"preferred_network", "login.microsoftonline.us"},
                            {"preferred_cache", "login.microsoftonline.us"},
                            {"aliases", {"login.microsoftonline.us", "login.usgovcloudapi.net"}}});
        metadata.push_back({{"preferred_network", "login-us.microsoftonline.com"},
                            {"preferred_cache", "login-us.microsoftonline.com"},
                            {"aliases", {"login-us.microsoftonline.com"}}});
        const QString ownHost = own.port() > 0 ? QStringLiteral("%1:%2").arg(own.host()).arg(own.port()) : own.host();
        QStringList known;
        for (const Json& entry : metadata) {
            for (const Json& alias : entry["aliases"])
                known.append(toQString(alias));
        }
        if (!known.contains(ownHost)) {
            metadata.push_back(
                {{"preferred_network", s(ownHost)}, {"preferred_cache", s(ownHost)}, {"aliases", {s(ownHost)}}});
            known.append(ownHost);
        }

        const FormFields query = request.query();
        QUrl endpoint(query.value(QStringLiteral("authorization_endpoint")));
        if (!endpoint.isValid() || endpoint.host().isEmpty())
            endpoint = QUrl(base + QStringLiteral("/common/oauth2/authorize"));
        const QString host =
            endpoint.port() > 0 ? QStringLiteral("%1:%2").arg(endpoint.host()).arg(endpoint.port()) : endpoint.host();
        if (!known.contains(host.toLower()))
            return oauthError(record, base, 400, QStringLiteral("invalid_instance"), 50049,
                              QStringLiteral("Unknown or invalid instance."));
        const QStringList segments = endpoint.path().split(u'/', Qt::SkipEmptyParts);
        const QString tenantSegment = segments.isEmpty() ? QStringLiteral("common") : segments.first();
        const QString scheme = endpoint.scheme().isEmpty() ? QStringLiteral("https") : endpoint.scheme();
        const Json body = {
            {"tenant_discovery_endpoint",
             s(QStringLiteral("%1://%2/%3/v2.0/.well-known/openid-configuration").arg(scheme, host, tenantSegment))},
            {"api-version", query.contains(QStringLiteral("api-version"))
                                ? s(query.value(QStringLiteral("api-version")))
                                : std::string("1.1")},
            {"metadata", metadata}};
        return jsonResponse(200, body);
    }

    // Sign-in pages and the authorization code flow.

    static AuthorizeParams authorizeParams(const QString& tenantSegment, const FormFields& query)
    {
        AuthorizeParams params;
        params.tenantSegment = tenantSegment;
        params.clientId = query.value(QStringLiteral("client_id"));
        params.redirectUri = query.value(QStringLiteral("redirect_uri"));
        params.responseType = query.value(QStringLiteral("response_type"));
        params.scope = query.value(QStringLiteral("scope"));
        params.state = query.value(QStringLiteral("state"));
        params.nonce = query.value(QStringLiteral("nonce"));
        params.codeChallenge = query.value(QStringLiteral("code_challenge"));
        params.codeChallengeMethod = query.value(QStringLiteral("code_challenge_method"));
        params.loginHint = query.value(QStringLiteral("login_hint"));
        params.claims = query.value(QStringLiteral("claims"));
        return params;
    }

    static bool isAllowedRedirectUri(const QString& text)
    {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.hasFragment())
            return false;
        const QString host = url.host().toLower();
        const bool loopback = host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1");
        if (loopback && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")))
            return true; // AAD ignores the port of loopback redirect URIs
        return text == QLatin1String("https://login.microsoftonline.com/common/oauth2/nativeclient") ||
               text.startsWith(QLatin1String("ms-appx-web://"));
    }

    // Problems AAD shows on its own page instead of redirecting (it cannot trust the redirect URI).
    QString authorizePageError(const AuthorizeParams& params) const
    {
        if (params.clientId.isEmpty())
            return QStringLiteral("AADSTS900144: The request body must contain the following parameter: 'client_id'.");
        if (params.redirectUri.isEmpty() || !isAllowedRedirectUri(params.redirectUri))
            return QStringLiteral("AADSTS50011: The redirect URI '%1' specified in the request does not match the "
                                  "redirect URIs configured for the application '%2'.")
                .arg(params.redirectUri, params.clientId);
        if (resolveTenant(params.tenantSegment).kind == TenantKind::Unknown)
            return QStringLiteral("AADSTS90002: Tenant '%1' not found.").arg(params.tenantSegment);
        return {};
    }

    // Problems AAD redirects with as error=...
    static std::pair<QString, QString> authorizeRedirectError(const AuthorizeParams& params)
    {
        if (params.responseType != QLatin1String("code"))
            return {QStringLiteral("unsupported_response_type"),
                    QStringLiteral("AADSTS700054: response_type '%1' is not enabled for the application.")
                        .arg(params.responseType)};
        if (params.scope.isEmpty())
            return {QStringLiteral("invalid_request"),
                    QStringLiteral("AADSTS900144: The request body must contain the following parameter: 'scope'.")};
        if (!params.codeChallenge.isEmpty() && !params.codeChallengeMethod.isEmpty() &&
            params.codeChallengeMethod != QLatin1String("S256") && params.codeChallengeMethod != QLatin1String("plain"))
            return {QStringLiteral("invalid_request"), QStringLiteral("AADSTS501471: Invalid code_challenge_method.")};
        if (!parseScopes(params.scope))
            return {QStringLiteral("invalid_scope"),
                    QStringLiteral("AADSTS70011: The provided value for the input parameter 'scope' is not valid. "
                                   "Scopes for more than one resource were requested.")};
        return {};
    }

    // Form-encoded as login.microsoftonline.com does it: "error_description=AADSTS65004%3a+User+declined+...",
    // '+' for each space, which QUrlQuery does not decode.
    static QString redirectTo(const AuthorizeParams& params, const FormFields& fields)
    {
        const QString separator = params.redirectUri.contains(u'?') ? QStringLiteral("&") : QStringLiteral("?");
        return params.redirectUri + separator + QString::fromLatin1(fields.toEncoded());
    }

    static QString errorRedirect(const AuthorizeParams& params, const QString& error, const QString& description)
    {
        FormFields fields;
        fields.add(QStringLiteral("error"), error);
        fields.add(QStringLiteral("error_description"), description);
        if (!params.state.isEmpty())
            fields.add(QStringLiteral("state"), params.state);
        return redirectTo(params, fields);
    }

    struct SignIn
    {
        QString location;  // where the browser goes next
        QString pageError; // or: stay on the page and show this
    };

    // What happens when the user picks `username` on the sign-in page (empty: Cancel).
    SignIn signIn(const AuthorizeParams& params, const QString& username, IdpRequestRecord& record)
    {
        SignIn result;
        if (!params.claims.isEmpty() && !username.isEmpty())
            armClaimsChallenges.remove(params.tenantSegment); // the session now meets the challenge
        if (username.isEmpty()) {
            result.location = errorRedirect(params, QStringLiteral("access_denied"),
                                            QStringLiteral("AADSTS65004: User declined to consent to access the app."));
            record.error = QStringLiteral("access_denied");
            return result;
        }
        const IdpUser* u = user(username);
        if (!u) {
            result.pageError = QStringLiteral("We couldn't find an account with that username.");
            return result;
        }
        const TenantRef ref = resolveTenant(params.tenantSegment);
        const QString tenantId = issuedTenant(ref, *u);
        if (!isMember(*u, tenantId)) {
            const IdpTenant* t = tenant(tenantId);
            result.pageError = QStringLiteral("AADSTS50020: User account '%1' from identity provider "
                                              "'https://sts.windows.net/%2/' does not exist in tenant '%3'.")
                                   .arg(u->userPrincipalName, u->homeTenantId, t ? t->displayName : tenantId);
            return result;
        }
        record.user = u->userPrincipalName;
        if (!authorizeError.isEmpty()) {
            result.location = errorRedirect(params, authorizeError,
                                            authorizeErrorDescription.isEmpty()
                                                ? QStringLiteral("AADSTS50105: The signed in user is not assigned "
                                                                 "to a role for the application.")
                                                : authorizeErrorDescription);
            record.error = authorizeError;
            return result;
        }
        const QString code = QStringLiteral("1.TestIdpCode.") + randomToken(48);
        AuthCode issued;
        issued.params = params;
        issued.objectId = u->objectId;
        issued.issuedAt = now();
        codes.insert(code, issued);
        FormFields fields;
        fields.add(QStringLiteral("code"), code);
        fields.add(QStringLiteral("client_info"), clientInfo(*u));
        if (!params.state.isEmpty())
            fields.add(QStringLiteral("state"), params.state);
        fields.add(QStringLiteral("session_state"), newUuid());
        result.location = redirectTo(params, fields);
        return result;
    }

    HttpResponse signInPage(const QString& flowId, const AuthorizeParams& params, const QString& error,
                            const QString& typed) const
    {
        QString prefill = typed.isEmpty() ? params.loginHint : typed;
        if (prefill.isEmpty() && users.size() == 1)
            prefill = users.first().userPrincipalName;
        QString accounts;
        for (int i = 0; i < users.size(); ++i) {
            const IdpUser& u = users.at(i);
            accounts += QStringLiteral("<button type=\"submit\" name=\"account\" value=\"%1\" id=\"account-%2\" "
                                       "formnovalidate>%3 <small>%1</small></button>\n")
                            .arg(html(u.userPrincipalName))
                            .arg(i)
                            .arg(html(u.displayName.isEmpty() ? u.userPrincipalName : u.displayName));
        }
        const QString body =
            QStringLiteral(
                "<h1>Sign in</h1>\n<p>to continue to <span id=\"client\">%1</span></p>\n%2"
                "<form id=\"signin\" method=\"post\" action=\"/%3/oauth2/v2.0/authorize\">\n"
                "<input type=\"hidden\" name=\"flow\" value=\"%4\">\n"
                "<label for=\"username\">Email, phone, or Skype</label>\n"
                "<input type=\"text\" id=\"username\" name=\"username\" value=\"%5\" autocomplete=\"username\">\n"
                "<button type=\"submit\" id=\"next\" name=\"action\" value=\"signin\">Sign in</button>\n"
                "<button type=\"submit\" id=\"cancel\" name=\"action\" value=\"cancel\" formnovalidate>"
                "Cancel</button>\n"
                "<p>Pick an account:</p><div class=\"accounts\">\n%6</div>\n</form>")
                .arg(html(params.clientId),
                     error.isEmpty() ? QString()
                                     : QStringLiteral("<p class=\"error\" id=\"error\">%1</p>\n").arg(html(error)),
                     html(params.tenantSegment), html(flowId), html(prefill), accounts);
        return page(200, QStringLiteral("Sign in to your account"), body);
    }

    HttpResponse authorize(const HttpRequest& request, IdpRequestRecord& record, const QString& segment)
    {
        AuthorizeParams params;
        QString flowId;
        QString username;
        bool submitted = false;
        if (request.method == "GET") {
            const FormFields query = request.query();
            params = authorizeParams(segment, query);
            record.hasClaims = !params.claims.isEmpty();
            // Test shortcut: sign in at once, as if the user had picked this account on the page.
            if (query.contains(QStringLiteral("test_idp_user"))) {
                username = query.value(QStringLiteral("test_idp_user"));
                submitted = true;
            } else if (!autoSignInUser.isEmpty()) {
                username = autoSignInUser;
                submitted = true;
            }
        } else if (request.method == "POST") {
            const FormFields form = request.form();
            flowId = form.value(QStringLiteral("flow"));
            if (!flows.contains(flowId)) {
                record.error = QStringLiteral("invalid_request");
                return page(400, QStringLiteral("Sign in"),
                            QStringLiteral("<h1>Sorry, but we're having trouble signing you in.</h1>"
                                           "<p class=\"error\" id=\"error\">This sign-in request is unknown or "
                                           "was already completed.</p>"));
            }
            params = flows.value(flowId);
            record.hasClaims = !params.claims.isEmpty();
            submitted = true;
            if (form.value(QStringLiteral("action")) != QLatin1String("cancel"))
                username = form.contains(QStringLiteral("account")) ? form.value(QStringLiteral("account"))
                                                                    : form.value(QStringLiteral("username")).trimmed();
            if (username.isEmpty() && form.value(QStringLiteral("action")) != QLatin1String("cancel"))
                return signInPage(flowId, params,
                                  QStringLiteral("Enter a valid email address, phone number, or "
                                                 "Skype name."),
                                  {});
        } else {
            record.error = QStringLiteral("method_not_allowed");
            return HttpResponse::text(405, "Method Not Allowed\n");
        }
        record.clientId = params.clientId;

        const QString pageError = authorizePageError(params);
        if (!pageError.isEmpty()) {
            record.error = QStringLiteral("invalid_request");
            return page(400, QStringLiteral("Sign in"),
                        QStringLiteral("<h1>Sorry, but we're having trouble signing you in.</h1>"
                                       "<p class=\"error\" id=\"error\">%1</p>")
                            .arg(html(pageError)));
        }
        const auto [redirectError, redirectDescription] = authorizeRedirectError(params);
        if (!redirectError.isEmpty()) {
            record.error = redirectError;
            return HttpResponse::redirect(errorRedirect(params, redirectError, redirectDescription).toUtf8());
        }
        if (!submitted) {
            flowId = randomToken(18);
            flows.insert(flowId, params);
            return signInPage(flowId, params, {}, {});
        }
        const SignIn result = signIn(params, username, record);
        if (!result.pageError.isEmpty()) {
            if (flowId.isEmpty()) {
                flowId = randomToken(18);
                flows.insert(flowId, params);
            }
            record.error = QStringLiteral("sign_in_failed");
            return signInPage(flowId, params, result.pageError, username);
        }
        flows.remove(flowId);
        return HttpResponse::redirect(result.location.toUtf8());
    }

    // Device code flow.

    HttpResponse deviceCodeEndpoint(const HttpRequest& request, IdpRequestRecord& record, const QString& segment)
    {
        const QString base = authorityBase(request);
        if (request.method != "POST")
            return oauthError(record, base, 400, QStringLiteral("invalid_request"), 900561,
                              QStringLiteral("The endpoint only accepts POST requests."));
        const FormFields form = request.form();
        record.clientId = form.value(QStringLiteral("client_id"));
        record.hasClaims = form.contains(QStringLiteral("claims"));
        if (resolveTenant(segment).kind == TenantKind::Unknown)
            return unknownTenant(record, base, segment, QStringLiteral("invalid_request"));
        if (record.clientId.isEmpty())
            return missingParameter(record, base, QStringLiteral("client_id"));
        if (!form.contains(QStringLiteral("scope")))
            return missingParameter(record, base, QStringLiteral("scope"));
        if (!parseScopes(form.value(QStringLiteral("scope"))))
            return oauthError(record, base, 400, QStringLiteral("invalid_scope"), 70011,
                              QStringLiteral("The provided value for the input parameter 'scope' is not valid."));
        DeviceCode code;
        code.deviceCode = QStringLiteral("DAQABIQEAAAD.TestIdp.") + randomToken(96);
        code.userCode = randomUserCode();
        code.clientId = record.clientId;
        code.scope = form.value(QStringLiteral("scope"));
        code.tenantSegment = segment;
        code.expiresAt = now() + deviceLifetime;
        code.slowDownPolls = deviceSlowDownPolls;
        deviceCodes.insert(code.deviceCode, code);

        const QString verificationUri =
            deviceVerificationUri.isEmpty() ? base + QStringLiteral("/devicelogin") : deviceVerificationUri.toString();
        Json body = {{"user_code", s(code.userCode)},
                     {"device_code", s(code.deviceCode)},
                     {"verification_uri", s(verificationUri)},
                     {"expires_in", deviceLifetime},
                     {"interval", deviceInterval},
                     {"message", s(QStringLiteral("To sign in, use a web browser to open the page %1 and enter "
                                                  "the code %2 to authenticate.")
                                       .arg(verificationUri, code.userCode))}};
        if (deviceInterval < 0)
            body.erase("interval");
        const QString userCode = code.userCode;
        QTimer::singleShot(0, q, [this, userCode] { emit q->deviceCodeIssued(userCode); });
        return jsonResponse(200, body);
    }

    DeviceCode* deviceCodeByUserCode(const QString& userCode)
    {
        const QString wanted = userCode.trimmed().remove(u'-').toUpper();
        for (auto it = deviceCodes.begin(); it != deviceCodes.end(); ++it) {
            if (it->userCode == wanted)
                return &it.value();
        }
        return nullptr;
    }

    // Approves as the user, if allowed; returns the reason when not.
    QString approve(DeviceCode& code, const QString& username)
    {
        if (code.state != DeviceCode::State::Pending || code.expiresAt <= now())
            return QStringLiteral("This code has expired or was already used.");
        const IdpUser* u = user(username);
        if (!u)
            return QStringLiteral("We couldn't find an account with that username.");
        const QString tenantId = issuedTenant(resolveTenant(code.tenantSegment), *u);
        if (!isMember(*u, tenantId))
            return QStringLiteral("AADSTS50020: User account '%1' does not exist in tenant '%2'.")
                .arg(u->userPrincipalName, tenantId);
        code.state = DeviceCode::State::Approved;
        code.objectId = u->objectId;
        return {};
    }

    HttpResponse deviceLoginPage(const QString& message, bool isError, const QString& code) const
    {
        QString prefill = users.size() == 1 ? users.first().userPrincipalName : QString();
        const QString body =
            QStringLiteral(
                "<h1>Enter code</h1>\n%1"
                "<form id=\"devicelogin\" method=\"post\" action=\"/devicelogin\">\n"
                "<label for=\"otc\">Enter the code displayed on your app or device.</label>\n"
                "<input type=\"text\" id=\"otc\" name=\"otc\" value=\"%2\" autocomplete=\"off\">\n"
                "<label for=\"username\">Account</label>\n"
                "<input type=\"text\" id=\"username\" name=\"username\" value=\"%3\">\n"
                "<button type=\"submit\" id=\"continue\" name=\"action\" value=\"approve\">Continue</button>\n"
                "<button type=\"submit\" id=\"cancel\" name=\"action\" value=\"decline\">Cancel</button>\n"
                "</form>")
                .arg(message.isEmpty()
                         ? QString()
                         : QStringLiteral("<p class=\"%1\" id=\"message\">%2</p>\n")
                               .arg(isError ? QStringLiteral("error") : QStringLiteral("info"), html(message)),
                     html(code), html(prefill));
        return page(200, QStringLiteral("Enter code"), body);
    }

    HttpResponse deviceLogin(const HttpRequest& request, IdpRequestRecord& record)
    {
        if (request.method == "GET")
            return deviceLoginPage({}, false, request.query().value(QStringLiteral("otc")));
        if (request.method != "POST") {
            record.error = QStringLiteral("method_not_allowed");
            return HttpResponse::text(405, "Method Not Allowed\n");
        }
        const FormFields form = request.form();
        const QString userCode = form.value(QStringLiteral("otc"));
        DeviceCode* code = deviceCodeByUserCode(userCode);
        if (!code || code->state != DeviceCode::State::Pending || code->expiresAt <= now()) {
            record.error = QStringLiteral("bad_verification_code");
            return deviceLoginPage(QStringLiteral("That code didn't work. Check the code and try again."), true,
                                   userCode);
        }
        record.clientId = code->clientId;
        if (form.value(QStringLiteral("action")) == QLatin1String("decline")) {
            code->state = DeviceCode::State::Declined;
            record.error = QStringLiteral("authorization_declined");
            return page(200, QStringLiteral("Sign in"),
                        QStringLiteral("<h1>Sign in canceled</h1><p id=\"message\">You have declined to sign in to "
                                       "the application on your device.</p>"));
        }
        const QString username = form.value(QStringLiteral("username")).trimmed();
        const QString problem = approve(*code, username);
        if (!problem.isEmpty()) {
            record.error = QStringLiteral("sign_in_failed");
            return deviceLoginPage(problem, true, userCode);
        }
        record.user = user(username)->userPrincipalName;
        return page(200, QStringLiteral("Sign in"),
                    QStringLiteral("<h1>You're signed in</h1><p id=\"message\">You have signed in to the %1 "
                                   "application on your device. You may now close this window.</p>")
                        .arg(html(code->clientId)));
    }

    // The token endpoint.

    HttpResponse token(const HttpRequest& request, IdpRequestRecord& record, const QString& segment)
    {
        const QString base = authorityBase(request);
        if (request.method != "POST")
            return oauthError(record, base, 400, QStringLiteral("invalid_request"), 900561,
                              QStringLiteral("The endpoint only accepts POST requests."));
        const FormFields form = request.form();
        const TenantRef ref = resolveTenant(segment);
        if (ref.kind == TenantKind::Unknown)
            return unknownTenant(record, base, segment, QStringLiteral("invalid_request"));
        if (record.grantType.isEmpty())
            return missingParameter(record, base, QStringLiteral("grant_type"));
        if (record.clientId.isEmpty())
            return missingParameter(record, base, QStringLiteral("client_id"));
        if (record.grantType == QLatin1String("authorization_code"))
            return authorizationCodeGrant(form, record, ref, base);
        if (record.grantType == QLatin1String("refresh_token"))
            return refreshTokenGrant(form, record, ref, base);
        if (record.grantType == QLatin1String("urn:ietf:params:oauth:grant-type:device_code"))
            return deviceCodeGrant(form, record, base);
        if (record.grantType == QLatin1String("client_credentials"))
            return clientCredentialsGrant(form, record, ref, base);
        return oauthError(record, base, 400, QStringLiteral("unsupported_grant_type"), 70003,
                          QStringLiteral("The app requested an unsupported grant type '%1'.").arg(record.grantType));
    }

    HttpResponse invalidScope(IdpRequestRecord& record, const QString& base) const
    {
        return oauthError(record, base, 400, QStringLiteral("invalid_scope"), 70011,
                          QStringLiteral("The provided value for the input parameter 'scope' is not valid. "
                                         "Scopes for more than one resource were requested."));
    }

    HttpResponse authorizationCodeGrant(const FormFields& form, IdpRequestRecord& record, const TenantRef& ref,
                                        const QString& base)
    {
        const QString code = form.value(QStringLiteral("code"));
        if (code.isEmpty())
            return missingParameter(record, base, QStringLiteral("code"));
        if (!form.contains(QStringLiteral("redirect_uri")))
            return missingParameter(record, base, QStringLiteral("redirect_uri"));
        auto it = codes.find(code);
        if (it == codes.end())
            return oauthError(record, base, 400, QStringLiteral("invalid_grant"), 9002313,
                              QStringLiteral("Invalid request. Request is malformed or invalid."));
        if (it->used)
            return oauthError(record, base, 400, QStringLiteral("invalid_grant"), 54005,
                              QStringLiteral("OAuth2 Authorization code was already redeemed, please retry with a "
                                             "new valid code or use an existing refresh token."));
        it->used = true; // single use, whether this redemption succeeds or not
        const AuthCode grant = *it;
        if (grant.issuedAt + kAuthCodeLifetimeSecs <= now())
            return oauthError(record, base, 400, QStringLiteral("invalid_grant"), 70008,
                              QStringLiteral("The provided authorization code or refresh token has expired due to "
                                             "inactivity. Send a new interactive authorization request for this "
                                             "user and resource."));
        if (grant.params.clientId != record.clientId)
            return oauthError(record, base, 400, QStringLiteral("invalid_grant"), 70000,
                              QStringLiteral("Provided grant is invalid or malformed. The code was issued to "
                                             "another client."));
        if (form.value(QStringLiteral("redirect_uri")) != grant.params.redirectUri)
            return oauthError(record, base, 400, QStringLiteral("invalid_grant"), 500112,
                              QStringLiteral("The reply address '%1' does not match the reply address '%2' "
                                             "provided when requesting Authorization code.")
                                  .arg(form.value(QStringLiteral("redirect_uri")), grant.params.redirectUri));
        if (!grant.params.codeChallenge.isEmpty()) {
            const QString verifier = form.value(QStringLiteral("code_verifier"));
            if (verifier.isEmpty())
                return missingParameter(record, base, QStringLiteral("code_verifier"));
            const bool plain = grant.params.codeChallengeMethod == QLatin1String("plain");
            const QString expected = plain ? verifier
                                           : QString::fromLatin1(jwt::base64UrlEncode(QCryptographicHash::hash(
                                                 verifier.toLatin1(), QCryptographicHash::Sha256)));
            if (expected != grant.params.codeChallenge)
                return oauthError(record, base, 400, QStringLiteral("invalid_grant"), 501481,
                                  QStringLiteral("The Code_Verifier does not match the code_challenge supplied in "
                                                 "the authorization request."));
        }
        const IdpUser* u = user(grant.objectId);
        if (!u)
            return oauthError(record, base, 400, QStringLiteral("invalid_grant"), 50034,
                              QStringLiteral("The user account does not exist in the directory."));
        const QString scopeText =
            form.contains(QStringLiteral("scope")) ? form.value(QStringLiteral("scope")) : grant.params.scope;
        const std::optional<Scopes> scopes = parseScopes(scopeText);
        if (!scopes)
            return invalidScope(record, base);
        Issue issue;
        issue.user = u;
        issue.tenantId = issuedTenant(ref, *u);
        if (!isMember(*u, issue.tenantId))
            return notMember(record, base, *u, issue.tenantId, record.clientId);
        issue.clientId = record.clientId;
        issue.scopes = *scopes;
        issue.nonce = grant.params.nonce;
        issue.mfaTenants = {issue.tenantId}; // an interactive sign-in satisfies MFA
        issue.clientInfo = form.value(QStringLiteral("client_info")) == QLatin1String("1");
        issue.cp1 = wantsCp1(form) || grant.params.claims.contains(u"CP1");
        return jsonResponse(200, issueUserTokens(issue, base, record));
    }

    HttpResponse refreshTokenGrant(const FormFields& form, IdpRequestRecord& record, const TenantRef& ref,
                                   const QString& base)
    {
        const QString refreshToken = form.value(QStringLiteral("refresh_token"));
        if (refreshToken.isEmpty())
            return missingParameter(record, base, QStringLiteral("refresh_token"));
        if (!form.contains(QStringLiteral("scope")))
            return missingParameter(record, base, QStringLiteral("scope"));
        auto it = refreshTokens.find(refreshToken);
        if (it == refreshTokens.end())
            return oauthError(record, base, 400, QStringLiteral("invalid_grant"), 9002313,
                              QStringLiteral("Invalid request. Request is malformed or invalid."));
        const RefreshToken rt = *it;
        const IdpUser* u = user(rt.objectId);
        if (u)
            record.user = u->userPrincipalName;
        if (rt.deadCode == 700082)
            return oauthError(record, base, 400, QStringLiteral("invalid_grant"), 700082,
                              QStringLiteral("The refresh token has expired due to inactivity. The token was issued "
                                             "on %1 and was inactive for 90.00:00:00.")
                                  .arg(clock->now().addDays(-90).toUTC().toString(Qt::ISODate)));
        if (rt.deadCode != 0 || !u)
            return oauthError(record, base, 400, QStringLiteral("invalid_grant"), 50173,
                              QStringLiteral("The provided grant has expired due to it being revoked, a fresh auth "
                                             "token is needed. The user might have changed or reset their password."),
                              QStringLiteral("bad_token"));
        if (rt.clientId != record.clientId && !(rt.family && isFamily(record.clientId)))
            return oauthError(record, base, 400, QStringLiteral("invalid_grant"), 70000,
                              QStringLiteral("Provided grant is invalid or malformed. The refresh token was issued "
                                             "to a different client."),
                              QStringLiteral("client_mismatch"), {}, {QStringLiteral("client_mismatch")});
        const std::optional<Scopes> scopes = parseScopes(form.value(QStringLiteral("scope")));
        if (!scopes)
            return invalidScope(record, base);
        Issue issue;
        issue.user = u;
        issue.tenantId = issuedTenant(ref, *u);
        if (!isMember(*u, issue.tenantId))
            return notMember(record, base, *u, issue.tenantId, record.clientId);
        const IdpTenant* t = tenant(issue.tenantId);
        if (t && t->requiresMfa && !rt.mfaTenants.contains(t->id)) {
            const QString claims =
                t->mfaClaims.isEmpty()
                    ? QStringLiteral("{\"access_token\":{\"capolids\":{\"essential\":true,\"values\":[\"%1\"]}}}")
                          .arg(QUuid::createUuidV5(QUuid(), t->id).toString(QUuid::WithoutBraces))
                    : t->mfaClaims;
            return oauthError(record, base, 400, t->mfaError, t->mfaErrorCode,
                              QStringLiteral("Due to a configuration change made by your administrator, or because "
                                             "you moved to a new location, you must use multi-factor authentication "
                                             "to access '797f4846-ba00-4fd7-ba43-dac1f8f63013'."),
                              t->mfaSuberror, claims);
        }
        issue.clientId = record.clientId;
        issue.scopes = *scopes;
        issue.mfaTenants = rt.mfaTenants;
        issue.clientInfo = form.value(QStringLiteral("client_info")) == QLatin1String("1");
        issue.cp1 = wantsCp1(form);
        if (rotation == RefreshTokenRotation::Reuse)
            issue.reuseRefreshToken = refreshToken;
        const Json response = issueUserTokens(issue, base, record);
        if (rotation == RefreshTokenRotation::RevokeOld && response.contains("refresh_token"))
            refreshTokens[refreshToken].deadCode = 50173;
        return jsonResponse(200, response);
    }

    HttpResponse deviceCodeGrant(const FormFields& form, IdpRequestRecord& record, const QString& base)
    {
        QString deviceCode = form.value(QStringLiteral("device_code"));
        if (deviceCode.isEmpty())
            deviceCode = form.value(QStringLiteral("code"));
        if (deviceCode.isEmpty())
            return missingParameter(record, base, QStringLiteral("device_code"));
        auto it = deviceCodes.find(deviceCode);
        if (it == deviceCodes.end() || it->clientId != record.clientId)
            return oauthError(record, base, 400, QStringLiteral("bad_verification_code"), 70000,
                              QStringLiteral("The provided value for the input parameter 'device_code' is not valid."));
        DeviceCode& code = it.value();
        ++code.polls;
        if (code.state == DeviceCode::State::Pending && !deviceAutoApproveUser.isEmpty() &&
            code.polls > deviceAutoApproveAfterPolls)
            approve(code, deviceAutoApproveUser);
        if (code.state == DeviceCode::State::Pending && code.expiresAt <= now())
            code.state = DeviceCode::State::Expired;
        switch (code.state) {
        case DeviceCode::State::Redeemed:
            return oauthError(record, base, 400, QStringLiteral("invalid_grant"), 54005,
                              QStringLiteral("The device code was already redeemed."));
        case DeviceCode::State::Declined:
            return oauthError(record, base, 400, QStringLiteral("authorization_declined"), 70000,
                              QStringLiteral("The user declined the sign-in request."));
        case DeviceCode::State::Expired:
            return oauthError(record, base, 400, QStringLiteral("expired_token"), 70019,
                              QStringLiteral("Verification code expired."));
        case DeviceCode::State::Pending:
        case DeviceCode::State::Approved:
            break;
        }
        if (code.slowDownPolls > 0) {
            --code.slowDownPolls;
            return oauthError(record, base, 400, QStringLiteral("slow_down"), 70016,
                              QStringLiteral("OAuth 2.0 device flow error. Polling too fast; slow down."));
        }
        if (code.state == DeviceCode::State::Pending)
            return oauthError(
                record, base, 400, QStringLiteral("authorization_pending"), 70016,
                QStringLiteral("OAuth 2.0 device flow error. Authorization is pending. Continue polling."));
        const IdpUser* u = user(code.objectId);
        const std::optional<Scopes> scopes = parseScopes(code.scope);
        if (!u || !scopes)
            return invalidScope(record, base);
        code.state = DeviceCode::State::Redeemed;
        Issue issue;
        issue.user = u;
        issue.tenantId = issuedTenant(resolveTenant(code.tenantSegment), *u);
        issue.clientId = record.clientId;
        issue.scopes = *scopes;
        issue.mfaTenants = {issue.tenantId};
        issue.clientInfo = form.value(QStringLiteral("client_info")) == QLatin1String("1");
        issue.cp1 = wantsCp1(form);
        return jsonResponse(200, issueUserTokens(issue, base, record));
    }

    HttpResponse clientCredentialsGrant(const FormFields& form, IdpRequestRecord& record, const TenantRef& ref,
                                        const QString& base)
    {
        const ConfidentialClient* client = nullptr;
        for (const ConfidentialClient& c : clients) {
            if (c.clientId == record.clientId)
                client = &c;
        }
        if (ref.kind != TenantKind::Specific)
            return oauthError(
                record, base, 400, QStringLiteral("invalid_request"), 90133,
                QStringLiteral("Client credentials need a tenant id or domain, not '%1'.").arg(ref.segment));
        if (!client || client->tenantId.compare(ref.id, Qt::CaseInsensitive) != 0)
            return oauthError(record, base, 400, QStringLiteral("unauthorized_client"), 700016,
                              QStringLiteral("Application with identifier '%1' was not found in the directory '%2'.")
                                  .arg(record.clientId, ref.id));
        if (form.value(QStringLiteral("client_secret")) != client->secret)
            return oauthError(record, base, 401, QStringLiteral("invalid_client"), 7000215,
                              QStringLiteral("Invalid client secret provided. Ensure the secret being sent in the "
                                             "request is the client secret value, not the client secret ID, for a "
                                             "secret added to app '%1'.")
                                  .arg(record.clientId));
        const QString scope = form.value(QStringLiteral("scope"));
        const std::optional<Scopes> scopes = parseScopes(scope);
        if (!scopes || scopes->resourceScopes.size() != 1 || !scope.endsWith(QLatin1String("/.default")))
            return oauthError(record, base, 400, QStringLiteral("invalid_scope"), 1002012,
                              QStringLiteral("The provided value for scope %1 is not valid. Client credential flows "
                                             "must have a scope value with /.default suffixed to the resource "
                                             "identifier (application ID URI).")
                                  .arg(scope));
        const qint64 iat = now();
        const qint64 exp = iat + accessTokenLifetime;
        const Json at = {{"aud", s(scopes->resource)},
                         {"iss", s(QStringLiteral("https://sts.windows.net/%1/").arg(ref.id))},
                         {"iat", iat},
                         {"nbf", iat},
                         {"exp", exp},
                         {"appid", s(client->clientId)},
                         {"appidacr", "1"},
                         {"idp", s(QStringLiteral("https://sts.windows.net/%1/").arg(ref.id))},
                         {"idtyp", "app"},
                         {"oid", s(client->objectId)},
                         {"rh", "0.TestIdp."},
                         {"sub", s(client->objectId)},
                         {"tid", s(ref.id)},
                         {"uti", s(randomToken(16))},
                         {"ver", "1.0"}};
        const QString accessToken = unsignedJwt(at);
        IdpAccessToken info;
        info.objectId = client->objectId;
        info.tenantId = ref.id;
        info.clientId = client->clientId;
        info.audience = scopes->resource;
        info.scopes = scopes->resourceScopes;
        info.expiresOn = QDateTime::fromSecsSinceEpoch(exp, Qt::UTC);
        info.appOnly = true;
        accessTokens.insert(accessToken, info);
        record.issuedTenant = ref.id;
        return jsonResponse(200, Json{{"token_type", "Bearer"},
                                      {"expires_in", accessTokenLifetime},
                                      {"ext_expires_in", accessTokenLifetime},
                                      {"access_token", s(accessToken)}});
    }

    // Azure Resource Manager.

    std::optional<HttpResponse> checkArmToken(const HttpRequest& request, IdpRequestRecord& record,
                                              IdpAccessToken* info) const
    {
        const QString base = authorityBase(request);
        auto unauthorized = [&](const QString& code, const QString& message, const QString& tenantId) {
            HttpResponse response = armError(record, 401, code, message);
            response.setHeader("WWW-Authenticate",
                               QStringLiteral("Bearer authorization_uri=\"%1/%2\", error=\"invalid_token\", "
                                              "error_description=\"%3\"")
                                   .arg(base, tenantId.isEmpty() ? QStringLiteral("common") : tenantId, message)
                                   .toUtf8());
            return response;
        };
        const QByteArray header = request.header("authorization");
        if (header.isEmpty())
            return unauthorized(QStringLiteral("AuthenticationFailed"),
                                QStringLiteral("Authentication failed. The 'Authorization' header is missing."), {});
        if (!header.toLower().startsWith("bearer "))
            return unauthorized(QStringLiteral("AuthenticationFailed"),
                                QStringLiteral("Authentication failed. The 'Authorization' header is provided in an "
                                               "invalid format."),
                                {});
        const QString token = QString::fromLatin1(header.mid(7).trimmed());
        const auto it = accessTokens.constFind(token);
        if (it == accessTokens.constEnd())
            return unauthorized(QStringLiteral("InvalidAuthenticationToken"),
                                QStringLiteral("The access token is invalid."), {});
        const QString audience = stripSlashes(it->audience);
        bool armAudience = kArmAudiences.contains(audience);
        if (armUrl.isValid())
            armAudience = armAudience || audience == stripSlashes(armUrl.toString());
        if (!armAudience)
            return unauthorized(
                QStringLiteral("InvalidAuthenticationTokenAudience"),
                QStringLiteral("The access token has been obtained for wrong audience or resource "
                               "'%1'. It should exactly match with one of the allowed audiences "
                               "'https://management.core.windows.net/','https://management.azure.com/'.")
                    .arg(it->audience),
                it->tenantId);
        if (it->expiresOn <= clock->now())
            return unauthorized(
                QStringLiteral("ExpiredAuthenticationToken"),
                QStringLiteral("The access token expiry UTC time '%1' is earlier than current UTC time "
                               "'%2'.")
                    .arg(it->expiresOn.toString(Qt::ISODate), clock->now().toUTC().toString(Qt::ISODate)),
                it->tenantId);
        *info = *it;
        return std::nullopt;
    }

    // Common to /tenants and /subscriptions: method, api-version, token. Returns an answer on failure.
    std::optional<HttpResponse> armPreamble(const HttpRequest& request, IdpRequestRecord& record, IdpAccessToken* info)
    {
        if (request.method != "GET")
            return armError(record, 405, QStringLiteral("MethodNotAllowed"),
                            QStringLiteral("The requested resource does not support http method '%1'.")
                                .arg(QString::fromLatin1(request.method)));
        record.apiVersion = request.query().value(QStringLiteral("api-version"));
        if (record.apiVersion.isEmpty())
            return armError(record, 400, QStringLiteral("MissingApiVersionParameter"),
                            QStringLiteral("The api-version query parameter (?api-version=) is required for all "
                                           "requests."));
        if (auto failure = checkArmToken(request, record, info))
            return failure;
        if (const auto challenge = armClaimsChallenges.constFind(info->tenantId);
            challenge != armClaimsChallenges.constEnd()) {
            // As ARM answers when continuous access evaluation revoked the token's session.
            HttpResponse response = armError(record, 401, QStringLiteral("InvalidAuthenticationToken"),
                                             QStringLiteral("Continuous access evaluation resulted in challenge "
                                                            "with result: InteractionRequired and code: "
                                                            "TokenIssuedBeforeRevocationTimestamp"));
            response.setHeader(
                "WWW-Authenticate",
                QStringLiteral("Bearer authorization_uri=\"%1/%2/oauth2/authorize\", "
                               "error=\"insufficient_claims\", claims=\"%3\"")
                    .arg(authorityBase(request), info->tenantId, QString::fromLatin1(challenge->toUtf8().toBase64()))
                    .toUtf8());
            return response;
        }
        if (const IdpUser* u = info->appOnly ? nullptr : user(info->objectId))
            record.user = u->userPrincipalName;
        record.issuedTenant = info->tenantId;
        return std::nullopt;
    }

    // One page of `items`, with a nextLink when more follow.
    Json armPage(const HttpRequest& request, const QString& path, const Json& items, IdpRequestRecord& record) const
    {
        const int size = std::max(1, armPageSize);
        const qsizetype offset =
            std::clamp<qsizetype>(request.query().value(QStringLiteral("$skiptoken")).toLongLong(), 0, items.size());
        Json page = armJunkItems;
        for (qsizetype i = offset; i < qsizetype(items.size()) && i < offset + size; ++i)
            page.push_back(items.at(std::size_t(i)));
        Json body = Json::object();
        if (offset + size < qsizetype(items.size())) {
            FormFields next;
            next.add(QStringLiteral("api-version"), record.apiVersion);
            next.add(QStringLiteral("$skiptoken"), QString::number(offset + size));
            body["nextLink"] = s(armBase(request) + path + u'?' + QString::fromLatin1(next.toEncoded()));
        }
        body["value"] = page;
        return body;
    }

    Json tenantJson(const IdpTenant& t) const
    {
        return {{"id", s(QStringLiteral("/tenants/") + t.id)},
                {"tenantId", s(t.id)},
                {"countryCode", s(t.countryCode)},
                {"displayName", s(t.displayName)},
                {"domains", stringArray(t.domains.isEmpty() ? QStringList{t.defaultDomain} : t.domains)},
                {"tenantCategory", s(t.category)},
                {"defaultDomain", s(t.defaultDomain)},
                {"tenantType", "AAD"}};
    }

    static Json subscriptionJson(const ListedSubscription& listed)
    {
        const IdpSubscription& sub = listed.subscription;
        Json managedBy = Json::array();
        for (const QString& id : sub.managedByTenants)
            managedBy.push_back({{"tenantId", s(id)}});
        return {{"id", s(QStringLiteral("/subscriptions/") + sub.id)},
                {"authorizationSource", "RoleBased"},
                {"managedByTenants", managedBy},
                {"subscriptionId", s(sub.id)},
                {"tenantId", s(sub.homeTenantId.isEmpty() ? listed.listedIn : sub.homeTenantId)},
                {"displayName", s(sub.displayName)},
                {"state", s(sub.state)},
                {"subscriptionPolicies",
                 {{"locationPlacementId", "Public_2014-09-01"},
                  {"quotaId", "PayAsYouGo_2014-09-01"},
                  {"spendingLimit", "Off"}}}};
    }

    HttpResponse armTenants(const HttpRequest& request, IdpRequestRecord& record)
    {
        IdpAccessToken info;
        if (auto failure = armPreamble(request, record, &info))
            return *failure;
        Json items = Json::array();
        if (info.appOnly) {
            if (const IdpTenant* t = tenant(info.tenantId))
                items.push_back(tenantJson(*t));
        } else if (const IdpUser* u = user(info.objectId)) {
            for (const IdpTenant& t : tenantsOf(*u))
                items.push_back(tenantJson(t));
        }
        return jsonResponse(200, armPage(request, QStringLiteral("/tenants"), items, record));
    }

    HttpResponse armSubscriptions(const HttpRequest& request, IdpRequestRecord& record, const QString& id)
    {
        IdpAccessToken info;
        if (auto failure = armPreamble(request, record, &info))
            return *failure;
        if (!id.isEmpty()) {
            for (const ListedSubscription& listed : std::as_const(subscriptions)) {
                if (listed.subscription.id.compare(id, Qt::CaseInsensitive) != 0)
                    continue;
                if (listed.listedIn.compare(info.tenantId, Qt::CaseInsensitive) == 0)
                    return jsonResponse(200, subscriptionJson(listed));
            }
            for (const ListedSubscription& listed : std::as_const(subscriptions)) {
                if (listed.subscription.id.compare(id, Qt::CaseInsensitive) == 0)
                    return armError(record, 401, QStringLiteral("InvalidAuthenticationTokenTenant"),
                                    QStringLiteral("The access token is from the wrong issuer "
                                                   "'https://sts.windows.net/%1/'. It must match the tenant "
                                                   "'https://sts.windows.net/%2/' associated with this subscription. "
                                                   "Please use the authority (URL) '%3/%2' to get the token.")
                                        .arg(info.tenantId, listed.listedIn, authorityBase(request)));
            }
            return armError(record, 404, QStringLiteral("SubscriptionNotFound"),
                            QStringLiteral("The subscription '%1' could not be found.").arg(id));
        }
        Json items = Json::array();
        for (const ListedSubscription& listed : std::as_const(subscriptions)) {
            if (listed.listedIn.compare(info.tenantId, Qt::CaseInsensitive) == 0)
                items.push_back(subscriptionJson(listed));
        }
        Json body = armPage(request, QStringLiteral("/subscriptions"), items, record);
        body["count"] = {{"type", "Total"}, {"value", items.size()}};
        return jsonResponse(200, body);
    }

    HttpResponse index(const HttpRequest& request) const
    {
        const QString base = authorityBase(request);
        QString list;
        for (const IdpUser& u : users)
            list += QStringLiteral("<li>%1 (%2)</li>").arg(html(u.userPrincipalName), html(u.objectId));
        QString tenantList;
        for (const IdpTenant& t : tenants)
            tenantList += QStringLiteral("<li>%1 %2 (%3)%4</li>")
                              .arg(html(t.displayName), html(t.defaultDomain), html(t.id),
                                   t.requiresMfa ? QStringLiteral(" MFA") : QString());
        return page(200, QStringLiteral("Tenantry test identity provider"),
                    QStringLiteral("<h1>Tenantry test identity provider</h1><p>Authority: %1/organizations</p>"
                                   "<p><a href=\"/devicelogin\">Device code sign-in</a></p>"
                                   "<h2>Users</h2><ul>%2</ul><h2>Tenants</h2><ul>%3</ul>")
                        .arg(html(base), list, tenantList));
    }

    // Which endpoint a path is; fills in tenant and subscription id.
    static IdpEndpoint classify(const QString& path, QString* tenantSegment, QString* subscriptionId)
    {
        const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
        auto is = [&parts](std::initializer_list<const char*> tail) {
            if (parts.size() != qsizetype(tail.size()) + 1)
                return false;
            qsizetype i = 1;
            for (const char* part : tail) {
                if (parts.at(i++).compare(QLatin1String(part), Qt::CaseInsensitive) != 0)
                    return false;
            }
            return true;
        };
        if (parts.size() == 1 && parts.first().compare(QLatin1String("tenants"), Qt::CaseInsensitive) == 0)
            return IdpEndpoint::ArmTenants;
        if ((parts.size() == 1 || parts.size() == 2) &&
            parts.first().compare(QLatin1String("subscriptions"), Qt::CaseInsensitive) == 0) {
            *subscriptionId = parts.size() == 2 ? parts.at(1) : QString();
            return IdpEndpoint::ArmSubscriptions;
        }
        if (parts.size() == 1 && parts.first().compare(QLatin1String("devicelogin"), Qt::CaseInsensitive) == 0)
            return IdpEndpoint::DeviceLogin;
        if (parts.isEmpty())
            return IdpEndpoint::Other;
        *tenantSegment = parts.first();
        if (parts.first().compare(QLatin1String("common"), Qt::CaseInsensitive) == 0 && is({"discovery", "instance"}))
            return IdpEndpoint::InstanceDiscovery;
        if (is({"v2.0", ".well-known", "openid-configuration"}))
            return IdpEndpoint::OpenIdConfiguration;
        if (is({"discovery", "v2.0", "keys"}))
            return IdpEndpoint::Keys;
        if (is({"oauth2", "v2.0", "authorize"}))
            return IdpEndpoint::Authorize;
        if (is({"oauth2", "v2.0", "token"}))
            return IdpEndpoint::Token;
        if (is({"oauth2", "v2.0", "devicecode"}))
            return IdpEndpoint::DeviceCode;
        tenantSegment->clear();
        return IdpEndpoint::Other;
    }

    HttpResponse route(const HttpRequest& request, IdpRequestRecord& record, const QString& subscriptionId)
    {
        switch (record.endpoint) {
        case IdpEndpoint::OpenIdConfiguration:
            return openIdConfiguration(request, record, record.tenant);
        case IdpEndpoint::InstanceDiscovery:
            return instanceDiscovery(request, record);
        case IdpEndpoint::Keys:
            return jsonResponse(200, Json{{"keys", Json::array()}});
        case IdpEndpoint::Authorize:
            return authorize(request, record, record.tenant);
        case IdpEndpoint::Token:
            return token(request, record, record.tenant);
        case IdpEndpoint::DeviceCode:
            return deviceCodeEndpoint(request, record, record.tenant);
        case IdpEndpoint::DeviceLogin:
            return deviceLogin(request, record);
        case IdpEndpoint::ArmTenants:
            return armTenants(request, record);
        case IdpEndpoint::ArmSubscriptions:
            return armSubscriptions(request, record, subscriptionId);
        case IdpEndpoint::Any:
        case IdpEndpoint::Other:
            break;
        }
        if (request.path == QLatin1String("/") && (request.method == "GET" || request.method == "HEAD"))
            return index(request);
        record.error = QStringLiteral("not_found");
        return jsonResponse(404, Json{{"error", {{"code", "NotFound"}, {"message", "No such endpoint."}}}});
    }
};

// --- TestIdentityProvider ---

TestIdentityProvider::TestIdentityProvider(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->server.setHandler(
        [this](const HttpRequest& request, const HttpServer::Responder& responder) { handle(request, responder); });
}

TestIdentityProvider::~TestIdentityProvider()
{
    d->server.close();
}

bool TestIdentityProvider::enableTls(const QString& certificatePath, const QString& keyPath, QString* error)
{
    return d->server.loadTlsCertificate(certificatePath, keyPath, error);
}

bool TestIdentityProvider::listen(const QHostAddress& address, quint16 port)
{
    return d->server.listen(address, port);
}

HttpServer* TestIdentityProvider::server() const
{
    return &d->server;
}

QUrl TestIdentityProvider::url() const
{
    return d->server.url();
}

void TestIdentityProvider::setAuthorityUrl(const QUrl& url)
{
    d->authorityUrl = url;
}

void TestIdentityProvider::setArmUrl(const QUrl& url)
{
    d->armUrl = url;
}

QUrl TestIdentityProvider::authorityUrl() const
{
    return d->authorityUrl.isValid() ? d->authorityUrl : url();
}

QUrl TestIdentityProvider::armUrl() const
{
    return d->armUrl.isValid() ? d->armUrl : url();
}

QString TestIdentityProvider::authority(const QString& tenant) const
{
    return stripSlashes(authorityUrl().toString()) + u'/' + tenant;
}

void TestIdentityProvider::setClock(const Clock* clock)
{
    d->clock = clock ? clock : &d->systemClock;
}

void TestIdentityProvider::addTenant(const IdpTenant& tenant)
{
    d->tenants.append(tenant);
}

void TestIdentityProvider::addUser(const IdpUser& user)
{
    d->users.append(user);
}

void TestIdentityProvider::addSubscription(const QString& listedInTenantId, const IdpSubscription& subscription)
{
    d->subscriptions.append({listedInTenantId, subscription});
}

void TestIdentityProvider::addUserToTenant(const QString& userObjectIdOrUpn, const QString& tenantId)
{
    for (IdpUser& user : d->users) {
        if (user.objectId.compare(userObjectIdOrUpn, Qt::CaseInsensitive) == 0 ||
            user.userPrincipalName.compare(userObjectIdOrUpn, Qt::CaseInsensitive) == 0) {
            if (user.tenantIds.isEmpty())
                continue; // already in every tenant
            if (!user.tenantIds.contains(tenantId, Qt::CaseInsensitive))
                user.tenantIds.append(tenantId);
        }
    }
}

void TestIdentityProvider::setTenantRequiresMfa(const QString& tenantId, bool required, const QString& claims)
{
    for (IdpTenant& tenant : d->tenants) {
        if (tenant.id.compare(tenantId, Qt::CaseInsensitive) == 0) {
            tenant.requiresMfa = required;
            tenant.mfaClaims = claims;
        }
    }
}

void TestIdentityProvider::addConfidentialClient(const QString& clientId, const QString& secret,
                                                 const QString& tenantId)
{
    Private::ConfidentialClient client;
    client.clientId = clientId;
    client.secret = secret;
    client.tenantId = tenantId;
    client.objectId = QUuid::createUuidV5(QUuid(), clientId + tenantId).toString(QUuid::WithoutBraces);
    d->clients.append(client);
}

void TestIdentityProvider::setFamilyClientIds(const QStringList& clientIds)
{
    d->familyClientIds = clientIds;
}

void TestIdentityProvider::setDefaultScopeGrants(const QString& resource, const QStringList& permissions)
{
    d->defaultScopeGrants.insert(resource, permissions);
}

QList<IdpTenant> TestIdentityProvider::tenants() const
{
    return d->tenants;
}

QList<IdpUser> TestIdentityProvider::users() const
{
    return d->users;
}

std::optional<IdpUser> TestIdentityProvider::findUser(const QString& objectIdOrUpn) const
{
    if (const IdpUser* user = d->user(objectIdOrUpn))
        return *user;
    return std::nullopt;
}

void TestIdentityProvider::setArmPageSize(int size)
{
    d->armPageSize = std::max(1, size);
}

void TestIdentityProvider::setArmClaimsChallenge(const QString& tenantId, const QString& claims)
{
    if (claims.isEmpty())
        d->armClaimsChallenges.remove(tenantId);
    else
        d->armClaimsChallenges.insert(tenantId, claims);
}

void TestIdentityProvider::setArmJunkItems(const Json& items)
{
    d->armJunkItems = items.is_array() ? items : Json::array();
}

void TestIdentityProvider::setDeviceCodeVerificationUri(const QUrl& url)
{
    d->deviceVerificationUri = url;
}

void TestIdentityProvider::setDeviceAuthorizationEndpoint(const QUrl& url)
{
    d->deviceAuthorizationEndpoint = url;
}

void TestIdentityProvider::setAccessTokenLifetime(int secs)
{
    d->accessTokenLifetime = secs;
}

void TestIdentityProvider::setRefreshTokenRotation(RefreshTokenRotation rotation)
{
    d->rotation = rotation;
}

void TestIdentityProvider::setLatency(int ms)
{
    d->latency = std::max(0, ms);
}

void TestIdentityProvider::setLatency(IdpEndpoint endpoint, int ms)
{
    if (endpoint == IdpEndpoint::Any)
        d->latency = std::max(0, ms);
    else
        d->endpointLatency[endpoint] = std::max(0, ms);
}

void TestIdentityProvider::addFault(const IdpFault& fault)
{
    if (fault.times != 0)
        d->faults.append(fault);
}

void TestIdentityProvider::clearFaults()
{
    d->faults.clear();
}

void TestIdentityProvider::expireRefreshTokens(const QString& userObjectIdOrUpn)
{
    const IdpUser* user = d->user(userObjectIdOrUpn);
    for (auto& rt : d->refreshTokens) {
        if (user && rt.objectId == user->objectId)
            rt.deadCode = 700082;
    }
}

void TestIdentityProvider::revokeRefreshTokens(const QString& userObjectIdOrUpn)
{
    const IdpUser* user = d->user(userObjectIdOrUpn);
    for (auto& rt : d->refreshTokens) {
        if (user && rt.objectId == user->objectId)
            rt.deadCode = 50173;
    }
}

void TestIdentityProvider::revokeAccessTokens()
{
    d->accessTokens.clear();
}

void TestIdentityProvider::setAuthorizeError(const QString& error, const QString& description)
{
    d->authorizeError = error;
    d->authorizeErrorDescription = description;
}

void TestIdentityProvider::setAutoSignInUser(const QString& userObjectIdOrUpn)
{
    d->autoSignInUser = userObjectIdOrUpn;
}

QUrl TestIdentityProvider::completeAuthorization(const QUrl& authorizeUrl, const QString& user, QString* error)
{
    QString tenantSegment;
    QString unused;
    IdpRequestRecord record;
    if (Private::classify(authorizeUrl.path(), &tenantSegment, &unused) != IdpEndpoint::Authorize) {
        if (error)
            *error = QStringLiteral("not an authorize URL");
        return {};
    }
    const Private::AuthorizeParams params =
        Private::authorizeParams(tenantSegment, FormFields::parse(authorizeUrl.query(QUrl::FullyEncoded).toLatin1()));
    QString problem = d->authorizePageError(params);
    if (problem.isEmpty()) {
        const auto [redirectError, description] = Private::authorizeRedirectError(params);
        if (!redirectError.isEmpty())
            return QUrl(Private::errorRedirect(params, redirectError, description));
        const Private::SignIn result = d->signIn(params, user, record);
        if (result.pageError.isEmpty())
            return QUrl(result.location);
        problem = result.pageError;
    }
    if (error)
        *error = problem;
    return {};
}

void TestIdentityProvider::setDeviceCodeInterval(int secs)
{
    d->deviceInterval = secs;
}

void TestIdentityProvider::setDeviceCodeLifetime(int secs)
{
    d->deviceLifetime = secs;
}

void TestIdentityProvider::setDeviceCodeSlowDown(int polls)
{
    d->deviceSlowDownPolls = std::max(0, polls);
}

void TestIdentityProvider::setDeviceCodeAutoApprove(const QString& user, int afterPolls)
{
    d->deviceAutoApproveUser = user;
    d->deviceAutoApproveAfterPolls = afterPolls;
}

QStringList TestIdentityProvider::pendingUserCodes() const
{
    QStringList codes;
    for (const auto& code : std::as_const(d->deviceCodes)) {
        if (code.state == Private::DeviceCode::State::Pending && code.expiresAt > d->now())
            codes.append(code.userCode);
    }
    return codes;
}

bool TestIdentityProvider::approveDeviceCode(const QString& userCode, const QString& user)
{
    Private::DeviceCode* code = d->deviceCodeByUserCode(userCode);
    return code && d->approve(*code, user).isEmpty();
}

bool TestIdentityProvider::declineDeviceCode(const QString& userCode)
{
    Private::DeviceCode* code = d->deviceCodeByUserCode(userCode);
    if (!code || code->state != Private::DeviceCode::State::Pending)
        return false;
    code->state = Private::DeviceCode::State::Declined;
    return true;
}

bool TestIdentityProvider::expireDeviceCode(const QString& userCode)
{
    Private::DeviceCode* code = d->deviceCodeByUserCode(userCode);
    if (!code || code->state != Private::DeviceCode::State::Pending)
        return false;
    code->state = Private::DeviceCode::State::Expired;
    return true;
}

QList<IdpRequestRecord> TestIdentityProvider::requests() const
{
    return d->log;
}

int TestIdentityProvider::requestCount(IdpEndpoint endpoint, const QString& grantType, const QString& tenant) const
{
    int count = 0;
    for (const IdpRequestRecord& record : std::as_const(d->log)) {
        if (endpoint != IdpEndpoint::Any && record.endpoint != endpoint)
            continue;
        if (!grantType.isEmpty() && record.grantType != grantType)
            continue;
        if (!tenant.isEmpty() && record.tenant.compare(tenant, Qt::CaseInsensitive) != 0 &&
            record.issuedTenant.compare(tenant, Qt::CaseInsensitive) != 0)
            continue;
        ++count;
    }
    return count;
}

int TestIdentityProvider::inFlight(IdpEndpoint endpoint) const
{
    const auto it = d->inFlight.find(endpoint);
    return it == d->inFlight.end() ? 0 : it->second;
}

int TestIdentityProvider::maxInFlight(IdpEndpoint endpoint) const
{
    const auto it = d->maxInFlight.find(endpoint);
    return it == d->maxInFlight.end() ? 0 : it->second;
}

void TestIdentityProvider::clearRequests()
{
    d->log.clear();
    d->maxInFlight = d->inFlight;
}

std::optional<IdpAccessToken> TestIdentityProvider::accessTokenInfo(const QString& accessToken) const
{
    const auto it = d->accessTokens.constFind(accessToken);
    if (it == d->accessTokens.constEnd())
        return std::nullopt;
    return *it;
}

bool TestIdentityProvider::isRefreshTokenValid(const QString& refreshToken) const
{
    const auto it = d->refreshTokens.constFind(refreshToken);
    return it != d->refreshTokens.constEnd() && it->deadCode == 0;
}

QString TestIdentityProvider::endpointName(IdpEndpoint endpoint)
{
    switch (endpoint) {
    case IdpEndpoint::Any:
        return QStringLiteral("any");
    case IdpEndpoint::OpenIdConfiguration:
        return QStringLiteral("openid-configuration");
    case IdpEndpoint::InstanceDiscovery:
        return QStringLiteral("instance-discovery");
    case IdpEndpoint::Keys:
        return QStringLiteral("keys");
    case IdpEndpoint::Authorize:
        return QStringLiteral("authorize");
    case IdpEndpoint::Token:
        return QStringLiteral("token");
    case IdpEndpoint::DeviceCode:
        return QStringLiteral("devicecode");
    case IdpEndpoint::DeviceLogin:
        return QStringLiteral("devicelogin");
    case IdpEndpoint::ArmTenants:
        return QStringLiteral("arm-tenants");
    case IdpEndpoint::ArmSubscriptions:
        return QStringLiteral("arm-subscriptions");
    case IdpEndpoint::Other:
        return QStringLiteral("other");
    }
    return {};
}

std::optional<IdpEndpoint> TestIdentityProvider::endpointFromName(const QString& name)
{
    for (const IdpEndpoint endpoint :
         {IdpEndpoint::Any, IdpEndpoint::OpenIdConfiguration, IdpEndpoint::InstanceDiscovery, IdpEndpoint::Keys,
          IdpEndpoint::Authorize, IdpEndpoint::Token, IdpEndpoint::DeviceCode, IdpEndpoint::DeviceLogin,
          IdpEndpoint::ArmTenants, IdpEndpoint::ArmSubscriptions, IdpEndpoint::Other}) {
        if (endpointName(endpoint) == name)
            return endpoint;
    }
    return std::nullopt;
}

void TestIdentityProvider::handle(const HttpRequest& request, const HttpServer::Responder& responder)
{
    IdpRequestRecord record;
    record.id = ++d->nextRequestId;
    record.method = QString::fromLatin1(request.method);
    record.path = request.path;
    record.host = QString::fromLatin1(request.header("host"));
    record.correlationId = QString::fromLatin1(request.header("client-request-id"));
    record.receivedAt = QDateTime::currentDateTimeUtc();
    record.receivedMs = d->uptime.elapsed();
    QString subscriptionId;
    record.endpoint = Private::classify(request.path, &record.tenant, &subscriptionId);
    if (record.endpoint == IdpEndpoint::Token) {
        const FormFields form = request.form();
        record.grantType = form.value(QStringLiteral("grant_type"));
        record.clientId = form.value(QStringLiteral("client_id"));
        record.hasClaims = form.contains(QStringLiteral("claims"));
    }

    for (const IdpEndpoint counted : {record.endpoint, IdpEndpoint::Any}) {
        const int now = ++d->inFlight[counted];
        d->maxInFlight[counted] = std::max(d->maxInFlight[counted], now);
    }

    if (Private::isArmEndpoint(record.endpoint)) {
        // So that a fault can aim at one tenant's ARM calls: the tenant of the bearer token.
        const QByteArray authorization = request.header("authorization");
        const auto token = d->accessTokens.constFind(QString::fromLatin1(authorization.mid(7).trimmed()));
        if (authorization.toLower().startsWith("bearer ") && token != d->accessTokens.constEnd())
            record.issuedTenant = token->tenantId;
    }

    HttpResponse response;
    std::optional<IdpFault::Kind> faultKind;
    if (const std::optional<IdpFault> fault = d->takeFault(record)) {
        faultKind = fault->kind;
        response = d->faultResponse(*fault, record, d->authorityBase(request));
        if (fault->kind == IdpFault::Kind::Drip) {
            response = d->route(request, record, subscriptionId);
            response.dripIntervalMs = fault->dripIntervalMs;
        }
    } else {
        response = d->route(request, record, subscriptionId);
    }
    if (!record.correlationId.isEmpty())
        response.setHeader("client-request-id", record.correlationId.toLatin1());
    const bool hang = faultKind == IdpFault::Kind::Hang;
    const bool drop = faultKind == IdpFault::Kind::Drop;
    record.status = hang || drop ? 0 : response.status;
    d->log.append(record);
    qCDebug(lcTestIdp).noquote() << record.toString();
    if (hang)
        return;

    const auto latency = d->endpointLatency.find(record.endpoint);
    const int delay = latency != d->endpointLatency.end() ? latency->second : d->latency;
    const quint64 id = record.id;
    const IdpEndpoint endpoint = record.endpoint;
    auto answer = [this, responder, response, drop, id, endpoint] {
        if (drop)
            responder.abort();
        else
            responder.send(response);
        finish(id, endpoint);
    };
    if (delay > 0)
        QTimer::singleShot(delay, this, answer);
    else
        answer();
}

void TestIdentityProvider::finish(quint64 id, IdpEndpoint endpoint)
{
    for (const IdpEndpoint counted : {endpoint, IdpEndpoint::Any})
        --d->inFlight[counted];
    for (auto it = d->log.rbegin(); it != d->log.rend(); ++it) {
        if (it->id == id) {
            it->respondedMs = d->uptime.elapsed();
            emit requestFinished(*it);
            return;
        }
    }
}

// --- JSON configuration ---

namespace {

QString str(const Json& object, const char* key, const QString& fallback = {})
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return fallback;
    if (!it->is_string())
        throw std::runtime_error(std::string("\"") + key + "\" must be a string");
    return QString::fromStdString(it->get<std::string>());
}

QStringList strList(const Json& object, const char* key)
{
    QStringList list;
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return list;
    if (!it->is_array())
        throw std::runtime_error(std::string("\"") + key + "\" must be an array of strings");
    for (const Json& item : *it)
        list.append(QString::fromStdString(item.get<std::string>()));
    return list;
}

int integer(const Json& object, const char* key, int fallback)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return fallback;
    if (!it->is_number_integer())
        throw std::runtime_error(std::string("\"") + key + "\" must be an integer");
    return it->get<int>();
}

} // namespace

bool TestIdentityProvider::loadConfig(const Json& config, QString* error)
{
    try {
        if (!config.is_object())
            throw std::runtime_error("the config must be a JSON object");
        QList<IdpTenant> tenants;
        QList<Private::ListedSubscription> subscriptions;
        for (const Json& t : config.value("tenants", Json::array())) {
            IdpTenant tenant;
            tenant.id = str(t, "id");
            if (tenant.id.isEmpty())
                throw std::runtime_error("every tenant needs an \"id\"");
            tenant.displayName = str(t, "displayName", tenant.id);
            tenant.defaultDomain = str(t, "defaultDomain", tenant.id + QStringLiteral(".onmicrosoft.example"));
            tenant.domains = strList(t, "domains");
            tenant.category = str(t, "category", tenant.category);
            tenant.countryCode = str(t, "countryCode", tenant.countryCode);
            const auto mfa = t.find("mfa");
            if (mfa != t.end() && mfa->is_boolean()) {
                tenant.requiresMfa = mfa->get<bool>();
            } else if (mfa != t.end() && mfa->is_object()) {
                tenant.requiresMfa = true;
                tenant.mfaError = str(*mfa, "error", tenant.mfaError);
                tenant.mfaErrorCode = integer(*mfa, "code", tenant.mfaErrorCode);
                tenant.mfaSuberror = str(*mfa, "suberror", tenant.mfaSuberror);
                tenant.mfaClaims = str(*mfa, "claims");
            }
            for (const Json& sub : t.value("subscriptions", Json::array())) {
                IdpSubscription subscription;
                subscription.id = str(sub, "id");
                if (subscription.id.isEmpty())
                    throw std::runtime_error("every subscription needs an \"id\"");
                subscription.displayName = str(sub, "name", subscription.id);
                subscription.state = str(sub, "state", subscription.state);
                subscription.homeTenantId = str(sub, "tenantId");
                subscription.managedByTenants = strList(sub, "managedByTenants");
                subscriptions.append({tenant.id, subscription});
            }
            tenants.append(tenant);
        }
        QList<IdpUser> users;
        for (const Json& u : config.value("users", Json::array())) {
            IdpUser user;
            user.objectId = str(u, "objectId");
            user.homeTenantId = str(u, "homeTenant");
            user.userPrincipalName = str(u, "upn");
            user.displayName = str(u, "name");
            user.tenantIds = strList(u, "tenants");
            if (user.objectId.isEmpty() || user.homeTenantId.isEmpty() || user.userPrincipalName.isEmpty())
                throw std::runtime_error("every user needs \"objectId\", \"homeTenant\" and \"upn\"");
            users.append(user);
        }
        QList<Private::ConfidentialClient> clients;
        for (const Json& c : config.value("clients", Json::array())) {
            Private::ConfidentialClient client;
            client.clientId = str(c, "clientId");
            client.secret = str(c, "secret");
            client.tenantId = str(c, "tenantId");
            client.objectId =
                str(c, "objectId",
                    QUuid::createUuidV5(QUuid(), client.clientId + client.tenantId).toString(QUuid::WithoutBraces));
            clients.append(client);
        }
        QList<IdpFault> faults;
        for (const Json& f : config.value("faults", Json::array())) {
            IdpFault fault;
            const QString kind = str(f, "kind", QStringLiteral("http-error"));
            if (kind == QLatin1String("http-error"))
                fault.kind = IdpFault::Kind::HttpError;
            else if (kind == QLatin1String("too-many-requests"))
                fault = IdpFault::tooManyRequests(IdpEndpoint::Any, 1);
            else if (kind == QLatin1String("garbage-json"))
                fault = IdpFault::garbageJson(IdpEndpoint::Any);
            else if (kind == QLatin1String("oauth-error"))
                fault = IdpFault::oauthError({}, 0);
            else if (kind == QLatin1String("hang"))
                fault.kind = IdpFault::Kind::Hang;
            else if (kind == QLatin1String("drop"))
                fault.kind = IdpFault::Kind::Drop;
            else if (kind == QLatin1String("answer"))
                fault =
                    IdpFault::answer(IdpEndpoint::Any, 200, str(f, "body").toUtf8(),
                                     str(f, "contentType", QStringLiteral("application/json; charset=utf-8")).toUtf8());
            else if (kind == QLatin1String("redirect"))
                fault = IdpFault::redirect(IdpEndpoint::Any, QUrl(str(f, "location")), 302);
            else if (kind == QLatin1String("drip"))
                fault = IdpFault::drip(IdpEndpoint::Any, integer(f, "intervalMs", 1000));
            else
                throw std::runtime_error("unknown fault kind " + s(kind));
            const auto endpoint = endpointFromName(str(f, "endpoint", endpointName(fault.endpoint)));
            if (!endpoint)
                throw std::runtime_error("unknown fault endpoint " + s(str(f, "endpoint")));
            fault.endpoint = *endpoint;
            fault.times = integer(f, "times", 1);
            fault.tenant = str(f, "tenant");
            fault.grantType = str(f, "grantType");
            fault.httpStatus = integer(f, "status", fault.httpStatus);
            if (f.contains("retryAfter") && f["retryAfter"].is_string())
                fault.retryAfter = str(f, "retryAfter").toUtf8(); // an HTTP-date, say
            else
                fault.retryAfterSecs = integer(f, "retryAfter", fault.retryAfterSecs);
            fault.error = str(f, "error", fault.error);
            fault.errorCode = integer(f, "code", fault.errorCode);
            fault.message = str(f, "message");
            fault.suberror = str(f, "suberror");
            fault.claims = str(f, "claims");
            faults.append(fault);
        }
        std::map<IdpEndpoint, int> endpointLatency;
        const auto latency = config.find("latencyMs");
        int generalLatency = 0;
        if (latency != config.end() && latency->is_number_integer()) {
            generalLatency = latency->get<int>();
        } else if (latency != config.end() && latency->is_object()) {
            for (auto it = latency->begin(); it != latency->end(); ++it) {
                const auto endpoint = endpointFromName(QString::fromStdString(it.key()));
                if (!endpoint)
                    throw std::runtime_error("unknown latency endpoint " + it.key());
                if (*endpoint == IdpEndpoint::Any)
                    generalLatency = it->get<int>();
                else
                    endpointLatency[*endpoint] = it->get<int>();
            }
        }
        const QString rotation = str(config, "refreshTokenRotation", QStringLiteral("keep-old"));
        RefreshTokenRotation rotationValue = RefreshTokenRotation::KeepOld;
        if (rotation == QLatin1String("revoke-old"))
            rotationValue = RefreshTokenRotation::RevokeOld;
        else if (rotation == QLatin1String("reuse"))
            rotationValue = RefreshTokenRotation::Reuse;
        else if (rotation != QLatin1String("keep-old"))
            throw std::runtime_error("refreshTokenRotation is keep-old, revoke-old or reuse");
        const Json device = config.value("deviceCode", Json::object());
        const Json authorizeError = config.value("authorizeError", Json::object());
        QHash<QString, QStringList> grants = d->defaultScopeGrants;
        const Json scopeGrants = config.value("scopeGrants", Json::object());
        for (auto it = scopeGrants.begin(); it != scopeGrants.end(); ++it)
            grants.insert(QString::fromStdString(it.key()), strList(scopeGrants, it.key().c_str()));

        // Everything parsed: apply.
        d->tenants = tenants;
        d->subscriptions = subscriptions;
        d->users = users;
        d->clients = clients;
        d->faults = faults;
        d->latency = generalLatency;
        d->endpointLatency = endpointLatency;
        d->rotation = rotationValue;
        d->defaultScopeGrants = grants;
        const QString authority = str(config, "authorityUrl");
        const QString arm = str(config, "armUrl");
        d->authorityUrl = authority.isEmpty() ? QUrl() : QUrl(authority);
        d->armUrl = arm.isEmpty() ? QUrl() : QUrl(arm);
        d->armPageSize = std::max(1, integer(config, "armPageSize", 100));
        d->accessTokenLifetime = integer(config, "accessTokenLifetime", 3599);
        if (config.contains("familyClientIds"))
            d->familyClientIds = strList(config, "familyClientIds");
        d->deviceInterval = integer(device, "interval", 5);
        d->deviceLifetime = integer(device, "expiresIn", 900);
        d->deviceSlowDownPolls = integer(device, "slowDownPolls", 0);
        d->deviceAutoApproveUser = str(device, "autoApprove");
        d->deviceAutoApproveAfterPolls = integer(device, "autoApproveAfterPolls", 0);
        d->deviceVerificationUri = QUrl(str(device, "verificationUri"));
        d->deviceAuthorizationEndpoint = QUrl(str(device, "endpoint"));
        setArmJunkItems(config.value("armJunkItems", Json::array()));
        d->autoSignInUser = str(config, "autoSignInUser");
        d->authorizeError = str(authorizeError, "error");
        d->authorizeErrorDescription = str(authorizeError, "description");
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
}

Json TestIdentityProvider::sampleConfig()
{
    // The ids of tests/data/azure-cli-2.45: Sam of Northwind, a guest in Fabrikam; Contoso wants MFA.
    return Json::parse(R"json({
  "armPageSize": 100,
  "deviceCode": {"interval": 1},
  "tenants": [
    {"id": "9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f", "displayName": "Northwind", "defaultDomain": "northwind.example",
     "subscriptions": [
       {"id": "5f0b6d2e-8c1a-4b7e-9d3f-2a6c8e0b4d1f", "name": "Northwind Production"},
       {"id": "a3c5e7f9-1b2d-4f6a-8c0e-3d5f7a9b1c2e", "name": "Northwind Dev", "state": "Disabled"}]},
    {"id": "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7", "displayName": "Fabrikam", "defaultDomain": "fabrikam.example",
     "subscriptions": [
       {"id": "c7d8e9f0-a1b2-4c3d-8e4f-5a6b7c8d9e0f", "name": "Fabrikam Shared",
        "managedByTenants": ["9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f"]}]},
    {"id": "d1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a", "displayName": "Contoso", "defaultDomain": "contoso.example",
     "mfa": true,
     "subscriptions": [{"id": "e0f1a2b3-c4d5-4e6f-8a7b-9c0d1e2f3a4b", "name": "Contoso Guarded"}]}
  ],
  "users": [
    {"objectId": "0a0a0a0a-1111-4222-8333-444455556666", "homeTenant": "9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f",
     "upn": "sam@northwind.example", "name": "Sam Example"}
  ]
})json");
}

} // namespace tenantry::test
