#pragma once

#include "util/Secret.h"

#include <QByteArrayView>
#include <QMetaType>
#include <QString>

class QUrl;

namespace tenantry {

// What the authorization endpoint sends back to the redirect URI (RFC 6749 §4.1.2, §4.1.2.1, plus
// Entra's client_info), read from the redirect's query. The provider form-encodes it: '+' is a space
// (login.microsoftonline.com sends "AADSTS65004:+User+declined+..."). The one reader of it: the
// loopback listener and the embedded browser decide with it whether a request is a sign-in response
// and whose it is, the auth code flow takes the code or the error from it.
struct AuthorizationResponse
{
    enum class Kind {
        NotAResponse, // none of code, error, state: a favicon, a stray page load
        Malformed,    // too long, a response parameter given twice, neither (or both) code and error
        Code,         // the authorization code
        Error,        // the provider's error
    };

    // A redirect with code and client_info is ~2 KB; the loopback listener takes 16 KiB requests.
    static constexpr qsizetype kMaxQueryBytes = 16 * 1024;

    Kind kind = Kind::NotAResponse;
    QString state; // empty when absent or given twice
    Secret code;
    QString clientInfo;
    QString error;            // RFC 6749 error code, e.g. access_denied
    QString errorDescription; // for people, e.g. "AADSTS65004: User declined to consent to access the app."
    QString errorUri;

    // For people: the provider's description (else its error code) of an Error; for a Code, nothing;
    // otherwise a sentence saying the response could not be read. Never quotes the code or the state.
    QString problem() const;

    static AuthorizationResponse fromRedirect(const QUrl& redirect);
    static AuthorizationResponse fromQuery(QByteArrayView encodedQuery);
};

} // namespace tenantry

Q_DECLARE_METATYPE(tenantry::AuthorizationResponse)
