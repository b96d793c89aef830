#include "auth/AuthorizationResponse.h"

#include "http/FormFields.h"

#include <QCoreApplication>
#include <QUrl>

#include <array>

namespace tenantry {

namespace {

const QString kCode = QStringLiteral("code");
const QString kState = QStringLiteral("state");
const QString kError = QStringLiteral("error");
const QString kErrorDescription = QStringLiteral("error_description");
const QString kErrorUri = QStringLiteral("error_uri");
const QString kClientInfo = QStringLiteral("client_info");

} // namespace

QString AuthorizationResponse::problem() const
{
    switch (kind) {
    case Kind::Error:
        return errorDescription.isEmpty() ? error : errorDescription;
    case Kind::NotAResponse:
    case Kind::Malformed:
        return QCoreApplication::translate("AuthorizationResponse",
                                           "The identity provider's sign-in response could not be read.");
    case Kind::Code:
        break;
    }
    return {};
}

AuthorizationResponse AuthorizationResponse::fromRedirect(const QUrl& redirect)
{
    // FullyEncoded keeps '+' and %2B apart, as the provider sent them.
    return fromQuery(redirect.query(QUrl::FullyEncoded).toUtf8());
}

AuthorizationResponse AuthorizationResponse::fromQuery(QByteArrayView encodedQuery)
{
    AuthorizationResponse response;
    if (encodedQuery.size() > kMaxQueryBytes) {
        response.kind = Kind::Malformed;
        return response;
    }
    const FormFields fields = FormFields::parse(encodedQuery);
    const bool hasCode = fields.contains(kCode);
    const bool hasError = fields.contains(kError);
    if (!hasCode && !hasError && !fields.contains(kState))
        return response;

    // RFC 6749 §3.1: a response parameter comes at most once. Given twice, which one is meant cannot be told.
    const std::array<const QString*, 6> single = {&kCode,     &kState,     &kError, &kErrorDescription,
                                                  &kErrorUri, &kClientInfo};
    bool repeated = false;
    for (const QString* name : single)
        repeated = repeated || fields.count(*name) > 1;
    response.kind = Kind::Malformed;
    if (repeated)
        return response;
    response.state = fields.value(kState);
    if (hasError && !hasCode && !fields.value(kError).isEmpty()) {
        response.kind = Kind::Error;
        response.error = fields.value(kError);
        response.errorDescription = fields.value(kErrorDescription);
        response.errorUri = fields.value(kErrorUri);
    } else if (hasCode && !hasError && !fields.value(kCode).isEmpty()) {
        response.kind = Kind::Code;
        response.code = Secret(fields.value(kCode));
        response.clientInfo = fields.value(kClientInfo);
    }
    return response;
}

} // namespace tenantry
