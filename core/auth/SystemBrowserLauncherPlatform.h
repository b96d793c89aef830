#pragma once

// SystemBrowserLauncher's operating-system part, when $BROWSER names no browser:
// SystemBrowserLauncher_unix.cpp (xdg-open, or macOS's open) and SystemBrowserLauncher_win.cpp (the URL handler).

#include <QUrl>

namespace tenantry::systembrowser {

// Whether the platform's opener can show a page here (on Linux: a desktop session and xdg-open).
bool canOpenDefault();
bool openDefault(const QUrl& url);

} // namespace tenantry::systembrowser
