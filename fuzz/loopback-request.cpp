// What a local process (or a browser) sends to the sign-in listener on 127.0.0.1: parsed as the
// listener parses each connection's bytes, then read the way the listener reads a redirect.
#include "FuzzSupport.h"

#include "auth/LoopbackRedirectListener.h"

#include <QUrlQuery>

#include <cstddef>
#include <cstdint>

using namespace tenantry;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const LoopbackRequest request = parseLoopbackRequest(bytes);
    if (request.status != LoopbackRequest::Status::Ok)
        return 0;
    FUZZ_CHECK(request.target.isRelative() && request.target.host().isEmpty()); // never another origin

    const QUrlQuery query(request.target);
    query.hasQueryItem(QStringLiteral("code"));
    query.queryItemValue(QStringLiteral("state"));
    query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded);
    QUrl redirect(QStringLiteral("http://localhost:8400"));
    redirect.setPath(request.target.path());
    redirect.setQuery(query);
    FUZZ_CHECK(redirect.host() == QStringLiteral("localhost") && redirect.port() == 8400);
    return 0;
}
