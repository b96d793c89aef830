#pragma once

#include "cache/MsalCache.h"
#include "store/MsalCacheFile.h"
#include "store/SecretStore.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

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
// later load can tell whether another program changed the file since. An empty fileDigest means the
// keychain copy was never synced with the file (keychain-only mode): the file's entries are then
// merged in, the keychain's winning conflicts.
//
// Operations (load, modify, clear, setMode) are queued and run one at a time; `done` is always
// called from the event loop, never from inside the call that started the operation. File reads and
// writes run on a worker thread (taking the lock file may wait seconds while az holds it); the
// keychain is asynchronous; so nothing here blocks the caller's thread.
//
// Reconciling, on every load and modify (KeychainAndFile):
//   - file unchanged since the envelope's fileDigest: the keychain copy is current (the file is
//     rewritten from it if a previous file write failed);
//   - file changed since (az wrote it): the file is current;
//   - envelope never synced (empty fileDigest): file entries merged in, the keychain winning conflicts;
//   - file unreadable as a cache: kept as ".bak" and rewritten from the keychain copy;
//   - file deleted after a sync (az logout / az account clear): the user's clear, honoured.
class TokenCacheService : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const CacheOutcome&)>;

    // `keychain` may be null (no keychain support at all: file only). It is not owned.
    TokenCacheService(SecretStore* keychain, const QString& configDir, StorageMode mode, QObject* parent = nullptr);
    ~TokenCacheService() override;

    StorageMode mode() const { return m_mode; }
    // Switches mode, then loads in the new mode (so switching to KeychainAndFile writes the file).
    void setMode(StorageMode mode, Done done);
    QString filePath() const;
    QString keychainKey() const; // "msal-cache:<canonical config dir>"
    static QString keychainKeyFor(const QString& configDir);

    // Reads keychain and file, reconciles them, and makes the result cache(). Emits cacheChanged().
    void load(Done done);

    // Applies `change` to the freshest cache and writes it to every store the mode names. Calls are
    // queued: one runs at a time, in order. `change` runs on this object's thread and must only edit
    // the cache it is given: it is computed against the file as read, and the file is written only if
    // it is still the same under the lock; if another program wrote it in between, `change` runs
    // again on a fresh copy (so a change must not count on running once).
    void modify(std::function<void(MsalCache&)> change, Done done);

    // Removes every token: the keychain item and, in KeychainAndFile mode, the file (az account clear).
    void clear(Done done);

    const MsalCache& cache() const { return m_cache; }

    // Tests shorten the lock file's waits.
    void setFileLockOptions(const FileLockOptions& options);

signals:
    void cacheChanged();
    // Each distinct warning once per TokenCacheService (outcomes list them every time).
    void warning(const QString& message);

private:
    struct Private;
    std::unique_ptr<Private> d;
    StorageMode m_mode;
    MsalCache m_cache;
};

} // namespace tenantry
