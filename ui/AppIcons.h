#pragma once

#include <QIcon>
#include <QString>

#include <functional>

namespace tenantry {

// Tenantry's own icons, embedded from resources/icons (SVG, rendered by Qt's SVG plugins at any size; the
// window icon's pixels rendered at build time).
namespace AppIcons {

// The application id: .desktop file, AppStream component and installed icon name.
inline const QString kAppId = QStringLiteral("org.tenantry.Tenantry");

enum class TrayTheme {
    Automatic, // from the palette: a dark window colour means a dark panel is likely
    LightPanel,
    DarkPanel,
};

// The application's icon at 16 to 64 px, from pixels rendered at build time: the window's (see logo() for
// larger sizes).
QIcon application();
// The same icon as SVG, crisp at any size: for drawing it large (the welcome page, About).
QIcon logo();
// A monochrome mark for the notification area; `needsAttention` adds an orange dot
// (a tenant needs an interactive sign-in, a refresh token is dead).
QIcon tray(bool needsAttention, TrayTheme theme = TrayTheme::Automatic);
bool paletteIsDark();

// A monochrome action or tree icon (resources/icons/actions/<name>.svg: account, tenant,
// subscription, sign-in, sign-out, copy-token, refresh, make-active), drawn in the palette's text
// colour so it reads on light and dark themes alike. The desktop theme's icon wins where one exists.
QIcon action(const QString& name);
// The icon `build` makes, built when it is first painted or asked for a pixmap: start-up pays
// nothing for an icon that is not on screen yet.
QIcon deferred(std::function<QIcon()> build);
// A coloured status mark (resources/icons/status/<name>.svg: active, signed-in, needs-sign-in,
// error, refreshing).
QIcon status(const QString& name);

} // namespace AppIcons

} // namespace tenantry
