#include "signin/webengine/WebEngineSignInPlugin.h"

#include "signin/webengine/EmbeddedSignInDialog.h" // WebEngineAuthorizationBrowser::dialog() needs the whole type
#include "signin/webengine/WebEngineAuthorizationBrowser.h"

namespace tenantry {

EmbeddedAuthorizationBrowser* WebEngineSignInPlugin::createBrowser(QWidget* dialogParent, QObject* parent)
{
    return new WebEngineAuthorizationBrowser(dialogParent, parent);
}

} // namespace tenantry
