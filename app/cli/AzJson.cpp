#include "AzJson.h"

#include <QDateTime>

namespace tenantry::cli {

Json jstr(const QString& text)
{
    return Json(text.toStdString());
}

QString azLocalTime(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.000000"));
}

} // namespace tenantry::cli
