#include "AppIcons.h"

#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
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

// The action icon itself: the theme's, or ours tinted at every size menus, toolbars and trees use.
QIcon buildAction(const QString& name)
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

// The icon `build` makes, built when something first asks for a pixmap or paints it.
class DeferredIconEngine : public QIconEngine
{
public:
    explicit DeferredIconEngine(std::function<QIcon()> build)
        : m_build(std::move(build))
    {}

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, 1.0, mode, state);
    }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }

    QSize actualSize(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().actualSize(size, mode, state);
    }

    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return icon().availableSizes(mode, state);
    }

    bool isNull() override { return icon().isNull(); }
    QString key() const override { return QStringLiteral("tenantry-deferred"); }
    QIconEngine* clone() const override { return new DeferredIconEngine(*this); }

private:
    const QIcon& icon()
    {
        if (!m_built) {
            m_icon = m_build();
            m_built = true;
        }
        return m_icon;
    }

    std::function<QIcon()> m_build;
    QIcon m_icon;
    bool m_built = false;
};

} // namespace

QIcon deferred(std::function<QIcon()> build)
{
    return QIcon(new DeferredIconEngine(std::move(build)));
}

QIcon action(const QString& name)
{
    // The theme lookup (it reads the theme's index) and the SVG rendering happen at the first paint,
    // after the window is shown, and never for icons nobody looks at (most menu entries at start).
    return deferred([name] { return buildAction(name); });
}

QIcon status(const QString& name)
{
    return QIcon(QStringLiteral(":/icons/status/%1.svg").arg(name));
}

} // namespace tenantry::AppIcons
