// Build-time tool: renders an SVG icon to a square image of the size given: a PNG for the hicolor icon theme
// (desktops that do not scale SVGs, and the sizes where a rendered PNG is sharper than the SVG scaled at
// run time), or, for an output named *.rgba, the bare pixels (RGBA, premultiplied, 8 bits each, row by
// row) that the app embeds as its window icon and uses without decoding anything.
// Usage: tenantry-render-icon <in.svg> <size> <out.png|out.rgba>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char* argv[])
{
    // No display at build time: the offscreen platform is enough to paint into an image.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = QCoreApplication::arguments();
    bool sizeOk = false;
    const int size = args.size() == 4 ? args.at(2).toInt(&sizeOk) : 0;
    if (!sizeOk || size < 1 || size > 1024) {
        err << "usage: tenantry-render-icon <in.svg> <size 1..1024> <out.png|out.rgba>\n";
        return 2;
    }
    QSvgRenderer svg(args.at(1));
    if (!svg.isValid()) {
        err << "cannot read the SVG " << args.at(1) << "\n";
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    svg.render(&painter);
    painter.end();
    if (args.at(3).endsWith(QLatin1String(".rgba"))) {
        const QImage pixels = image.convertToFormat(QImage::Format_RGBA8888_Premultiplied);
        QFile out(args.at(3));
        const auto bytes = static_cast<qint64>(pixels.sizeInBytes());
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            out.write(reinterpret_cast<const char*>(pixels.constBits()), bytes) != bytes) {
            err << "cannot write " << args.at(3) << "\n";
            return 1;
        }
        return 0;
    }
    if (!image.save(args.at(3), "PNG")) {
        err << "cannot write " << args.at(3) << "\n";
        return 1;
    }
    return 0;
}
