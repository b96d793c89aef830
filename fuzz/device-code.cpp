// The device authorization endpoint's answer: read into the code, page and timing the user and the
// poller act on. The first byte picks the HTTP status, the rest is the body. Whatever the answer,
// the poll interval and lifetime stay in their bounds and the page stays on an allowed host.
#include "FuzzSupport.h"

#include "auth/TokenClient.h"

#include <cstddef>
#include <cstdint>
#include <iterator>

using namespace tenantry;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    static const int kStatuses[] = {200, 400, 401, 403, 429, 500, 0, 201, 302};
    HttpResponse response;
    response.status = kStatuses[data[0] % std::size(kStatuses)];
    response.body = QByteArray(reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(size - 1));
    response.attempts = 1;

    static const QUrl authorityHost(QStringLiteral("https://login.microsoftonline.com"));
    const qint64 now = 1700000000;
    const DeviceCodeAnswer answer = parseDeviceCodeResponse(response, authorityHost, now);
    if (!answer.code)
        return 0;
    const DeviceCode& code = *answer.code;
    FUZZ_CHECK(code.intervalSecs >= DeviceCode::kMinIntervalSecs && code.intervalSecs <= DeviceCode::kMaxIntervalSecs);
    FUZZ_CHECK(code.expiresAt > now && code.expiresAt <= now + DeviceCode::kMaxLifetimeSecs);
    FUZZ_CHECK(isAllowedVerificationUri(code.verificationUri, authorityHost));
    FUZZ_CHECK(!code.userCode.isEmpty() && !code.deviceCode.isEmpty());
    return 0;
}
