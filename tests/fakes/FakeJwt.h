#pragma once

#include "util/Json.h"

#include <QString>

namespace tenantry::test {

// An unsigned JWT ("alg": "none") with the given claims, like the test identity provider issues.
QString makeJwt(const Json& claims);
QString clientInfo(const QString& uid, const QString& utid); // base64url {"uid","utid"}

} // namespace tenantry::test
