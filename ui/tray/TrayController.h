#pragma once

#include "AppIcons.h"

#include <QObject>
#include <QPointer>
#include <QSystemTrayIcon>
#include <QTimer>

#include <optional>

namespace tenantry {

class TrayMenu;
struct Subscription;

// The notification-area icon: shown only where a system tray exists (retrying for a while at
// login, when the panel may start after Tenantry), with TrayMenu as its context menu, a tooltip
// naming the active subscription, an "attention" variant of the icon, and a notification when the
// active subscription changes. Names in the tooltip and notifications are shown as the text they are,
// in whatever form the tray in use reads (see trayReadsMarkup()).
class TrayController : public QObject
{
    Q_OBJECT

public:
    explicit TrayController(TrayMenu* menu, QObject* parent = nullptr);

    // Starts (and keeps trying for a while) to put the icon in the tray.
    void start();
    bool isVisible() const { return m_icon && m_icon->isVisible(); }
    QSystemTrayIcon* icon() const { return m_icon; }
    void setTheme(AppIcons::TrayTheme theme);

    // The tray's tooltip and a notification's body as handed to the tray: escaped where the tray
    // reads markup, so that a tenant named "<a href=…>" reads as just that.
    QString trayToolTip() const;
    QString notificationBody(const QString& message) const;
    // Whether a StatusNotifierWatcher shows the icon over D-Bus (its texts are markup): asked once, when first
    // needed (at the latest when the icon is made), not when the app is built.
    bool statusNotifierTray() const;

public slots:
    void setNeedsAttention(bool needsAttention);
    void refreshToolTip();
    void notify(const QString& title, const QString& message);

signals:
    void availabilityChanged(bool available); // the icon appeared (true) or could not (false)
    void activated();                         // a click on the icon: show or hide the window

private:
    void tryShow();
    void updateIcon();
    void onActiveSubscriptionChanged(const Subscription& subscription);

    TrayMenu* m_menu;
    QPointer<QSystemTrayIcon> m_icon;
    QTimer m_retry;
    int m_attempts = 0;
    bool m_needsAttention = false;
    AppIcons::TrayTheme m_theme = AppIcons::TrayTheme::Automatic;
    mutable std::optional<bool> m_statusNotifierTray; // decided once, as Qt decides its tray backend once
};

} // namespace tenantry
