#include "auth/TokenGrantResult.h"

#include "auth/ResponseFields.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <climits>
#include <limits>

namespace tenantry {

namespace {

// Access tokens live 60-90 minutes, CAE ones up to 28 hours: an answer saying more is capped.
constexpr qint64 kMaxLifetimeSecs = 2 * 24 * 3600;
constexpr qint64 kDefaultLifetimeSecs = 600; // MSAL's, when the answer names none
constexpr qsizetype kMaxMessageChars = 1000;

QString str(const Json& o, const char* key)
{
    return fields::string(o, key);
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
        return errorDescription.section(QRegularExpression(QStringLiteral("[\r\n]")), 0, 0)
            .trimmed()
            .left(kMaxMessageChars);
    if (!error.isEmpty())
        return error.left(kMaxMessageChars);
    if (kind == Kind::Network)
        return QCoreApplication::translate("tenantry::TokenGrantResult",
                                           "The identity provider did not answer (HTTP %1).")
            .arg(httpStatus);
    return QCoreApplication::translate("tenantry::TokenGrantResult",
                                       "The identity provider's answer was not a token response (HTTP %1).")
        .arg(httpStatus);
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
        if (const auto codes = o.find("error_codes"); codes != o.end() && codes->is_array()) {
            for (const Json& code : *codes) {
                if (code.is_number_integer() && code.get<qint64>() >= 0 && code.get<qint64>() <= INT_MAX)
                    r.errorCodes.append(int(code.get<qint64>()));
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
    // AAD v1 sends numbers as strings; some answers carry expires_on instead (MSAL's rules). A lifetime
    // that is missing, mistyped or negative is MSAL's default; one beyond reason is capped.
    if (const auto expiresIn = fields::seconds(o, "expires_in", kMaxLifetimeSecs))
        r.expiresIn = *expiresIn;
    else if (const auto expiresOn = fields::seconds(o, "expires_on", std::numeric_limits<qint64>::max() / 2))
        r.expiresIn = std::clamp<qint64>(*expiresOn - now, 0, kMaxLifetimeSecs);
    else
        r.expiresIn = kDefaultLifetimeSecs;
    r.extExpiresIn = fields::seconds(o, "ext_expires_in", kMaxLifetimeSecs).value_or(r.expiresIn);
    r.refreshIn = fields::seconds(o, "refresh_in", kMaxLifetimeSecs);
    r.kind = r.accessToken.isEmpty() ? Kind::InvalidResponse : Kind::Ok;
    return r;
}

} // namespace tenantry
