#pragma once

#include "util/Json.h"

#include <QList>
#include <QString>

namespace tenantry {

// One entry of azureProfile.json's "subscriptions" (az 2.45 fields plus the newer tenant ones).
struct Subscription
{
    QString id;
    QString name;
    QString state; // Enabled, Warned, PastDue, Disabled, Deleted
    QString userName;
    QString userType; // "user" or "servicePrincipal"
    bool isDefault = false;
    QString tenantId; // the tenant whose token lists it: the authority for its tokens
    QString environmentName;
    QString homeTenantId;
    QStringList managedByTenants;
    QString tenantDisplayName;
    QString tenantDefaultDomain;
    bool isTenantLevel() const { return id == tenantId && homeTenantId.isEmpty(); }
};

// azureProfile.json as az writes it: UTF-8 with a BOM, Python's compact json.dumps, no trailing
// newline. Every entry and field keeps what it had (service principals Tenantry does not manage,
// fields newer az versions add); only what Tenantry changes is rewritten.
class AzureProfile
{
public:
    enum class LoadStatus { Ok, Missing, Corrupt, IoError };

    // Missing file: an empty profile. Corrupt: error names the file, the file is left alone and a
    // later save() first copies it to ".bak".
    LoadStatus load(const QString& path, QString* error);
    bool save(const QString& path, QString* error) const; // atomic, BOM kept, mode kept (new: 0600)

    QList<Subscription> subscriptions() const;
    std::optional<Subscription> defaultSubscription(const QString& environmentName) const;
    // By id (case-insensitive) or by name (exact first, then case-insensitive), as `az account set -s`.
    std::optional<Subscription> find(const QString& idOrName, const QString& environmentName = {}) const;

    bool setDefault(const QString& subscriptionId); // false when the id is not in the list

    // `az login`'s merge: by id; the previous default stays if still present, else the first Enabled
    // of the new ones (or of all). Entries not in `incoming` are kept.
    void merge(const QList<Subscription>& incoming);
    // Removes the subscriptions of a user (az logout <user>), or of one tenant of a user.
    int removeUser(const QString& userName, const QString& tenantId = {});
    void clear();

    QString installationId() const;
    const Json& document() const { return m_doc; }

private:
    Json m_doc = Json::object();
    bool m_hadBom = true;
    QByteArray m_corruptBytesDigest; // non-empty when the loaded file was unreadable
};

} // namespace tenantry
