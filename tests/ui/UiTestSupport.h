#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QPixmap>
#include <QScreen>
#include <QWidget>

namespace tenantry::test {

// With TENANTRY_SCREENSHOT_DIR set, saves what a widget shows (to look at dialogs without
// clicking through the app); otherwise does nothing.
inline void saveScreenshot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("TENANTRY_SCREENSHOT_DIR");
    if (dir.isEmpty() || !widget)
        return;
    QDir().mkpath(dir);
    QCoreApplication::processEvents();
    // From the screen where there is one: QtWebEngine's content is not in QWidget::grab().
    QPixmap shot;
    if (QGuiApplication::platformName() != QLatin1String("offscreen") && widget->isWindow() && widget->screen())
        shot = widget->screen()->grabWindow(widget->winId());
    if (shot.isNull())
        shot = widget->grab();
    shot.save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace tenantry::test
