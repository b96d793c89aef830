#pragma once

#include "util/Json.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

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

    // az's name for the entry `az login --allow-no-subscriptions` writes for a tenant without subscriptions.
    static const QString kTenantLevelAccountName; // "N/A(tenant level account)"

    // Missing file: an empty profile. Corrupt (not JSON, nested deeper than json::kMaxNestingDepth, the top
    // level no object, "subscriptions" neither a list nor null): an empty profile, the error
    // names the file and never quotes it, the file is left alone and the next save() first copies it to
    // "<file>.bak" (or ".bak.N" when that exists). IoError (exists, unreadable, or larger than
    // json::kMaxDocumentBytes): save() refuses to write.
    LoadStatus load(const QString& path, QString* error);
    // load() of bytes already read from `path` (which only names the file in `error`): Ok or Corrupt.
    LoadStatus parse(const QByteArray& bytes, const QString& path, QString* error);
    // Atomic; BOM + Python json.dumps bytes, byte-identical to az; the file's mode is kept (new: 0600).
    // Writes this copy whole: changes to the file az and others also write go through
    // AzureProfileFile::modify, which calls this under its lock on a copy read a moment before.
    bool save(const QString& path, QString* error) const;

    // Every entry fromJson() can read, all clouds, in file order. The others (null, numbers, fields of
    // the wrong type: another program wrote them) are ignored here and kept as they are, in place, by
    // every change below.
    QList<Subscription> subscriptions() const;
    // The first readable entry with this id (case-insensitive) as stored, every field kept (what
    // `az account show` prints); an empty object when there is none.
    Json storedEntry(const QString& subscriptionId) const;
    // storedEntry() for many ids: one pass over the file. Keyed by the case-folded id (see idKey), the first
    // readable entry per id; the pointers are into document() and valid until this profile changes.
    QHash<QString, const Json*> storedEntriesById() const;
    // How storedEntriesById() keys an id: ids compare case-insensitively, as az's do.
    static QString idKey(const QString& subscriptionId) { return subscriptionId.toCaseFolded(); }
    // The entry with isDefault true in that cloud (any cloud when empty); the first if az left several.
    std::optional<Subscription> defaultSubscription(const QString& environmentName) const;
    // As `az account set -s` / `az account show -s` resolve it: id or name, case-insensitive, among the
    // subscriptions of `environmentName` (all clouds when empty); exactly one match or nothing (`error`
    // says "doesn't exist" or "has more than one match"). An empty idOrName means the default one.
    std::optional<Subscription> find(const QString& idOrName, const QString& environmentName = {},
                                     QString* error = nullptr) const;

    // `az account set`: the entry with this id (case-insensitive; only in `environmentName` when given)
    // becomes the one isDefault in the whole file -- az clears the flag in every cloud. False when no
    // single entry matches. The caller also writes CloudConfig::setSubscription(cloud, id), as az does.
    bool setDefault(const QString& subscriptionId, const QString& environmentName = {});

    // `az login`'s merge (Profile._set_subscriptions): by id; existing entries keep their place, an
    // incoming one replaces the entry with its id, new ids are appended. The default becomes the
    // previous default if the incoming list has it, else the first Enabled incoming one (else the first
    // incoming one). Incoming isDefault flags are ignored. Returns the new default's id (empty when
    // `incoming` is empty and nothing changed): write it to clouds.config for the active cloud, as az does.
    QString merge(const QList<Subscription>& incoming);
    // `az logout <user>`: removes that user's (or service principal's) entries in every cloud, name
    // compared case-insensitively; with tenantId only those listed through that tenant. The default is
    // not moved elsewhere (az does not either). Returns how many were removed.
    int removeUser(const QString& userName, const QString& tenantId = {});
    // Removes the entries whose idKey() is in `idKeys`; the default is not moved elsewhere. Returns how many.
    int removeSubscriptions(const QSet<QString>& idKeys);
    void clear(); // `az account clear`: no subscriptions; installationId and unknown keys stay

    QString installationId() const;
    bool hadBom() const { return m_hadBom; } // of the file last loaded; save() always writes one, as az
    const Json& document() const { return m_doc; }

    // The JSON object az 2.45 writes for a new entry (key order of _normalize_properties; the tenant
    // display name and default domain where newer az puts them, only when known).
    static Json toJson(const Subscription& subscription);
    // nullopt unless the entry is an object with a string id, and every field Subscription has is of
    // the type az writes (strings or null; isDefault true, false or null; user an object ...).
    static std::optional<Subscription> fromJson(const Json& entry);

private:
    // Removes the readable entries `drop` says so of (the others stay as they are); returns how many.
    int removeWhere(const std::function<bool(const Subscription&)>& drop);

    Json m_doc = Json::object();
    bool m_hadBom = true;
    bool m_unreadable = false;       // the last load hit an I/O error: never overwrite what we could not read
    QByteArray m_corruptBytesDigest; // non-empty when the loaded file was unreadable as a profile
};

} // namespace tenantry
