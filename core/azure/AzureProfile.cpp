#include "azure/AzureProfile.h"

#include "store/AtomicFile.h"
#include "store/BoundedFileRead.h"
#include "util/Logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>

namespace tenantry {

const QString AzureProfile::kTenantLevelAccountName = QStringLiteral("N/A(tenant level account)");

namespace {

constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";

const std::string kSubscriptions = "subscriptions";
const std::string kId = "id";
const std::string kName = "name";
const std::string kState = "state";
const std::string kUser = "user";
const std::string kType = "type";
const std::string kIsDefault = "isDefault";
const std::string kTenantId = "tenantId";
const std::string kEnvironmentName = "environmentName";
const std::string kHomeTenantId = "homeTenantId";
const std::string kManagedByTenants = "managedByTenants";
const std::string kTenantDisplayName = "tenantDisplayName";
const std::string kTenantDefaultDomain = "tenantDefaultDomain";
const std::string kInstallationId = "installationId";

QString stringField(const Json& object, const std::string& key)
{
    const auto it = object.find(key);
    return it == object.end() ? QString() : json::toQString(*it);
}

// The entries fromJson() can read, and only those: the others stay as they are, where they are.
bool isReadable(const Json& entry)
{
    return AzureProfile::fromJson(entry).has_value();
}

bool isDefaultEntry(const Json& entry)
{
    const std::optional<Subscription> s = AzureProfile::fromJson(entry);
    return s && s->isDefault;
}

Json* subscriptionArray(Json& doc)
{
    auto it = doc.find(kSubscriptions);
    if (it == doc.end() || !it->is_array())
        return nullptr;
    return &*it;
}

const Json* subscriptionArray(const Json& doc)
{
    const auto it = doc.find(kSubscriptions);
    if (it == doc.end() || !it->is_array())
        return nullptr;
    return &*it;
}

QByteArray digestOf(const QByteArray& bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

// Keeps `bytes` as "<file>.bak", or ".bak.1", ".bak.2", ... when taken; never overwrites a backup.
bool keepBackup(const QString& path, const QByteArray& bytes, QString* backupPath, QString* error)
{
    for (int n = 0; n < 1000; ++n) {
        const QString candidate = n == 0 ? path + QStringLiteral(".bak") : path + QStringLiteral(".bak.%1").arg(n);
        switch (AtomicFile::createNew(candidate, bytes, 0600, error)) {
        case AtomicFile::CreateResult::Created:
            *backupPath = candidate;
            return true;
        case AtomicFile::CreateResult::Exists:
            continue;
        case AtomicFile::CreateResult::Failed:
            return false;
        }
    }
    if (error)
        *error = QCoreApplication::translate("tenantry::AzureProfile",
                                             "Cannot keep a backup of %1: too many backups already")
                     .arg(path);
    return false;
}

} // namespace

AzureProfile::LoadStatus AzureProfile::load(const QString& path, QString* error)
{
    *this = AzureProfile(); // nothing of an earlier load stays

    BoundedFileRead file = BoundedFileRead::read(path, json::kMaxDocumentBytes);
    switch (file.status) {
    case BoundedFileRead::Status::Missing:
        return LoadStatus::Missing;
    case BoundedFileRead::Status::TooLarge:
    case BoundedFileRead::Status::Unreadable:
        m_unreadable = true;
        if (error)
            *error = QCoreApplication::translate("tenantry::AzureProfile", "Cannot read the Azure CLI profile %1: %2")
                         .arg(path, file.reason);
        return LoadStatus::IoError;
    case BoundedFileRead::Status::Ok:
        break;
    }
    return parse(file.bytes, path, error);
}

AzureProfile::LoadStatus AzureProfile::parse(const QByteArray& bytes, const QString& path, QString* error)
{
    *this = AzureProfile(); // nothing of an earlier load stays

    json::ParseResult parsed = json::parse(bytes);
    QString problem = parsed.error;
    if (parsed.value) {
        const Json& doc = *parsed.value;
        if (!doc.is_object()) {
            problem = QCoreApplication::translate("tenantry::AzureProfile", "the top level is not a JSON object");
        } else if (const auto it = doc.find(kSubscriptions); it != doc.end() && !it->is_array() && !it->is_null()) {
            problem = QCoreApplication::translate("tenantry::AzureProfile", "\"subscriptions\" is not a list");
        }
    }
    if (!problem.isEmpty()) {
        m_corruptBytesDigest = digestOf(bytes);
        m_hadBom = parsed.hadBom;
        if (error)
            *error =
                QCoreApplication::translate("tenantry::AzureProfile",
                                            "The Azure CLI profile %1 cannot be read: %2. It is left as it is and will "
                                            "be kept as a .bak copy before it is next written.")
                    .arg(path, problem);
        qCWarning(lcProfile) << "unreadable profile" << path << "-" << problem;
        return LoadStatus::Corrupt;
    }
    m_doc = std::move(*parsed.value);
    m_hadBom = parsed.hadBom;
    return LoadStatus::Ok;
}

bool AzureProfile::save(const QString& path, QString* error) const
{
    if (m_unreadable) {
        if (error)
            *error = QCoreApplication::translate(
                         "tenantry::AzureProfile",
                         "Not writing %1: it could not be read, and writing it would lose its content.")
                         .arg(path);
        return false;
    }
    if (!m_corruptBytesDigest.isEmpty()) {
        // Keep the unreadable file for the user -- unless it has changed since (az may have reset it,
        // or we already replaced it).
        const BoundedFileRead current = BoundedFileRead::read(path, json::kMaxDocumentBytes);
        if (current.status == BoundedFileRead::Status::Ok) {
            const QByteArray& bytes = current.bytes;
            if (digestOf(bytes) == m_corruptBytesDigest) {
                QString backup;
                QString why;
                if (!keepBackup(path, bytes, &backup, &why)) {
                    if (error)
                        *error = QCoreApplication::translate("tenantry::AzureProfile",
                                                             "Not writing %1: could not keep a backup of it first (%2)")
                                     .arg(path, why);
                    return false;
                }
                qCWarning(lcProfile) << "kept the unreadable profile as" << backup;
            }
        }
    }
    // az: Session.save -> open(encoding='utf-8-sig') + json.dump(data): BOM, compact, ASCII, no newline.
    QByteArray bytes(kUtf8Bom);
    bytes += json::dumpPythonCompact(m_doc);
    if (!AtomicFile::write(path, bytes, 0600, error))
        return false;
    qCDebug(lcProfile) << "wrote" << path;
    return true;
}

std::optional<Subscription> AzureProfile::fromJson(const Json& entry)
{
    json::ObjectReader e(entry);
    Subscription s;
    s.id = e.text(kId);
    s.name = e.text(kName, /*nullable=*/true);
    s.state = e.text(kState, /*nullable=*/true);
    if (const Json* user = e.object(kUser)) {
        json::ObjectReader u(*user);
        s.userName = u.text(kName, /*nullable=*/true);
        s.userType = u.text(kType, /*nullable=*/true);
        if (!u.ok())
            return std::nullopt;
    }
    s.isDefault = e.flag(kIsDefault);
    s.tenantId = e.text(kTenantId, /*nullable=*/true);
    s.environmentName = e.text(kEnvironmentName, /*nullable=*/true);
    s.homeTenantId = e.text(kHomeTenantId, /*nullable=*/true);
    if (const Json* managed = e.array(kManagedByTenants)) {
        for (const Json& tenant : *managed) {
            json::ObjectReader t(tenant);
            s.managedByTenants.append(t.text(kTenantId, /*nullable=*/true));
            if (!t.ok())
                return std::nullopt;
        }
    }
    s.tenantDisplayName = e.text(kTenantDisplayName, /*nullable=*/true);
    s.tenantDefaultDomain = e.text(kTenantDefaultDomain, /*nullable=*/true);
    if (!e.ok() || s.id.isEmpty())
        return std::nullopt;
    return s;
}

Json AzureProfile::toJson(const Subscription& s)
{
    // Profile._normalize_properties + _transform_subscription_for_multiapi. Newer az (2.5x) adds the
    // tenant's default domain and display name between homeTenantId and managedByTenants; 2.45 ignores them.
    Json entry = Json::object();
    entry[kId] = json::toStd(s.id);
    entry[kName] = json::toStd(s.name);
    entry[kState] = json::toStd(s.state);
    Json user = Json::object();
    user[kName] = json::toStd(s.userName);
    user[kType] = json::toStd(s.userType.isEmpty() ? QStringLiteral("user") : s.userType);
    entry[kUser] = std::move(user);
    entry[kIsDefault] = false;
    entry[kTenantId] = json::toStd(s.tenantId);
    entry[kEnvironmentName] = json::toStd(s.environmentName);
    if (s.name != kTenantLevelAccountName) {
        if (!s.homeTenantId.isEmpty())
            entry[kHomeTenantId] = json::toStd(s.homeTenantId);
        if (!s.tenantDefaultDomain.isEmpty())
            entry[kTenantDefaultDomain] = json::toStd(s.tenantDefaultDomain);
        if (!s.tenantDisplayName.isEmpty())
            entry[kTenantDisplayName] = json::toStd(s.tenantDisplayName);
        Json managed = Json::array();
        for (const QString& t : s.managedByTenants) {
            Json m = Json::object();
            m[kTenantId] = json::toStd(t);
            managed.push_back(std::move(m));
        }
        entry[kManagedByTenants] = std::move(managed);
    }
    return entry;
}

QList<Subscription> AzureProfile::subscriptions() const
{
    QList<Subscription> out;
    if (const Json* list = subscriptionArray(m_doc)) {
        for (const Json& entry : *list) {
            if (std::optional<Subscription> s = fromJson(entry))
                out.append(std::move(*s));
        }
    }
    return out;
}

std::optional<Subscription> AzureProfile::defaultSubscription(const QString& environmentName) const
{
    std::optional<Subscription> found;
    int count = 0;
    for (const Subscription& s : subscriptions()) {
        if (!s.isDefault || (!environmentName.isEmpty() && s.environmentName != environmentName))
            continue;
        if (!found)
            found = s;
        ++count;
    }
    if (count > 1)
        qCWarning(lcProfile) << count << "subscriptions are marked default in" << environmentName
                             << "- using the first";
    return found;
}

std::optional<Subscription> AzureProfile::find(const QString& idOrName, const QString& environmentName,
                                               QString* error) const
{
    if (idOrName.isEmpty()) {
        std::optional<Subscription> def = defaultSubscription(environmentName);
        if (!def && error)
            *error = QCoreApplication::translate("tenantry::AzureProfile", "No subscription is the default.");
        return def;
    }
    // Profile.set_active_subscription: x.id.lower() or x.name.lower() equals the argument lower-cased,
    // and x.environmentName is the active cloud; exactly one match.
    const QString wanted = idOrName.toLower();
    QList<Subscription> matches;
    for (const Subscription& s : subscriptions()) {
        if (!environmentName.isEmpty() && s.environmentName != environmentName)
            continue;
        if (s.id.toLower() == wanted || s.name.toLower() == wanted)
            matches.append(s);
    }
    if (matches.size() == 1)
        return matches.first();
    if (error) {
        const QString where =
            environmentName.isEmpty()
                ? QString()
                : QCoreApplication::translate("tenantry::AzureProfile", " in cloud '%1'").arg(environmentName);
        *error = QCoreApplication::translate("tenantry::AzureProfile", "The subscription of '%1' %2%3.")
                     .arg(wanted,
                          matches.isEmpty()
                              ? QCoreApplication::translate("tenantry::AzureProfile", "doesn't exist")
                              : QCoreApplication::translate("tenantry::AzureProfile", "has more than one match"),
                          where);
    }
    return std::nullopt;
}

bool AzureProfile::setDefault(const QString& subscriptionId, const QString& environmentName)
{
    Json* list = subscriptionArray(m_doc);
    if (!list)
        return false;
    const QString wanted = subscriptionId.toLower();
    Json* chosen = nullptr;
    int matches = 0;
    for (Json& entry : *list) {
        const std::optional<Subscription> s = fromJson(entry);
        if (!s || (!environmentName.isEmpty() && s->environmentName != environmentName))
            continue;
        if (s->id.toLower() == wanted) {
            chosen = &entry;
            ++matches;
        }
    }
    if (matches != 1)
        return false;
    // az clears the flag on every subscription it loaded with all_clouds=True, then sets one. Entries it
    // could not load (nor can we) stay as they are.
    for (Json& entry : *list) {
        if (isReadable(entry))
            entry[kIsDefault] = false;
    }
    (*chosen)[kIsDefault] = true;
    return true;
}

QString AzureProfile::merge(const QList<Subscription>& incoming)
{
    if (incoming.isEmpty())
        return {}; // az never gets here: login fails first with "No subscriptions found"

    Json merged = Json::array();
    QHash<QString, qsizetype> indexById; // a Python dict keyed by id: first position, last value
    QString activeId;
    bool haveActive = false;

    if (const Json* existing = subscriptionArray(m_doc)) {
        for (const Json& entry : *existing) {
            if (!isReadable(entry)) {
                merged.push_back(entry); // not a subscription we can read: kept untouched, in its place
                continue;
            }
            if (!haveActive && isDefaultEntry(entry)) {
                haveActive = true;
                activeId = stringField(entry, kId);
            }
            const QString id = stringField(entry, kId);
            if (const auto it = indexById.constFind(id); it != indexById.constEnd()) {
                merged[static_cast<size_t>(*it)] = entry;
            } else {
                indexById.insert(id, static_cast<qsizetype>(merged.size()));
                merged.push_back(entry);
            }
        }
    }

    for (const Subscription& s : incoming) {
        Json entry = toJson(s);
        if (const auto it = indexById.constFind(s.id); it != indexById.constEnd()) {
            merged[static_cast<size_t>(*it)] = std::move(entry);
        } else {
            indexById.insert(s.id, static_cast<qsizetype>(merged.size()));
            merged.push_back(std::move(entry));
        }
    }

    // Profile._set_subscriptions / _pick_working_subscription.
    const Subscription* newActive = nullptr;
    if (haveActive) {
        for (const Subscription& s : incoming) {
            if (s.id == activeId) {
                newActive = &s;
                break;
            }
        }
        for (Json& entry : merged) {
            if (isReadable(entry))
                entry[kIsDefault] = false;
        }
    }
    if (!newActive) {
        for (const Subscription& s : incoming) {
            if (s.state == QLatin1String("Enabled")) {
                newActive = &s;
                break;
            }
        }
    }
    if (!newActive)
        newActive = &incoming.first();

    merged[static_cast<size_t>(indexById.value(newActive->id))][kIsDefault] = true;
    m_doc[kSubscriptions] = std::move(merged);
    return newActive->id;
}

int AzureProfile::removeWhere(const std::function<bool(const Subscription&)>& drop)
{
    Json* list = subscriptionArray(m_doc);
    if (!list)
        return 0;
    Json kept = Json::array();
    int removed = 0;
    for (Json& entry : *list) {
        const std::optional<Subscription> s = fromJson(entry);
        if (s && drop(*s))
            ++removed;
        else
            kept.push_back(std::move(entry));
    }
    *list = std::move(kept);
    return removed;
}

int AzureProfile::removeUser(const QString& userName, const QString& tenantId)
{
    return removeWhere([&](const Subscription& s) {
        return s.userName.compare(userName, Qt::CaseInsensitive) == 0 &&
               (tenantId.isEmpty() || s.tenantId.compare(tenantId, Qt::CaseInsensitive) == 0);
    });
}

int AzureProfile::removeSubscriptions(const QSet<QString>& idKeys)
{
    return removeWhere([&idKeys](const Subscription& s) { return idKeys.contains(idKey(s.id)); });
}

Json AzureProfile::storedEntry(const QString& subscriptionId) const
{
    if (const Json* list = subscriptionArray(m_doc)) {
        for (const Json& entry : *list) {
            const std::optional<Subscription> s = fromJson(entry);
            if (s && s->id.compare(subscriptionId, Qt::CaseInsensitive) == 0)
                return entry;
        }
    }
    return Json::object();
}

QHash<QString, const Json*> AzureProfile::storedEntriesById() const
{
    QHash<QString, const Json*> index;
    if (const Json* list = subscriptionArray(m_doc)) {
        index.reserve(static_cast<qsizetype>(list->size()));
        for (const Json& entry : *list) {
            if (const std::optional<Subscription> s = fromJson(entry)) {
                const QString key = idKey(s->id);
                if (!index.contains(key)) // the first one wins, as in storedEntry()
                    index.insert(key, &entry);
            }
        }
    }
    return index;
}

void AzureProfile::clear()
{
    m_doc[kSubscriptions] = Json::array();
}

QString AzureProfile::installationId() const
{
    return stringField(m_doc, kInstallationId);
}

} // namespace tenantry
