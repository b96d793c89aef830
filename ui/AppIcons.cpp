#include "AppIcons.h"

#include <QBuffer>
#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QResource>

#include <algorithm>

namespace tenantry::AppIcons {

QIcon application()
{
    // Each size's pixels as rendered from tenantry.svg at build time (resources/Resources.cmake): this is the
    // window's icon, converted at every size it has before the window is mapped, so it is read as it lies.
    static const int kSizes[] = {TENANTRY_WINDOW_ICON_SIZES}; // resources/Resources.cmake's list
    QIcon icon;
    for (const int size : kSizes) {
        const QResource pixels(QStringLiteral(":/icons/application/%1.rgba").arg(size));
        const QByteArray bytes = pixels.uncompressedData(); // no copy: the resource is stored uncompressed
        if (bytes.size() != qsizetype(size) * size * 4)
            continue;
        const QImage image(reinterpret_cast<const uchar*>(bytes.constData()), size, size,
                           QImage::Format_RGBA8888_Premultiplied);
        icon.addPixmap(QPixmap::fromImage(image));
    }
    return icon;
}

QIcon logo()
{
    return QIcon(QStringLiteral(":/icons/tenantry.svg"));
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

// The monochrome SVG in the palette's text colour (its disabled text colour for disabled icons), rendered
// at each size when it is first asked for: crisp at 16 px without relying on the SVG icon engine's scaling,
// and a window's first paint renders the one or two sizes it shows instead of every size menus, toolbars
// and trees might use. Each size is a QIcon of its two pixmaps, so the active and selected modes come from
// the style as they would for any pixmap icon.
class TintedSvgIconEngine : public QIconEngine
{
public:
    explicit TintedSvgIconEngine(QByteArray svg)
        : m_svg(std::move(svg))
    {}

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return atSize(std::max(size.width(), size.height())).pixmap(size, mode, state);
    }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
        QPixmap pixmap = this->pixmap(rect.size() * ratio, mode, state);
        pixmap.setDevicePixelRatio(ratio);
        painter->drawPixmap(rect, pixmap);
    }

    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override
    {
        QList<QSize> sizes;
        for (const int size : kSizes)
            sizes.append(QSize(size, size));
        return sizes;
    }

    bool isNull() override { return m_svg.isEmpty(); }
    QString key() const override { return QStringLiteral("tenantry-tinted-svg"); }
    QIconEngine* clone() const override { return new TintedSvgIconEngine(*this); }

private:
    static constexpr int kSizes[] = {16, 22, 24, 32, 44, 48, 64};

    const QIcon& atSize(int size)
    {
        size = std::max(size, 1);
        auto it = m_bySize.find(size);
        if (it == m_bySize.end()) {
            const QPalette palette = QGuiApplication::palette();
            QIcon icon;
            icon.addPixmap(render(palette.color(QPalette::Active, QPalette::WindowText), size), QIcon::Normal);
            // The style's own disabled variant of a pixmap is too faint for thin strokes.
            icon.addPixmap(render(palette.color(QPalette::Disabled, QPalette::WindowText), size), QIcon::Disabled);
            it = m_bySize.insert(size, icon);
        }
        return *it;
    }

    QPixmap render(const QColor& colour, int size) const
    {
        QByteArray svg = m_svg;
        svg.replace("#000000", colour.name().toLatin1());
        // Through Qt's SVG image plugin, named so that no other is tried: the app does not link QtSvg, which
        // is then loaded with the first icon painted instead of before the window is shown.
        QBuffer buffer(&svg);
        QImageReader reader(&buffer, "svg");
        reader.setAutoDetectImageFormat(false);
        reader.setScaledSize(QSize(size, size));
        QImage image = reader.read();
        if (image.isNull()) { // no SVG plugin installed: an empty icon of the size, not a crash
            image = QImage(size, size, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
        }
        return QPixmap::fromImage(std::move(image));
    }

    QByteArray m_svg;
    QHash<int, QIcon> m_bySize;
};

// The action icon itself: the theme's, or ours tinted at the sizes menus, toolbars and trees ask for.
QIcon buildAction(const QString& name)
{
    const QString theme = themeName(name);
    if (!theme.isEmpty() && QIcon::hasThemeIcon(theme))
        return QIcon::fromTheme(theme);
    QFile file(QStringLiteral(":/icons/actions/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QIcon(new TintedSvgIconEngine(file.readAll()));
}

// The icon `build` makes, built when something first asks for a pixmap or paints it.
class DeferredIconEngine : public QIconEngine
{
public:
    DeferredIconEngine(std::function<QIcon()> build, bool knownNotNull)
        : m_build(std::move(build))
        , m_knownNotNull(knownNotNull)
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

    // Layouts ask every tool button whether it has an icon before the window is shown: where the answer
    // is known, asking builds nothing.
    bool isNull() override { return m_knownNotNull ? false : icon().isNull(); }
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
    bool m_knownNotNull;
    QIcon m_icon;
    bool m_built = false;
};

} // namespace

QIcon deferred(std::function<QIcon()> build)
{
    return QIcon(new DeferredIconEngine(std::move(build), /*knownNotNull=*/false));
}

QIcon action(const QString& name)
{
    // The theme lookup (it reads the theme's index) and the SVG rendering happen at the first paint,
    // after the window is shown, and never for icons nobody looks at (most menu entries at start).
    // Ours is embedded, so the icon is never null when it exists, whatever the theme has.
    const bool embedded = QFile::exists(QStringLiteral(":/icons/actions/%1.svg").arg(name));
    return QIcon(new DeferredIconEngine([name] { return buildAction(name); }, embedded));
}

QIcon status(const QString& name)
{
    return QIcon(QStringLiteral(":/icons/status/%1.svg").arg(name));
}

} // namespace tenantry::AppIcons
