#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QPixmap>
#include <QPushButton>
#include <QScreen>
#include <QUrl>
#include <QWidget>

#include "fakes/TestFiles.h"

namespace tenantry::test {

// The push button under `parent` that reads `text` (with its mnemonic: "&Open page"), or nullptr.
inline QPushButton* buttonWithText(QWidget* parent, const QString& text)
{
    const auto buttons = parent->findChildren<QPushButton*>();
    for (QPushButton* button : buttons) {
        if (button->text() == text)
            return button;
    }
    return nullptr;
}

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

// What the app must not map until a sign-in needs the embedded browser: QtWebEngine (Chromium), the
// Qt Quick and QML it brings, and an OpenGL driver (Mesa's; llvmpipe maps libLLVM). Qt Gui's own GL
// dispatch libraries (libGLX.so, libEGL.so, libOpenGL.so from glvnd) load no driver and are allowed.
inline const QStringList kSignInOnlyLibraries{QStringLiteral("libQt6WebEngine"), QStringLiteral("libQt6Quick"),
                                              QStringLiteral("libQt6Qml"),       QStringLiteral("_mesa.so"),
                                              QStringLiteral("_dri.so"),         QStringLiteral("libLLVM"),
                                              QStringLiteral("libgallium")};

// The files mapped into this process (/proc/self/maps) whose name contains one of `names`.
inline QStringList mappedLibraries(const QStringList& names = kSignInOnlyLibraries)
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly | QIODevice::Text))
        return {QStringLiteral("(cannot read /proc/self/maps)")};
    QStringList found;
    const QList<QByteArray> lines = maps.readAll().split('\n');
    for (const QByteArray& line : lines) {
        const int slash = line.indexOf('/');
        if (slash < 0)
            continue;
        const QString path = QString::fromLocal8Bit(line.mid(slash));
        const QString file = path.section(QLatin1Char('/'), -1);
        for (const QString& name : names) {
            if (file.contains(name) && !found.contains(path))
                found << path;
        }
    }
    return found;
}

} // namespace tenantry::test
