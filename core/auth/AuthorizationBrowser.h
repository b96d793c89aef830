#pragma once

#include "auth/AuthorizationResponse.h"

#include <QObject>
#include <QUrl>

namespace tenantry {

// Shows the identity provider's sign-in page and reports where it redirected: the seam between
// the auth code flow and a browser. The CLI uses the system browser with a loopback listener;
// the app fills it with an embedded QtWebEngine view that intercepts the redirect.
class AuthorizationBrowser : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Gets ready to catch the redirect (binds a port, ...); the redirect URI is known afterwards.
    virtual bool prepare(QString* error) = 0;
    virtual QString redirectUri() const = 0;
    // Opens the page. A redirect whose `state` differs is never reported as redirected(): the embedded
    // browser ignores it, the loopback listener (which anyone local can reach) fails the sign-in.
    virtual void open(const QUrl& authorizeUrl, const QString& expectedState) = 0;
    virtual void cancel() = 0;

signals:
    // The redirect with this sign-in's state, read once by the browser that caught it: a code or the
    // provider's error (or, Malformed, a response that could not be read).
    void redirected(const tenantry::AuthorizationResponse& response);
    void failed(const QString& message);
    void cancelled();
};

// Opens a URL in the user's browser (xdg-open, open, start; the app uses QDesktopServices).
class BrowserLauncher
{
public:
    virtual ~BrowserLauncher() = default;
    virtual bool canOpen() const = 0;
    virtual bool open(const QUrl& url) = 0;
};

// The platform's own opener, for headless programs (tenantry-cli): xdg-open on Linux, only when a
// desktop session is there, as az's can_launch_browser() decides. The platform's part is in
// SystemBrowserLauncher_unix.cpp / SystemBrowserLauncher_win.cpp.
class SystemBrowserLauncher final : public BrowserLauncher
{
public:
    bool canOpen() const override;
    bool open(const QUrl& url) override;
};

} // namespace tenantry
