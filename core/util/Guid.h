#pragma once

#include <QStringView>

namespace tenantry {

// A GUID as Entra ID and ARM write them: 8-4-4-4-12 hex digits, 36 characters, no braces, either case.
// The nil GUID has the shape and passes: a check of form, not of whether such a tenant or subscription
// exists (the service answers that). QUuid::fromString also takes braces, which no id here ever has.
bool isGuid(QStringView text);

} // namespace tenantry
