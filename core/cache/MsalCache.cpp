#include "cache/MsalCache.h"

#include "cache/CacheKeys.h"
#include "util/Logging.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <string_view>

#include <QCoreApplication>

namespace tenantry {

namespace {

constexpr const char* kAccessToken = "AccessToken";
constexpr const char* kRefreshToken = "RefreshToken";
constexpr const char* kIdToken = "IdToken";
constexpr const char* kAccount = "Account";
constexpr const char* kAppMetadata = "AppMetadata";

constexpr const char* kKnownSections[] = {kAccessToken, kRefreshToken, kIdToken, kAccount, kAppMetadata};

Json jstr(const QString& value)
{
    return Json(value.toStdString());
}

// MSAL writes None as JSON null: app-only tokens have no home account.
Json homeAccountJson(const QString& homeAccountId)
{
    return homeAccountId.isEmpty() ? Json(nullptr) : jstr(homeAccountId);
}

Json timeJson(qint64 secs)
{
    return Json(std::to_string(secs));
}

// One entry of a section read as `Entry`, or nullopt when it is no object or has a field of the wrong type.
template <typename Entry, typename Read>
std::optional<Entry> readEntry(const std::string& key, const Json& value, Read read)
{
    json::ObjectReader reader(value);
    Entry entry = read(reader);
    if (!reader.ok())
        return std::nullopt;
    entry.key = QString::fromStdString(key);
    return entry;
}

// The section's entries that read as `Entry`. Another program may have written anything there: entries
// that are not objects or have a field of the wrong type (a number as the secret, an object as expires_on)
// are skipped here and stay in the document, untouched, when it is written.
template <typename Entry, typename Read> QList<Entry> readSection(const Json& doc, const char* name, Read read)
{
    QList<Entry> out;
    const auto sec = doc.find(name);
    if (sec == doc.end() || !sec->is_object())
        return out;
    int skipped = 0;
    for (const auto& [key, value] : sec->items()) {
        std::optional<Entry> entry = readEntry<Entry>(key, value, read);
        if (entry)
            out.append(std::move(*entry));
        else
            ++skipped;
    }
    if (skipped > 0)
        qCDebug(lcCache) << "Skipped" << skipped << name << "entries that are not in MSAL's format";
    return out;
}

AccessToken readAccessToken(json::ObjectReader& e)
{
    AccessToken t;
    t.homeAccountId = e.text("home_account_id", /*nullable=*/true);
    t.environment = e.text("environment");
    t.clientId = e.text("client_id");
    t.realm = e.text("realm");
    t.target = e.text("target");
    if (e.has("token_type"))
        t.tokenType = e.text("token_type");
    t.secret = Secret(e.text("secret"));
    t.cachedAt = e.seconds("cached_at");
    t.expiresOn = e.seconds("expires_on");
    t.extendedExpiresOn = e.seconds("extended_expires_on");
    if (e.has("refresh_on"))
        t.refreshOn = e.seconds("refresh_on");
    return t;
}

// Whether an entry as stored can read as `value` in `field`: false only when the field holds other text.
// Strings in a document are valid UTF-8 (the parser refuses anything else), so equal text is equal bytes;
// this lets a lookup pass over the entries of other tenants without decoding them.
// The field is looked up by string_view: its length rules out most other keys before their bytes are compared.
bool mayHoldText(const Json& entry, std::string_view field, const std::string& value)
{
    const auto it = entry.find(field);
    return it == entry.end() || !it->is_string() || it->get_ref<const std::string&>() == value;
}

bool sameEnvironment(const QString& stored, const QStringList& aliases)
{
    return aliases.contains(stored, Qt::CaseInsensitive);
}

// An entry as stored (an object): its "environment" is one of `aliases`. A missing or non-string
// environment matches nothing.
bool isUnderAlias(const Json& entry, const QStringList& aliases)
{
    const auto env = entry.find("environment");
    return env != entry.end() && env->is_string() &&
           sameEnvironment(QString::fromStdString(env->get<std::string>()), aliases);
}

} // namespace

MsalCache::MsalCache()
    : m_doc(Json::object())
{}

bool MsalCache::parse(const QByteArray& bytes, MsalCache* cache, QString* error, bool* hadBom)
{
    if (bytes.trimmed().isEmpty()) {
        *cache = MsalCache();
        if (hadBom)
            *hadBom = false;
        return true;
    }
    auto parsed = json::parse(bytes);
    if (hadBom)
        *hadBom = parsed.hadBom;
    if (!parsed.value) {
        if (error)
            *error = parsed.error;
        return false;
    }
    return fromJson(std::move(*parsed.value), cache, error);
}

bool MsalCache::fromJson(Json document, MsalCache* cache, QString* error)
{
    auto refuse = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!document.is_object())
        return refuse(
            QCoreApplication::translate("tenantry::MsalCache", "the file holds JSON but not a token cache object"));
    // MSAL Python cannot use such a file either (it calls .values() on each of these sections).
    for (const char* name : kKnownSections) {
        const auto sec = document.find(name);
        if (sec != document.end() && !sec->is_object())
            return refuse(QCoreApplication::translate("tenantry::MsalCache", "its \"%1\" section is not a JSON object")
                              .arg(QLatin1String(name)));
    }
    *cache = fromDocument(std::move(document));
    return true;
}

MsalCache MsalCache::fromDocument(Json document)
{
    MsalCache cache;
    if (document.is_object())
        cache.m_doc = std::move(document);
    return cache;
}

QByteArray MsalCache::serialize() const
{
    return json::dumpIndented4(m_doc);
}

QList<AccessToken> MsalCache::accessTokens() const
{
    return readSection<AccessToken>(m_doc, kAccessToken, readAccessToken);
}

QList<RefreshToken> MsalCache::refreshTokens() const
{
    return readSection<RefreshToken>(m_doc, kRefreshToken, [](json::ObjectReader& e) {
        RefreshToken t;
        t.homeAccountId = e.text("home_account_id", /*nullable=*/true);
        t.environment = e.text("environment");
        t.clientId = e.text("client_id");
        t.target = e.text("target");
        t.familyId = e.text("family_id", /*nullable=*/true);
        t.secret = Secret(e.text("secret"));
        t.lastModificationTime = e.seconds("last_modification_time");
        return t;
    });
}

QList<IdToken> MsalCache::idTokens() const
{
    return readSection<IdToken>(m_doc, kIdToken, [](json::ObjectReader& e) {
        IdToken t;
        t.homeAccountId = e.text("home_account_id", /*nullable=*/true);
        t.environment = e.text("environment");
        t.realm = e.text("realm");
        t.clientId = e.text("client_id");
        t.secret = Secret(e.text("secret"));
        return t;
    });
}

QList<Account> MsalCache::accounts() const
{
    return readSection<Account>(m_doc, kAccount, [](json::ObjectReader& e) {
        Account a;
        a.homeAccountId = e.text("home_account_id");
        a.environment = e.text("environment");
        a.realm = e.text("realm");
        a.localAccountId = e.text("local_account_id");
        a.username = e.text("username");
        a.authorityType = e.text("authority_type");
        if (e.has("account_source"))
            a.accountSource = e.text("account_source", /*nullable=*/true);
        return a;
    });
}

QList<AppMetadata> MsalCache::appMetadata() const
{
    return readSection<AppMetadata>(m_doc, kAppMetadata, [](json::ObjectReader& e) {
        AppMetadata m;
        m.clientId = e.text("client_id");
        m.environment = e.text("environment");
        m.familyId = e.text("family_id", /*nullable=*/true);
        return m;
    });
}

int MsalCache::entryCount() const
{
    int count = 0;
    for (const auto& [name, sec] : m_doc.items()) {
        if (sec.is_object())
            count += static_cast<int>(sec.size());
    }
    return count;
}

Json& MsalCache::section(const char* name)
{
    Json& sec = m_doc[name];
    if (!sec.is_object())
        sec = Json::object();
    return sec;
}

void MsalCache::upsert(const AccessToken& t)
{
    Json e = {
        {"credential_type", "AccessToken"},
        {"secret", jstr(t.secret.reveal())},
        {"home_account_id", homeAccountJson(t.homeAccountId)},
        {"environment", jstr(t.environment)},
        {"client_id", jstr(t.clientId)},
        {"target", jstr(t.target)},
        {"realm", jstr(t.realm)},
        {"token_type", jstr(t.tokenType)},
        {"cached_at", timeJson(t.cachedAt)},
        {"expires_on", timeJson(t.expiresOn)},
        {"extended_expires_on", timeJson(t.extendedExpiresOn ? t.extendedExpiresOn : t.expiresOn)},
    };
    if (t.refreshOn)
        e["refresh_on"] = timeJson(*t.refreshOn);
    section(kAccessToken)[cachekeys::accessToken(t).toStdString()] = std::move(e);
}

void MsalCache::upsert(const RefreshToken& t)
{
    Json e = {
        {"credential_type", "RefreshToken"},
        {"secret", jstr(t.secret.reveal())},
        {"home_account_id", homeAccountJson(t.homeAccountId)},
        {"environment", jstr(t.environment)},
        {"client_id", jstr(t.clientId)},
        {"target", jstr(t.target)},
        {"last_modification_time", timeJson(t.lastModificationTime)},
    };
    if (!t.familyId.isEmpty())
        e["family_id"] = jstr(t.familyId);
    section(kRefreshToken)[cachekeys::refreshToken(t).toStdString()] = std::move(e);
}

void MsalCache::upsert(const IdToken& t)
{
    Json e = {
        {"credential_type", "IdToken"},
        {"secret", jstr(t.secret.reveal())},
        {"home_account_id", homeAccountJson(t.homeAccountId)},
        {"environment", jstr(t.environment)},
        {"realm", jstr(t.realm)},
        {"client_id", jstr(t.clientId)},
    };
    section(kIdToken)[cachekeys::idToken(t).toStdString()] = std::move(e);
}

void MsalCache::upsert(const Account& a)
{
    // Fields another client wrote on this entry (account_source, client_info, ...) stay unless set here.
    Json& e = section(kAccount)[cachekeys::account(a).toStdString()];
    if (!e.is_object())
        e = Json::object();
    e["home_account_id"] = jstr(a.homeAccountId);
    e["environment"] = jstr(a.environment);
    e["realm"] = jstr(a.realm);
    e["local_account_id"] = jstr(a.localAccountId);
    e["username"] = jstr(a.username);
    e["authority_type"] = jstr(a.authorityType.isEmpty() ? QStringLiteral("MSSTS") : a.authorityType);
    if (!a.accountSource.isEmpty())
        e["account_source"] = jstr(a.accountSource);
}

void MsalCache::upsert(const AppMetadata& m)
{
    Json e = {{"client_id", jstr(m.clientId)}, {"environment", jstr(m.environment)}};
    if (!m.familyId.isEmpty())
        e["family_id"] = jstr(m.familyId);
    section(kAppMetadata)[cachekeys::appMetadata(m).toStdString()] = std::move(e);
}

bool MsalCache::rotateRefreshToken(const QString& key, const Secret& newSecret, qint64 now)
{
    Json& sec = section(kRefreshToken);
    const auto it = sec.find(key.toStdString());
    if (it == sec.end() || !it->is_object())
        return false;
    (*it)["secret"] = jstr(newSecret.reveal());
    (*it)["last_modification_time"] = timeJson(now);
    return true;
}

QStringList MsalCache::environmentAliases(const QString& environment)
{
    // The alias sets instance discovery publishes; .NET tools cache under login.windows.net.
    static const QList<QStringList> kAliasSets = {
        {QStringLiteral("login.microsoftonline.com"), QStringLiteral("login.windows.net"),
         QStringLiteral("login.microsoft.com"), QStringLiteral("sts.windows.net")},
        {QStringLiteral("login.partner.microsoftonline.cn"), QStringLiteral("login.chinacloudapi.cn")},
        {QStringLiteral("login.microsoftonline.us"), QStringLiteral("login.usgovcloudapi.net")},
    };
    for (const QStringList& set : kAliasSets) {
        if (set.contains(environment, Qt::CaseInsensitive))
            return set;
    }
    return {environment};
}

bool MsalCache::hasRefreshToken(const QString& key) const
{
    const auto sec = m_doc.find(kRefreshToken);
    if (sec == m_doc.end() || !sec->is_object())
        return false;
    const auto entry = sec->find(key.toStdString());
    return entry != sec->end() && entry->is_object();
}

std::optional<AccessToken> MsalCache::findAccessToken(const AccessTokenQuery& q, qint64 now) const
{
    const auto sec = m_doc.find(kAccessToken);
    if (sec == m_doc.end() || !sec->is_object())
        return std::nullopt;
    const QStringList aliases = environmentAliases(q.environment);
    const std::string realm = q.realm.toStdString();
    const std::string clientId = q.clientId.toStdString();
    std::optional<AccessToken> best;
    for (const auto& [key, value] : sec->items()) {
        // Most entries are other tenants' or clients': skipped before their secrets are decoded.
        if (!mayHoldText(value, "realm", realm) || !mayHoldText(value, "client_id", clientId))
            continue;
        std::optional<AccessToken> t = readEntry<AccessToken>(key, value, readAccessToken);
        if (!t || t->clientId != q.clientId || t->homeAccountId != q.homeAccountId || t->realm != q.realm ||
            !sameEnvironment(t->environment, aliases))
            continue;
        const QStringList granted = t->scopes();
        const bool coversScopes = std::all_of(q.scopes.cbegin(), q.scopes.cend(),
                                              [&](const QString& scope) { return granted.contains(scope); });
        if (!coversScopes || t->expiresOn - now <= q.minValiditySecs)
            continue;
        if (!best || t->expiresOn > best->expiresOn)
            best = std::move(t);
    }
    return best;
}

QString MsalCache::familyOf(const QString& clientId, const QString& environment) const
{
    const QStringList aliases = environmentAliases(environment);
    for (const AppMetadata& m : appMetadata()) {
        if (m.clientId == clientId && sameEnvironment(m.environment, aliases))
            return m.familyId;
    }
    return {};
}

QList<RefreshToken> MsalCache::refreshTokensFor(const QString& homeAccountId, const QString& environment,
                                                const QString& clientId) const
{
    const QStringList aliases = environmentAliases(environment);
    const QString family = familyOf(clientId, environment);
    QList<RefreshToken> out;
    for (RefreshToken& t : refreshTokens()) {
        if (t.homeAccountId != homeAccountId || !sameEnvironment(t.environment, aliases))
            continue;
        const bool own = t.clientId == clientId;
        const bool sameFamily = !t.familyId.isEmpty() && (t.familyId == family || family.isEmpty());
        if (own || sameFamily)
            out.append(std::move(t));
    }
    // Own client first, then newest first, as MSAL prefers the freshest RT.
    std::stable_sort(out.begin(), out.end(), [&](const RefreshToken& a, const RefreshToken& b) {
        if ((a.clientId == clientId) != (b.clientId == clientId))
            return a.clientId == clientId;
        return a.lastModificationTime > b.lastModificationTime;
    });
    return out;
}

QList<Account> MsalCache::accountsByUsername(const QString& username, const QString& environment) const
{
    const QStringList aliases = environmentAliases(environment);
    QList<Account> out;
    for (Account& a : accounts()) {
        if (a.username.compare(username, Qt::CaseInsensitive) == 0 && sameEnvironment(a.environment, aliases))
            out.append(std::move(a));
    }
    return out;
}

std::optional<IdToken> MsalCache::idTokenFor(const QString& homeAccountId, const QString& environment,
                                             const QString& clientId, const QString& realm) const
{
    const QStringList aliases = environmentAliases(environment);
    for (IdToken& t : idTokens()) {
        if (t.homeAccountId == homeAccountId && t.clientId == clientId && t.realm == realm &&
            sameEnvironment(t.environment, aliases))
            return std::move(t);
    }
    return std::nullopt;
}

int MsalCache::removeWhere(const char* sectionName, const std::function<bool(const Json&)>& predicate)
{
    const auto sec = m_doc.find(sectionName);
    if (sec == m_doc.end() || !sec->is_object())
        return 0;
    int removed = 0;
    for (auto it = sec->begin(); it != sec->end();) {
        if (it->is_object() && predicate(*it)) {
            it = sec->erase(it);
            ++removed;
        } else {
            ++it;
        }
    }
    return removed;
}

CacheRemoval MsalCache::removeAccount(const QString& homeAccountId, const QString& environment, const QString& clientId)
{
    const std::string hid = homeAccountId.toStdString();
    const QStringList aliases = environmentAliases(environment);
    const std::string family = familyOf(clientId, environment).toStdString();
    const std::string client = clientId.toStdString();
    auto ofAccount = [&](const Json& e) {
        return e.value("home_account_id", Json()) == hid && isUnderAlias(e, aliases);
    };
    CacheRemoval r;
    r.refreshTokens = removeWhere(kRefreshToken, [&](const Json& e) {
        if (!ofAccount(e))
            return false;
        const Json familyId = e.value("family_id", Json());
        return e.value("client_id", Json()) == client || (!family.empty() && familyId == family);
    });
    r.accessTokens = removeWhere(kAccessToken, ofAccount);
    r.idTokens = removeWhere(kIdToken, ofAccount);
    r.accounts = removeWhere(kAccount, ofAccount);
    return r;
}

CacheRemoval MsalCache::removeRealm(const QString& homeAccountId, const QString& environment, const QString& realm)
{
    const std::string hid = homeAccountId.toStdString();
    const QStringList aliases = environmentAliases(environment);
    const std::string rlm = realm.toStdString();
    auto inRealm = [&](const Json& e) {
        return e.value("home_account_id", Json()) == hid && e.value("realm", Json()) == rlm && isUnderAlias(e, aliases);
    };
    CacheRemoval r;
    r.accessTokens = removeWhere(kAccessToken, inRealm);
    r.idTokens = removeWhere(kIdToken, inRealm);
    return r;
}

} // namespace tenantry
