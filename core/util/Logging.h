#pragma once

#include <QLoggingCategory>

// One category per area, dotted names (QT_LOGGING_RULES="tenantry.core.*=true" turns them on).
Q_DECLARE_LOGGING_CATEGORY(lcCache)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcKeychain)
Q_DECLARE_LOGGING_CATEGORY(lcProfile)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcArm)
Q_DECLARE_LOGGING_CATEGORY(lcAccount)
