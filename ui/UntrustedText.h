#pragma once

#include <QString>

namespace tenantry {

// Tenant, subscription and account names, domains and error messages come from servers and other
// programs' files: a guest tenant's admin chooses its display name. Labels and message boxes that
// show such text get Qt::PlainText. Tooltips have no format to set (Qt guesses rich text from the
// first line), so they get this: rich text that reads as `text` itself, markup and line breaks
// included, its lines unwrapped as in a plain-text tooltip.
QString plainTextToolTip(const QString& text);

} // namespace tenantry
