#pragma once

#include "auth/AuthorizationBrowser.h"

#include <QtPlugin>

class QWidget;

namespace tenantry {

// The embedded sign-in browser as the app sees it, without a QtWebEngine header: the plugin
// tenantry-signin-webengine implements it (WebEngineAuthorizationBrowser), so the app maps
// QtWebEngine only once a sign-in asks for the embedded browser.
class EmbeddedAuthorizationBrowser : public AuthorizationBrowser
{
public:
    using AuthorizationBrowser::AuthorizationBrowser;

    // The sign-in window while it is open (to raise it), else null.
    virtual QWidget* window() const = 0;
    // Shows why the sign-in failed in its window while that is open.
    virtual void showFailure(const QString& message) = 0;
};

// What the plugin exports: makes the embedded browsers.
class EmbeddedSignInFactory
{
public:
    virtual ~EmbeddedSignInFactory() = default;

    // `dialogParent`: the window the sign-in dialog belongs to (may be null: a top-level dialog).
    virtual EmbeddedAuthorizationBrowser* createBrowser(QWidget* dialogParent, QObject* parent) = 0;
};

} // namespace tenantry

#define TENANTRY_EMBEDDED_SIGNIN_IID "org.tenantry.EmbeddedSignInFactory/1.0"
Q_DECLARE_INTERFACE(tenantry::EmbeddedSignInFactory, TENANTRY_EMBEDDED_SIGNIN_IID)
