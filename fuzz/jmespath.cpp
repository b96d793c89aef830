// `--query` as a user (or a script fed by someone else) types it, applied to JSON that came from
// ARM or a file: the first line is the JMESPath expression, the rest the data (when it is not JSON,
// a fixed account list stands in, so expressions still get evaluated).
#include "FuzzSupport.h"

#include "JmesPath.h"

#include <cstddef>
#include <cstdint>

using namespace tenantry;
using namespace tenantry::cli;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const qsizetype newline = bytes.indexOf('\n');
    const QByteArray expression = newline < 0 ? bytes : bytes.left(newline);
    const QByteArray document = newline < 0 ? QByteArray() : bytes.mid(newline + 1);

    const Result<JmesPath> query = JmesPath::compile(QString::fromUtf8(expression));
    if (!query)
        return 0;

    static const Json fallback = Json::parse(R"([
        {"name": "Dev", "id": "1", "isDefault": true, "state": "Enabled", "tags": {"a": 1}, "n": [3, 1, 2]},
        {"name": "Prod", "id": "2", "isDefault": false, "state": "Disabled", "tags": null, "n": []}
    ])");
    json::ParseResult parsed = json::parse(document);
    const Json& input = parsed.value ? *parsed.value : fallback;
    if (const Result<Json> result = query->search(input))
        json::dumpAzOutput(*result);
    return 0;
}
