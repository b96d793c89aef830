#pragma once

#include "util/Json.h"

#include <QByteArray>
#include <QString>

namespace tenantry {

// Reads the claims of a JWT (access or ID token) for display and expiry only: signatures are not
// checked, as MSAL does not check them either; nothing here may decide trust.
namespace jwt {

Json claims(const QString& token); // empty object when the token is not a JWT
QByteArray base64UrlDecode(const QByteArray& text); // tolerant of missing padding
QByteArray base64UrlEncode(const QByteArray& bytes); // without padding

} // namespace jwt
} // namespace tenantry
