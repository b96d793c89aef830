// Tokens and client_info as the identity provider sends them: the claims of a JWT (access and ID
// tokens, read for display and expiry) and the home account id in base64url client_info.
#include "FuzzSupport.h"

#include "cache/TokenResponseWriter.h"
#include "util/Jwt.h"

#include <cstddef>
#include <cstdint>

using namespace tenantry;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    // Token strings arrive as JSON strings, i.e. UTF-8 text.
    const QString text = QString::fromUtf8(bytes);
    const Json claims = jwt::claims(text);
    FUZZ_CHECK(claims.is_object()); // an empty object when the token is not a JWT
    homeAccountIdFromClientInfo(text);
    jwt::base64UrlEncode(jwt::base64UrlDecode(bytes));
    return 0;
}
