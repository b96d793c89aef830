#pragma once

#include <QLoggingCategory>

// The desktop app's categories (QT_LOGGING_RULES="tenantry.ui.*=true" turns them on).
Q_DECLARE_LOGGING_CATEGORY(lcUi)
Q_DECLARE_LOGGING_CATEGORY(lcSignIn)
Q_DECLARE_LOGGING_CATEGORY(lcTray)
Q_DECLARE_LOGGING_CATEGORY(lcClipboard)
Q_DECLARE_LOGGING_CATEGORY(lcAccounts)
Q_DECLARE_LOGGING_CATEGORY(lcStartup) // debug: the steps from main() to the window's first paint, in ms
