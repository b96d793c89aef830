#pragma once

#include "cache/CacheEntries.h"
#include "util/Json.h"

#include <QList>

namespace tenantry {

// Parameters of an access-token lookup, as MSAL's acquire_token_silent filters (SPEC §6).
struct AccessTokenQuery
{
    QString clientId;
    QString environment; // aliases of it match too
    QString homeAccountId;
    QString realm;
    QStringList scopes;           // each must appear in the entry's target, case-sensitively
    qint64 minValiditySecs = 300; // MSAL treats a token with under 5 minutes left as expired
};

// How many entries of each kind an operation removed.
struct CacheRemoval
{
    int accessTokens = 0;
    int refreshTokens = 0;
    int idTokens = 0;
    int accounts = 0;
    int total() const { return accessTokens + refreshTokens + idTokens + accounts; }
};

// The MSAL unified token cache as one JSON document. Reads give typed views; writes touch only
// their own entry, so other clients' entries, unknown sections and unknown fields survive a
// load/save unchanged. Keys are recomputed exactly as MSAL Python does.
class MsalCache
{
public:
    MsalCache();

    // Empty or whitespace-only text is an empty cache, as in MSAL. Returns false (with a reason that
    // never quotes the content) when the text is not a JSON object.
    // Nothing here throws, whatever the bytes: over json::kMaxDocumentBytes or json::kMaxNestingDepth, a
    // top level that is no object, or a known section (AccessToken, RefreshToken, IdToken, Account,
    // AppMetadata) that is no object make the text unusable. Entries that are not objects or have fields
    // of the wrong type are skipped by the readers below and kept in the document.
    static bool parse(const QByteArray& bytes, MsalCache* cache, QString* error, bool* hadBom = nullptr);
    // The same checks on a parsed document (the keychain copy holds one).
    static bool fromJson(Json document, MsalCache* cache, QString* error);
    static MsalCache fromDocument(Json document); // unchecked: an object made from checked ones

    const Json& document() const { return m_doc; }
    QByteArray serialize() const; // byte-compatible with MSAL Python's serialize()
    bool operator==(const MsalCache& other) const { return m_doc == other.m_doc; }
    bool operator!=(const MsalCache& other) const { return m_doc != other.m_doc; }

    QList<AccessToken> accessTokens() const;
    QList<RefreshToken> refreshTokens() const;
    QList<IdToken> idTokens() const;
    QList<Account> accounts() const;
    QList<AppMetadata> appMetadata() const;
    int entryCount() const; // entries in all sections, known or not

    // Add or replace by the canonical key. Like MSAL, a re-added entry replaces the old one whole.
    void upsert(const AccessToken& entry);
    void upsert(const RefreshToken& entry);
    void upsert(const IdToken& entry);
    void upsert(const Account& entry);
    void upsert(const AppMetadata& entry);

    // Rotation keeps the entry (and its client id, key and unknown fields); only the secret and
    // last_modification_time change, as MSAL's update_rt does.
    bool rotateRefreshToken(const QString& key, const Secret& newSecret, qint64 now);

    bool hasRefreshToken(const QString& key) const;
    std::optional<AccessToken> findAccessToken(const AccessTokenQuery& query, qint64 now) const;
    // The account's refresh tokens usable by clientId (own, or same family), newest first.
    QList<RefreshToken> refreshTokensFor(const QString& homeAccountId, const QString& environment,
                                         const QString& clientId) const;
    QList<Account> accountsByUsername(const QString& username, const QString& environment) const;
    std::optional<IdToken> idTokenFor(const QString& homeAccountId, const QString& environment, const QString& clientId,
                                      const QString& realm) const;

    // MSAL's remove_account: the account's ATs (any client), ID tokens and Account entries, and the
    // refresh tokens of clientId or its family. AppMetadata stays; emptied sections stay as {}.
    // Unlike MSAL, under every alias of `environment`: .NET tools and older MSAL/ADAL wrote the same
    // account under login.windows.net or sts.windows.net, and a sign-out leaves none of it behind.
    CacheRemoval removeAccount(const QString& homeAccountId, const QString& environment, const QString& clientId);
    // One tenant of an account: its access and ID tokens in that realm, under every alias of
    // `environment`. The refresh token stays.
    CacheRemoval removeRealm(const QString& homeAccountId, const QString& environment, const QString& realm);

    // The hosts instance discovery lists as one cloud's sign-in host (the environment itself when
    // it is none of the known ones, e.g. a custom cloud or a test provider).
    static QStringList environmentAliases(const QString& environment);

private:
    Json& section(const char* name);
    QString familyOf(const QString& clientId, const QString& environment) const;
    int removeWhere(const char* sectionName, const std::function<bool(const Json&)>& predicate);

    Json m_doc;
};

} // namespace tenantry
