#include "auth/TokenGrantResult.h"

#include <QRegularExpression>

namespace tenantry {

namespace {

QString str(const Json& o, const char* key)
{
    const auto it = o.find(key);
    return it == o.end() ? QString() : json::toQString(*it);
}

bool hasAny(const QList<int>& codes, std::initializer_list<int> wanted)
{
    for (int code : wanted) {
        if (codes.contains(code))
            return true;
    }
    return false;
}

} // namespace

QString TokenGrantResult::message() const
{
    if (kind == Kind::Ok)
        return {};
    if (!errorDescription.isEmpty())
        return errorDescription.section(QRegularExpression(QStringLiteral("[\r\n]")), 0, 0).trimmed();
    if (!error.isEmpty())
        return error;
    if (kind == Kind::Network)
        return QStringLiteral("The identity provider did not answer (HTTP %1).").arg(httpStatus);
    return QStringLiteral("The identity provider's answer was not a token response (HTTP %1).").arg(httpStatus);
}

TokenGrantResult TokenGrantResult::fromHttp(const HttpResponse& response, qint64 now)
{
    TokenGrantResult r;
    r.httpStatus = response.status;
    if (response.status == 0 || response.status >= 500) {
        r.kind = Kind::Network;
        r.errorDescription = response.networkError;
        return r;
    }
    const auto body = response.json();
    if (!body || !body->is_object()) {
        r.kind = Kind::InvalidResponse;
        return r;
    }
    const Json& o = *body;
    r.error = str(o, "error");
    if (!r.error.isEmpty() || !response.ok()) {
        r.errorDescription = str(o, "error_description");
        r.suberror = str(o, "suberror");
        r.claims = str(o, "claims");
        if (o.contains("error_codes") && o["error_codes"].is_array()) {
            for (const Json& code : o["error_codes"]) {
                if (code.is_number_integer())
                    r.errorCodes.append(code.get<int>());
            }
        }
        if (r.error == QLatin1String("authorization_pending"))
            r.kind = Kind::AuthorizationPending;
        else if (r.error == QLatin1String("slow_down"))
            r.kind = Kind::SlowDown;
        else if (r.error == QLatin1String("authorization_declined") || r.error == QLatin1String("access_denied"))
            r.kind = Kind::Declined;
        else if (r.error == QLatin1String("expired_token"))
            r.kind = Kind::Expired;
        else if (r.error == QLatin1String("bad_verification_code"))
            r.kind = Kind::BadVerificationCode;
        else if (r.error == QLatin1String("interaction_required") || !r.claims.isEmpty() ||
                 hasAny(r.errorCodes, {50076, 50079, 50158, 53003, 50072, 50074}))
            r.kind = Kind::InteractionRequired;
        else if (r.error == QLatin1String("invalid_grant") &&
                 (hasAny(r.errorCodes, {700082, 70043, 50173, 700084, 50133, 50089}) || r.errorCodes.isEmpty()))
            r.kind = Kind::RefreshTokenDead;
        else
            r.kind = Kind::OtherError;
        if (r.error.isEmpty())
            r.error = QStringLiteral("http_%1").arg(response.status);
        return r;
    }
    r.accessToken = Secret(str(o, "access_token"));
    r.refreshToken = Secret(str(o, "refresh_token"));
    r.idToken = Secret(str(o, "id_token"));
    r.tokenType = o.contains("token_type") ? str(o, "token_type") : QStringLiteral("Bearer");
    r.scope = str(o, "scope");
    r.clientInfo = str(o, "client_info");
    r.foci = str(o, "foci");
    // AAD v1 sends numbers as strings; some answers carry expires_on instead (MSAL's rules).
    if (const auto expiresIn = o.contains("expires_in") ? json::toSeconds(o["expires_in"]) : std::nullopt)
        r.expiresIn = *expiresIn;
    else if (const auto expiresOn = o.contains("expires_on") ? json::toSeconds(o["expires_on"]) : std::nullopt)
        r.expiresIn = *expiresOn - now;
    else
        r.expiresIn = 600;
    r.extExpiresIn = o.contains("ext_expires_in") ? json::toSeconds(o["ext_expires_in"]).value_or(r.expiresIn)
                                                   : r.expiresIn;
    if (o.contains("refresh_in"))
        r.refreshIn = json::toSeconds(o["refresh_in"]);
    r.kind = r.accessToken.isEmpty() ? Kind::InvalidResponse : Kind::Ok;
    return r;
}

} // namespace tenantry
