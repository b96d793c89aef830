#include "UntrustedText.h"

namespace tenantry {

QString plainTextToolTip(const QString& text)
{
    if (text.isEmpty())
        return {}; // no tooltip at all, rather than an empty one
    return QStringLiteral("<p style=\"white-space:pre\">") + text.toHtmlEscaped() + QStringLiteral("</p>");
}

} // namespace tenantry
