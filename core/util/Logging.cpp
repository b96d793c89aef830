#include "util/Logging.h"

Q_LOGGING_CATEGORY(lcCache, "tenantry.core.cache", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "tenantry.core.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKeychain, "tenantry.core.keychain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProfile, "tenantry.core.profile", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "tenantry.core.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "tenantry.core.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcArm, "tenantry.core.arm", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAccount, "tenantry.core.account", QtInfoMsg)
