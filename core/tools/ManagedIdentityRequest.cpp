#include "tools/ManagedIdentityRequest.h"

#include "util/Json.h"

namespace tenantry {

namespace {

// Query parameters by which a caller picks a user-assigned identity (App Service, IMDS and Arc spell
// them differently). Tenantry has one identity to give, the signed-in user: naming another is a
// mistake in the caller's set-up, said so rather than answered with the wrong identity's token.
const QLatin1String kOtherIdentityParameters[] = {QLatin1String("client_id"), QLatin1String("mi_res_id"),
                                                  QLatin1String("msi_res_id"), QLatin1String("object_id"),
                                                  QLatin1String("principal_id")};

// A resource or scope is an application id URI or a GUID with an optional path: bounded, printable,
// no spaces (a space would make it two scopes).
constexpr qsizetype kMaxResourceChars = 512;

bool isPlausibleResource(const QString& resource)
{
    if (resource.isEmpty() || resource.size() > kMaxResourceChars)
        return false;
    for (const QChar c : resource) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
            return false;
    }
    return true;
}

ManagedIdentityAnswer badRequest(const QString& message)
{
    return managedIdentityError(400, QStringLiteral("invalid_request"), message);
}

} // namespace

bool equalInConstantTime(QByteArrayView a, QByteArrayView b)
{
    // The length is no secret (the endpoint's secret has a fixed length); the bytes are.
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

ManagedIdentityAnswer managedIdentityError(int status, const QString& code, const QString& message)
{
    const Json body = {{"error", {{"code", json::toStd(code)}, {"message", json::toStd(message)}}}};
    return {status, QByteArray::fromStdString(body.dump(-1, ' ', false, Json::error_handler_t::replace))};
}

tl::expected<ManagedIdentityAsk, ManagedIdentityAnswer>
readManagedIdentityRequest(const HttpRequest& request, QByteArrayView secret, QByteArrayView expectedHost)
{
    const QList<QByteArray> secrets = [&request] {
        QList<QByteArray> values;
        for (const auto& header : request.headers) {
            if (header.first == kManagedIdentitySecretHeader)
                values.append(header.second);
        }
        return values;
    }();
    // One header with the secret, or the same 401 as for no header at all, whatever else is wrong.
    if (secret.isEmpty() || secrets.size() != 1 || !equalInConstantTime(secrets.first(), secret))
        return tl::unexpected(managedIdentityError(401, QStringLiteral("unauthorized"),
                                                   QStringLiteral("The X-IDENTITY-HEADER is missing or wrong.")));
    // A browser page that had the secret could still reach 127.0.0.1 under a host name of its own.
    if (request.header("host") != expectedHost || !request.hasOriginFormTarget())
        return tl::unexpected(badRequest(QStringLiteral("The request is not addressed to this endpoint's host.")));
    if (request.method != "GET")
        return tl::unexpected(
            managedIdentityError(405, QStringLiteral("method_not_allowed"), QStringLiteral("Only GET is served.")));
    if (request.path != kManagedIdentityPath)
        return tl::unexpected(
            managedIdentityError(404, QStringLiteral("not_found"),
                                 QStringLiteral("No such path; tokens are at %1.").arg(kManagedIdentityPath)));
    const FormFields query = request.query();
    for (const auto& item : query.items()) {
        if (query.count(item.first) > 1)
            return tl::unexpected(
                badRequest(QStringLiteral("The parameter '%1' is given more than once.").arg(item.first.left(40))));
    }
    if (query.value(QStringLiteral("api-version")) != kManagedIdentityApiVersion)
        return tl::unexpected(badRequest(
            QStringLiteral("Unsupported api-version; this endpoint speaks %1.").arg(kManagedIdentityApiVersion)));
    for (const QLatin1String parameter : kOtherIdentityParameters) {
        if (query.contains(parameter))
            return tl::unexpected(badRequest(
                QStringLiteral("'%1' names another identity; tenantry-cli exec serves the signed-in user of its "
                               "subscription only. Leave out %1 (and AZURE_CLIENT_ID for DefaultAzureCredential).")
                    .arg(parameter)));
    }
    const bool hasResource = query.contains(QStringLiteral("resource"));
    const bool hasScope = query.contains(QStringLiteral("scope"));
    if (hasResource == hasScope)
        return tl::unexpected(badRequest(QStringLiteral("Give either 'resource' or 'scope'.")));
    ManagedIdentityAsk ask;
    ask.resource = query.value(hasResource ? QStringLiteral("resource") : QStringLiteral("scope"));
    if (!isPlausibleResource(ask.resource))
        return tl::unexpected(badRequest(QStringLiteral("The resource or scope is not a resource URI or id.")));
    const QLatin1String defaultSuffix("/.default");
    ask.scope = hasScope || ask.resource.endsWith(defaultSuffix) ? ask.resource : ask.resource + defaultSuffix;
    return ask;
}

ManagedIdentityAnswer managedIdentityTokenAnswer(const ManagedIdentityAsk& ask, const Secret& accessToken,
                                                 qint64 expiresOn, qint64 now)
{
    // expires_in too: MSAL's in-process cache, which azure-identity fills from this answer, otherwise
    // takes an hour from now, longer than a token from the shared cache may have left.
    const Json body = {{"access_token", json::toStd(accessToken.reveal())},
                       {"expires_on", std::to_string(expiresOn)},
                       {"expires_in", std::to_string(std::max<qint64>(0, expiresOn - now))},
                       {"resource", json::toStd(ask.resource)},
                       {"token_type", "Bearer"}};
    return {200, QByteArray::fromStdString(body.dump(-1, ' ', false, Json::error_handler_t::replace))};
}

ManagedIdentityAnswer managedIdentityTokenFailure(const Error& error)
{
    QString code;
    switch (error.code) {
    case Error::Code::NotSignedIn:
        code = QStringLiteral("not_signed_in");
        break;
    case Error::Code::InteractionRequired:
        code = QStringLiteral("interaction_required");
        break;
    case Error::Code::SignInExpired:
        code = QStringLiteral("sign_in_expired");
        break;
    case Error::Code::Network:
        code = QStringLiteral("network");
        break;
    case Error::Code::Storage:
        code = QStringLiteral("storage");
        break;
    default:
        code = QStringLiteral("token_unavailable");
        break;
    }
    return managedIdentityError(400, code, error.detail.isEmpty() ? error.message() : error.detail);
}

} // namespace tenantry
