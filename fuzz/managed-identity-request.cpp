// What a local process sends to `tenantry-cli exec`'s token endpoint: parsed by the one HTTP request
// parser with the endpoint's limits, then read as the endpoint reads a token request.
#include "FuzzSupport.h"

#include "http/HttpRequestParser.h"
#include "tools/ManagedIdentityEndpoint.h"
#include "tools/ManagedIdentityRequest.h"

#include <cstddef>
#include <cstdint>

using namespace tenantry;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const QByteArray secret("c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I");
    static const QByteArray host("127.0.0.1:40000");
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto& limits = ManagedIdentityEndpoint::kRequestLimits;
    const HttpRequestParser::Result parsed = HttpRequestParser::parse(bytes, limits);
    if (parsed.status != HttpRequestParser::Status::Complete)
        return 0;
    FUZZ_CHECK(parsed.consumed <= limits.maxHeaderBytes);
    const auto ask = readManagedIdentityRequest(parsed.request, secret, host);
    if (!ask) {
        FUZZ_CHECK(ask.error().status >= 400 && ask.error().status < 500);
        FUZZ_CHECK(!ask.error().body.contains(secret)); // a refusal never echoes the secret
        return 0;
    }
    // Only a request with exactly the secret, the host and GET gets this far.
    FUZZ_CHECK(parsed.request.method == "GET");
    FUZZ_CHECK(parsed.request.header("x-identity-header") == secret);
    FUZZ_CHECK(parsed.request.header("host") == host);
    FUZZ_CHECK(!ask->scope.isEmpty() && !ask->scope.contains(QLatin1Char(' ')));
    return 0;
}
