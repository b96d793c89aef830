#pragma once

#include "signin/EmbeddedSignIn.h"

#include <QObject>

namespace tenantry {

// The entry point of the plugin tenantry-signin-webengine, which EmbeddedSignInLoader loads the first
// time a sign-in needs the embedded browser: everything that maps QtWebEngine is behind it.
class WebEngineSignInPlugin : public QObject, public EmbeddedSignInFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID TENANTRY_EMBEDDED_SIGNIN_IID)
    Q_INTERFACES(tenantry::EmbeddedSignInFactory)

public:
    using QObject::QObject;

    EmbeddedAuthorizationBrowser* createBrowser(QWidget* dialogParent, QObject* parent) override;
};

} // namespace tenantry
