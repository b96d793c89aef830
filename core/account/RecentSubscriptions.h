#pragma once

#include <QStringList>

namespace tenantry {

class AppSettings;

// The subscriptions last made active through Tenantry (the tray, the window, `tenantry-cli account set`),
// newest first, kept as Tenantry's setting: ids only, at most kMax. Whatever the file holds that is not
// a subscription id (a hand edit, a garbled value) is skipped, never shown.
class RecentSubscriptions
{
public:
    static constexpr int kMax = 5;

    explicit RecentSubscriptions(AppSettings& settings);

    QStringList ids() const; // lower case, newest first, each once
    // A switch to `subscriptionId`: it goes first (moving up if it was there), the oldest beyond kMax goes.
    // Written at once, as the CLI exits right after.
    void remember(const QString& subscriptionId);
    void reload(); // what another process (tenantry-cli) wrote meanwhile

private:
    AppSettings& m_settings;
};

} // namespace tenantry
