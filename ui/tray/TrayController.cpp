#include "tray/TrayController.h"

#include "UiLogging.h"
#include "tray/TrayMenu.h"

#include <QMenu>

namespace tenantry {

namespace {

// The panel may come up after autostarted apps; KeePassXC waits similarly before giving up.
constexpr int kRetryIntervalMs = 2000;
constexpr int kMaxAttempts = 15;

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

void TrayController::refreshToolTip()
{
    if (m_icon)
        m_icon->setToolTip(m_menu->toolTip());
}

void TrayController::notify(const QString& title, const QString& message)
{
    if (m_icon && m_icon->isVisible() && QSystemTrayIcon::supportsMessages())
        m_icon->showMessage(title, message, AppIcons::application());
}

void TrayController::onActiveSubscriptionChanged(const Subscription& subscription)
{
    refreshToolTip();
    // One global active subscription is shared by every shell: make the switch visible.
    notify(tr("Active subscription changed"),
           tr("az now uses “%1” in %2.").arg(subscription.name, m_menu->tenantName(subscription)));
}

} // namespace tenantry
