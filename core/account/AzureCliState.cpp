#include "account/AzureCliState.h"

#include "util/Logging.h"

#include <QCoreApplication>

namespace tenantry {

namespace {

bool matches(const Subscription& s, const QString& idOrName)
{
    return s.id.compare(idOrName, Qt::CaseInsensitive) == 0 || s.name.compare(idOrName, Qt::CaseInsensitive) == 0;
}

} // namespace

AzureCliState::AzureCliState(AzureConfigDir dir)
    : m_dir(std::move(dir))
    , m_clouds(m_dir)
{}

bool AzureCliState::load(QString* error)
{
    if (!m_clouds.load(error))
        return false;
    m_cloud = m_clouds.activeCloud();
    if (const auto chosen = m_chosenCloud.isEmpty() ? std::nullopt : m_clouds.cloud(m_chosenCloud))
        m_cloud = *chosen;
    const AzureProfile::LoadStatus status = m_profile.load(m_dir.profileFile(), error);
    return status == AzureProfile::LoadStatus::Ok || status == AzureProfile::LoadStatus::Missing;
}

bool AzureCliState::useCloud(const QString& name, QString* error)
{
    const auto cloud = m_clouds.cloud(name);
    if (!cloud) {
        *error = QCoreApplication::translate("tenantry::AzureCliState",
                                             "Cloud '%1' is not registered (built in: AzureCloud, AzureChinaCloud, "
                                             "AzureUSGovernment; others come from clouds.config).")
                     .arg(name);
        return false;
    }
    m_cloud = *cloud;
    m_chosenCloud = name;
    return true;
}

QList<Subscription> AzureCliState::subscriptions(bool allClouds) const
{
    QList<Subscription> out;
    const QList<Subscription> all = m_profile.subscriptions();
    for (const Subscription& s : all) {
        if (allClouds || s.environmentName == m_cloud.name)
            out.append(s);
    }
    return out;
}

Result<Subscription> AzureCliState::subscription(const QString& idOrName) const
{
    const QList<Subscription> subs = subscriptions();
    if (subs.isEmpty())
        return failure(Error::Code::NotSignedIn);
    QList<Subscription> found;
    for (const Subscription& s : subs) {
        if (idOrName.isEmpty() ? s.isDefault : matches(s, idOrName))
            found.append(s);
    }
    if (found.isEmpty() && idOrName.isEmpty())
        return failure(Error::Code::NoSubscription);
    if (found.isEmpty())
        return failure(Error::Code::InvalidArgument,
                       QCoreApplication::translate("tenantry::AzureCliState",
                                                   "Subscription '%1' not found. Check the spelling and casing and "
                                                   "try again.")
                           .arg(idOrName));
    if (found.size() > 1)
        return failure(Error::Code::InvalidArgument,
                       QCoreApplication::translate("tenantry::AzureCliState",
                                                   "Multiple subscriptions with the name '%1' found. Specify the "
                                                   "subscription ID.")
                           .arg(idOrName));
    return found.first();
}

bool AzureCliState::setActive(const QString& idOrName, QString* error)
{
    QString id;
    const QString cloudName = m_cloud.name;
    QString why;
    const bool ok = modifyProfile(
        [&](AzureProfile& profile) {
            why.clear();
            QList<Subscription> found;
            const QList<Subscription> subs = profile.subscriptions();
            for (const Subscription& s : subs) {
                if (s.environmentName == cloudName && matches(s, idOrName))
                    found.append(s);
            }
            if (found.size() != 1) {
                why =
                    QCoreApplication::translate("tenantry::AzureCliState", "The subscription of '%1' %2 in cloud '%3'.")
                        .arg(idOrName.toLower(),
                             found.isEmpty()
                                 ? QCoreApplication::translate("tenantry::AzureCliState", "doesn't exist")
                                 : QCoreApplication::translate("tenantry::AzureCliState", "has more than one match"),
                             cloudName);
                return false;
            }
            id = found.first().id;
            if (!profile.setDefault(id)) {
                why = QCoreApplication::translate("tenantry::AzureCliState", "The subscription '%1' is not in %2.")
                          .arg(id, m_dir.profileFile());
                return false;
            }
            return true;
        },
        error);
    if (!ok)
        return false;
    if (!why.isEmpty()) {
        *error = why;
        return false;
    }
    qCInfo(lcProfile) << "active subscription is now" << id << "in cloud" << cloudName;
    return m_clouds.setSubscription(cloudName, id, error);
}

bool AzureCliState::modifyProfile(const AzureProfileFile::Change& change, QString* error)
{
    if (!m_dir.ensureExists(error))
        return false;
    AzureProfileFile::Result result = AzureProfileFile(m_dir.profileFile()).modify(change);
    if (!result.ok) {
        if (error)
            *error = result.error;
        return false;
    }
    m_profile = std::move(result.profile);
    return true;
}

} // namespace tenantry
