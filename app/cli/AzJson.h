#pragma once

#include "util/Json.h"

#include <QString>

namespace tenantry::cli {

// Values as az writes them in its JSON output.

Json jstr(const QString& text);

// az prints expiresOn as local time with microseconds: datetime.fromtimestamp(...).strftime(...)
QString azLocalTime(qint64 secs);

} // namespace tenantry::cli
