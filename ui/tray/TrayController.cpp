#include "tray/TrayController.h"

#include "UiLogging.h"
#include "UntrustedText.h"
#include "tray/TrayMenu.h"

#include <QMenu>

#ifdef TENANTRY_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#endif

namespace tenantry {

namespace {

// The panel may come up after autostarted apps; KeePassXC waits similarly before giving up.
constexpr int kRetryIntervalMs = 2000;
constexpr int kMaxAttempts = 15;

// Where a StatusNotifierWatcher is on the session bus, Qt shows its tray icon over D-Bus
// (StatusNotifierItem; Qt 6.4 also asks whether a host registered, later versions do not) and hands
// showMessage() to org.freedesktop.Notifications, whose servers read the body as markup (<b>,
// <a href>, <img src>). Otherwise Qt draws an XEmbed icon, its tooltip a QToolTip that guesses rich
// text, and its own balloon in plain text. When in doubt this says D-Bus: escaped text a balloon
// shows literally is ugly, markup a server renders is not safe.
bool trayReadsMarkup()
{
#ifdef TENANTRY_HAVE_DBUS
    const QDBusConnection bus = QDBusConnection::sessionBus();
    return bus.isConnected() && bus.interface() &&
           bus.interface()->isServiceRegistered(QStringLiteral("org.kde.StatusNotifierWatcher")).value();
#else
    return false; // Windows and macOS show both as plain text
#endif
}

} // namespace

TrayController::TrayController(TrayMenu* menu, QObject* parent)
    : QObject(parent)
    , m_menu(menu)
{
    m_retry.setInterval(kRetryIntervalMs);
    connect(&m_retry, &QTimer::timeout, this, &TrayController::tryShow);
    connect(m_menu, &TrayMenu::rebuilt, this, &TrayController::refreshToolTip);
    connect(m_menu, &TrayMenu::activeSubscriptionChanged, this, &TrayController::onActiveSubscriptionChanged);
    connect(m_menu, &TrayMenu::switchFailed, this,
            [this](const QString& message) { notify(tr("Could not switch the subscription"), message); });
}

void TrayController::start()
{
    m_attempts = 0;
    tryShow();
}

void TrayController::tryShow()
{
    if (m_icon && m_icon->isVisible()) {
        m_retry.stop();
        return;
    }
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        if (++m_attempts >= kMaxAttempts) {
            m_retry.stop();
            qCInfo(lcTray) << "no system tray: running as a normal window";
            emit availabilityChanged(false);
        } else if (!m_retry.isActive()) {
            m_retry.start();
        }
        return;
    }
    m_retry.stop();
    if (!m_icon) {
        statusNotifierTray(); // decided as Qt decides its backend: when the icon is made
        m_icon = new QSystemTrayIcon(this);
        m_icon->setContextMenu(m_menu->menu());
        connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                emit activated();
        });
    }
    updateIcon();
    refreshToolTip();
    m_icon->show();
    qCInfo(lcTray) << "tray icon shown";
    emit availabilityChanged(true);
}

void TrayController::setTheme(AppIcons::TrayTheme theme)
{
    m_theme = theme;
    updateIcon();
}

void TrayController::setNeedsAttention(bool needsAttention)
{
    m_needsAttention = needsAttention;
    updateIcon();
}

void TrayController::updateIcon()
{
    if (m_icon)
        m_icon->setIcon(AppIcons::tray(m_needsAttention, m_theme));
}

bool TrayController::statusNotifierTray() const
{
    // A D-Bus round trip the window need not wait for.
    if (!m_statusNotifierTray)
        m_statusNotifierTray = trayReadsMarkup();
    return *m_statusNotifierTray;
}

QString TrayController::trayToolTip() const
{
    // A StatusNotifierItem's tooltip title is plain text; an XEmbed icon's is a guessing QToolTip.
    return statusNotifierTray() ? m_menu->toolTip() : plainTextToolTip(m_menu->toolTip());
}

QString TrayController::notificationBody(const QString& message) const
{
    // The title (a notification's "summary") is plain text for both.
    if (!statusNotifierTray())
        return message;
    // Markup is XML: one control character (an ESC in a tenant's name) makes the whole body invalid,
    // and servers then drop or mangle it. A replacement character shows where it was.
    QString body = message.toHtmlEscaped();
    for (QChar& c : body) {
        if (c.category() == QChar::Other_Control && c != QLatin1Char('\n') && c != QLatin1Char('\t'))
            c = QChar::ReplacementCharacter;
    }
    return body;
}

void TrayController::refreshToolTip()
{
    if (m_icon)
        m_icon->setToolTip(trayToolTip());
}

void TrayController::notify(const QString& title, const QString& message)
{
    if (m_icon && m_icon->isVisible() && QSystemTrayIcon::supportsMessages())
        m_icon->showMessage(title, notificationBody(message), AppIcons::application());
}

void TrayController::onActiveSubscriptionChanged(const Subscription& subscription)
{
    refreshToolTip();
    // One global active subscription is shared by every shell: make the switch visible.
    notify(tr("Active subscription changed"),
           tr("az now uses “%1” in %2.").arg(subscription.name, m_menu->tenantName(subscription)));
}

} // namespace tenantry
