#pragma once

#include "cache/MsalCache.h"
#include "store/MsalCacheFile.h"
#include "store/SecretStore.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace tenantry {

class Clock;

// Where tokens live (a user setting).
enum class StorageMode {
    KeychainAndFile, // default: keychain is canonical, msal_token_cache.json kept in step for az & co.
    KeychainOnly,    // no plaintext tokens written by Tenantry
};

// What a load or modify did, for the caller to show.
struct CacheOutcome
{
    bool ok = false;
    QString error;              // why it failed; names the file or the keychain, never a secret
    QStringList warnings;       // e.g. "no keychain service answered, tokens are kept in <file> only"
    bool usingKeychain = false; // false when working on the file alone (fallback)
};

// The one place that reads and writes the token cache. Keeps the keychain copy and the MSAL file in
// step, re-reading under the lock before every change so what az wrote since is merged, never
// clobbered. Falls back to the file with a plain warning when no keychain service answers, and
// never loses a token on a failed write: the previous copy stays where it was.
//
// Keychain item: service "Tenantry", key "msal-cache:<canonical AZURE_CONFIG_DIR>", holding an
// envelope {"format": 1, "fileDigest": "<sha256 of the file as last synced>", "cache": {...}} so a
// later load can tell whether another program changed the file since.
class TokenCacheService : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const CacheOutcome&)>;

    // `keychain` may be null (no keychain support at all: file only).
    TokenCacheService(SecretStore* keychain, const QString& configDir, StorageMode mode, QObject* parent = nullptr);
    ~TokenCacheService() override;

    StorageMode mode() const { return m_mode; }
    void setMode(StorageMode mode, Done done);
    QString filePath() const;

    // Reads keychain and file, reconciles them, and makes the result cache(). Emits cacheChanged().
    void load(Done done);

    // Applies `change` to the freshest cache (re-read under the lock) and writes it to every store
    // the mode names. Calls are queued: one runs at a time, in order.
    void modify(std::function<void(MsalCache&)> change, Done done);

    // Removes every token: the keychain item and, in KeychainAndFile mode, the file (az account clear).
    void clear(Done done);

    const MsalCache& cache() const { return m_cache; }

signals:
    void cacheChanged();
    void warning(const QString& message);

private:
    struct Private;
    std::unique_ptr<Private> d;
    StorageMode m_mode;
    MsalCache m_cache;
};

} // namespace tenantry
