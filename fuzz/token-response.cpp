// The token endpoint's answer (any grant): classified, and when it is a success written into the
// cache the way a sign-in does (ID token claims, client_info, expiry arithmetic). The first byte
// picks the HTTP status, the rest is the body.
#include "FuzzSupport.h"

#include "auth/TokenGrantResult.h"
#include "cache/TokenResponseWriter.h"

#include <cstddef>
#include <cstdint>
#include <iterator>

using namespace tenantry;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    static const int kStatuses[] = {200, 400, 401, 403, 404, 429, 500, 503, 0, 201, 302, 499};
    HttpResponse response;
    response.status = kStatuses[data[0] % std::size(kStatuses)];
    response.body = QByteArray(reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(size - 1));
    response.attempts = 1;

    const qint64 now = 1700000000;
    const TokenGrantResult result = TokenGrantResult::fromHttp(response, now);
    result.message();
    if (!result.ok())
        return 0;

    MsalCache cache;
    TokenResponseContext context;
    context.environment = QStringLiteral("login.microsoftonline.com");
    context.clientId = QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
    context.realm = QStringLiteral("organizations");
    context.requestedScopes = {QStringLiteral("https://management.core.windows.net//.default")};
    context.now = now;
    context.createAccount = true;
    writeTokenResponse(cache, result, context);
    cache.accessTokens();
    cache.accounts();
    cache.serialize();
    return 0;
}
