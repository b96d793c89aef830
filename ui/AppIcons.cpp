#include "AppIcons.h"

#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

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

namespace {

// The freedesktop names of the theme icons that mean the same as ours.
QString themeName(const QString& name)
{
    static const QHash<QString, QString> kNames = {
        {QStringLiteral("sign-in"), QStringLiteral("system-log-in")},
        {QStringLiteral("sign-out"), QStringLiteral("system-log-out")},
        {QStringLiteral("copy-token"), QStringLiteral("edit-copy")},
        {QStringLiteral("refresh"), QStringLiteral("view-refresh")},
    };
    return kNames.value(name);
}

// Renders the monochrome SVG in `colour` at the sizes menus, toolbars and trees ask for (and their
// high-DPI doubles): crisp at 16 px without relying on the SVG icon engine's scaling.
void addTinted(QIcon* icon, QByteArray svg, const QColor& colour, QIcon::Mode mode)
{
    svg.replace("#000000", colour.name().toLatin1());
    QSvgRenderer renderer(svg);
    for (const int size : {16, 22, 24, 32, 44, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        renderer.render(&painter);
        painter.end();
        icon->addPixmap(pixmap, mode);
    }
}

} // namespace

QIcon action(const QString& name)
{
    const QString theme = themeName(name);
    if (!theme.isEmpty() && QIcon::hasThemeIcon(theme))
        return QIcon::fromTheme(theme);
    QFile file(QStringLiteral(":/icons/actions/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray svg = file.readAll();
    const QPalette palette = QGuiApplication::palette();
    QIcon icon;
    addTinted(&icon, svg, palette.color(QPalette::Active, QPalette::WindowText), QIcon::Normal);
    // The style's own disabled variant of a pixmap is too faint for thin strokes.
    addTinted(&icon, svg, palette.color(QPalette::Disabled, QPalette::WindowText), QIcon::Disabled);
    return icon;
}

QIcon status(const QString& name)
{
    return QIcon(QStringLiteral(":/icons/status/%1.svg").arg(name));
}

} // namespace tenantry::AppIcons
