#include "AppIcons.h"

#include <QGuiApplication>
#include <QPalette>

namespace tenantry::AppIcons {

QIcon application()
{
    QIcon icon;
    icon.addFile(QStringLiteral(":/icons/tenantry.svg"));
    return icon;
}

bool paletteIsDark()
{
    const QPalette palette = QGuiApplication::palette();
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QIcon tray(bool needsAttention, TrayTheme theme)
{
    const bool dark = theme == TrayTheme::DarkPanel || (theme == TrayTheme::Automatic && paletteIsDark());
    const QString name = QStringLiteral(":/icons/tray%1-on-%2.svg")
                             .arg(needsAttention ? QStringLiteral("-attention") : QString(),
                                  dark ? QStringLiteral("dark") : QStringLiteral("light"));
    return QIcon(name);
}

} // namespace tenantry::AppIcons
