#pragma once

#include "util/Json.h"

#include <optional>

namespace tenantry::fields {

// Fields of an identity provider's JSON answer, which may be missing, mistyped or absurd. Neither
// function throws, whatever `object` is.

// A string member; empty when absent or not a string (a number is not an access token).
QString string(const Json& object, const char* key);

// A duration in seconds, given as a number or a string of digits (AAD v1 sends strings); nullopt when
// absent, mistyped or negative. Anything above `maxSecs` (however large) is `maxSecs`.
std::optional<qint64> seconds(const Json& object, const char* key, qint64 maxSecs);

} // namespace tenantry::fields
