#include "account/RecentSubscriptions.h"

#include "util/AppSettings.h"
#include "util/Guid.h"

namespace tenantry {

RecentSubscriptions::RecentSubscriptions(AppSettings& settings)
    : m_settings(settings)
{}

QStringList RecentSubscriptions::ids() const
{
    // A single id reads back as a string, a hand edit as anything: toStringList() takes both.
    const QStringList stored = m_settings.value(AppSettings::Key::RecentSubscriptions).toStringList();
    QStringList ids;
    for (const QString& entry : stored) {
        const QString id = entry.trimmed().toLower();
        if (isGuid(id) && !ids.contains(id))
            ids.append(id);
        if (ids.size() == kMax)
            break;
    }
    return ids;
}

void RecentSubscriptions::remember(const QString& subscriptionId)
{
    const QString id = subscriptionId.toLower();
    if (!isGuid(id))
        return;
    QStringList ids = this->ids();
    ids.removeAll(id);
    ids.prepend(id);
    m_settings.setValue(AppSettings::Key::RecentSubscriptions, ids.mid(0, kMax));
    m_settings.sync();
}

void RecentSubscriptions::reload()
{
    m_settings.sync();
}

} // namespace tenantry
