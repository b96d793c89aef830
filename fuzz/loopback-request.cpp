// What a local process (or a browser) sends to the sign-in listener on 127.0.0.1: parsed by the one
// HTTP request parser with the listener's limits, then read as the listener reads a redirect.
#include "FuzzSupport.h"

#include "auth/AuthorizationResponse.h"
#include "auth/LoopbackRedirectListener.h"
#include "http/HttpRequestParser.h"

#include <cstddef>
#include <cstdint>

using namespace tenantry;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto& limits = LoopbackRedirectListener::kRequestLimits;
    const HttpRequestParser::Result parsed = HttpRequestParser::parse(bytes, limits);
    if (parsed.status == HttpRequestParser::Status::BadRequest) {
        FUZZ_CHECK(parsed.errorStatus >= 400 && parsed.errorStatus < 600);
        return 0;
    }
    if (parsed.status == HttpRequestParser::Status::Incomplete)
        return 0;
    FUZZ_CHECK(parsed.consumed > 0 && parsed.consumed <= bytes.size());
    FUZZ_CHECK(parsed.consumed <= limits.maxHeaderBytes + limits.maxBodyBytes);
    FUZZ_CHECK(parsed.request.headers.size() <= limits.maxHeaderLines);
    FUZZ_CHECK(parsed.request.body.isEmpty()); // the listener takes no body

    const AuthorizationResponse response = AuthorizationResponse::fromQuery(parsed.request.rawQuery);
    FUZZ_CHECK(response.kind == AuthorizationResponse::Kind::Code || response.code.isEmpty());
    FUZZ_CHECK(response.kind != AuthorizationResponse::Kind::Error || !response.error.isEmpty());
    FUZZ_CHECK((response.kind == AuthorizationResponse::Kind::Code) == response.problem().isEmpty());
    return 0;
}
