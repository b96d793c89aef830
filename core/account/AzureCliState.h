#pragma once

#include "azure/AzureConfigDir.h"
#include "azure/AzureProfile.h"
#include "azure/AzureProfileFile.h"
#include "azure/CloudConfig.h"
#include "util/Result.h"

namespace tenantry {

// What `az` considers the current state of one config dir: the subscriptions it knows
// (azureProfile.json), the active cloud (config) and each cloud's active subscription
// (clouds.config). Changing the active subscription writes both files, as `az account set` does,
// so every shell's `az` follows.
class AzureCliState
{
public:
    explicit AzureCliState(AzureConfigDir dir);

    bool load(QString* error); // missing files are an empty state, not an error
    const AzureConfigDir& configDir() const { return m_dir; }
    const Cloud& cloud() const { return m_cloud; }
    AzureProfile& profile() { return m_profile; }
    const AzureProfile& profile() const { return m_profile; }
    CloudConfig& cloudConfig() { return m_clouds; }

    // Works on another cloud than az's active one (Tenantry's cloud setting); az's own choice stays.
    // The choice holds across later load()s.
    bool useCloud(const QString& name, QString* error);

    // The active cloud's subscriptions (all clouds with allClouds), in file order.
    QList<Subscription> subscriptions(bool allClouds = false) const;
    // `az account show [-s S]`: by id or name, case-insensitive, in the active cloud; empty S = the default.
    // Fails with NotSignedIn (no subscription at all), NoSubscription (none is the default) or
    // InvalidArgument (S matches none or several; the detail says which, in az's words).
    Result<Subscription> subscription(const QString& idOrName) const;
    // `az account set -s S`: exactly one match in the active cloud, as azureProfile.json lists it now,
    // becomes the default; clouds.config follows.
    bool setActive(const QString& idOrName, QString* error);
    // Changes azureProfile.json as it is on disk now (AzureProfileFile::modify: under the lock, re-read,
    // merged again when az wrote meanwhile); profile() is then what the file holds. Every change
    // Tenantry makes to the file goes through here: sign-in, refresh, account set, sign-out, clear.
    bool modifyProfile(const AzureProfileFile::Change& change, QString* error);

private:
    AzureConfigDir m_dir;
    AzureProfile m_profile;
    CloudConfig m_clouds;
    Cloud m_cloud;
    QString m_chosenCloud; // useCloud()'s, kept when az's files are read again
};

} // namespace tenantry
