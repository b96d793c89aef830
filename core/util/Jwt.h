#pragma once

#include "util/Json.h"

#include <QByteArray>
#include <QString>

namespace tenantry {

// Reads the claims of a JWT (access or ID token) for display and expiry only: signatures are not
// checked, as MSAL does not check them either; nothing here may decide trust.
namespace jwt {

// Longer tokens are not decoded. Entra ID tokens stay under 16 KB (a user in too many groups gets a
// groups-overage claim instead of a longer token).
constexpr qsizetype kMaxTokenChars = 256 * 1024;

// The payload's claims; an empty object when the token is longer than kMaxTokenChars, is not a JWT, its
// payload is not base64url, or that does not hold a JSON object. Never throws.
Json claims(const QString& token);
// A base64url-encoded JSON object (a JWT payload, the token endpoint's client_info); an empty object for
// anything else, including input longer than kMaxTokenChars.
Json decodeObject(const QByteArray& base64Url);
// The claim `name` when it is a string; empty when absent or of another type (a number, an object).
QString stringClaim(const Json& claims, const char* name);

QByteArray base64UrlDecode(const QByteArray& text);  // tolerant of missing padding; empty when not base64url
QByteArray base64UrlEncode(const QByteArray& bytes); // without padding

} // namespace jwt
} // namespace tenantry
