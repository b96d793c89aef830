#include "UiLogging.h"

Q_LOGGING_CATEGORY(lcUi, "tenantry.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSignIn, "tenantry.ui.signin", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTray, "tenantry.ui.tray", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClipboard, "tenantry.ui.clipboard", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAccounts, "tenantry.ui.accounts", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStartup, "tenantry.ui.startup", QtInfoMsg)
