#pragma once

#include "cache/MsalCache.h"
#include "store/MsalCacheFile.h"
#include "store/SecretStore.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace tenantry {

class Clock;

// Where tokens live (a user setting).
enum class StorageMode {
    KeychainAndFile, // default: keychain is canonical, msal_token_cache.json kept in step for az & co.
    KeychainOnly,    // no plaintext tokens written by Tenantry
};

// On a switch to keychain-only: what happens to the plaintext tokens Tenantry put in the keychain.
enum class PlaintextCopies {
    Keep,   // the file stays as it is (az keeps working with it)
    Remove, // Tenantry's refresh and access tokens that the keychain holds are removed from the file
};

// What a load or modify did, for the caller to show.
struct CacheOutcome
{
    bool ok = false;
    QString error;              // why it failed; names the file or the keychain, never a secret
    QStringList warnings;       // e.g. "no keychain service answered, tokens are kept in <file> only"; never a secret
    bool usingKeychain = false; // false when working on the file alone (fallback)
};

// The one place that reads and writes the token cache. Keeps the keychain copy and the MSAL file in
// step, re-reading under the lock before every change so what az wrote since is merged, never
// clobbered. Falls back to the file with a plain warning when no keychain service answers
// (KeychainAndFile), and never loses a token on a failed write: the previous copy stays where it was.
//
// Keychain item: service "Tenantry", key "msal-cache:<canonical AZURE_CONFIG_DIR>", holding an
// envelope {"format": 1, "fileDigest": "<sha256 of the file as last synced>", "cache": {...},
// "fileBase": {...}} so a later load can tell whether another program changed the file since. An empty
// fileDigest means the keychain copy was never synced with the file (keychain-only mode): the file's
// entries are then merged in, the keychain's winning conflicts. "fileBase" is there only while the
// keychain copy is ahead of the file (a file write failed): the per-entry digests of the file content
// fileDigest names, the base of a three-way merge.
//
// Operations (load, modify, clear, setMode) are queued and run one at a time; `done` is always
// called from the event loop, never from inside the call that started the operation. File reads and
// writes run on a worker thread (taking the lock file may wait seconds while az holds it); the
// keychain is asynchronous; so nothing here blocks the caller's thread.
//
// Reconciling, on every load and modify (KeychainAndFile):
//   - file unchanged since the envelope's fileDigest: the keychain copy is current (the file is
//     rewritten from it if a previous file write failed);
//   - file changed since (az wrote it), keychain copy in step when last written: the file is current;
//   - file changed since, keychain copy ahead (fileBase): three-way merge per entry against fileBase.
//     What only one side changed wins (an az logout removing entries is honoured, and so is a Tenantry
//     sign-out that only reached the keychain); entries added on either side are kept; an entry both
//     changed goes to the newer by MSAL's timestamps (last_modification_time, cached_at), else to the
//     file. So a sign-in or a rotated refresh token that only reached the keychain survives az's write;
//   - envelope never synced (empty fileDigest): file entries merged in, the keychain winning conflicts;
//   - file unreadable as a cache: kept as ".bak" and rewritten from the keychain copy;
//   - file deleted after a sync (az logout / az account clear): the user's clear, honoured (also while
//     the keychain copy is ahead: deleting the file is a wipe).
//
// While the keychain copy defers to the file (no item, or one written in step: a load takes the file's
// content), the KeychainInStepMarker file is kept, so readFileWhenInStep() can answer from the file
// without the keychain; it is removed before the keychain takes any other copy.
//
// KeychainOnly: the file is never written. Every load and modify runs under a cross-process lock
// (FileLock's protocol, keychainLockPath()) from reading the keychain item to writing it, so concurrent
// Tenantry processes keep each other's tokens. When no keychain answers, changes stay in this process's
// memory (with a warning) and are merged into the keychain item when one answers again.
//
// Backups: a modify that signs an account out (removes its refresh tokens or Account entries) deletes
// every ".bak" of the file that mentions its home_account_id, and one that removes a token deletes every
// ".bak" holding that token's secret (nothing a user removes stays behind in a copy); clear() deletes them all.
class TokenCacheService : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const CacheOutcome&)>;

    // `keychain` may be null (no keychain support at all: file only). It is not owned.
    TokenCacheService(SecretStore* keychain, const QString& configDir, StorageMode mode, QObject* parent = nullptr);
    ~TokenCacheService() override;

    StorageMode mode() const { return m_mode; }
    // Switches mode, then loads in the new mode (so switching to KeychainAndFile writes the file). On a
    // switch to KeychainOnly with PlaintextCopies::Remove, the refresh and access tokens of Tenantry's
    // client (setClientId) that the keychain holds are then removed from the file and its ".bak" copies
    // deleted; other clients' entries in the file, and anything the keychain does not hold, stay. Not removed (an
    // error) when the keychain did not take them.
    void setMode(StorageMode mode, PlaintextCopies copies, Done done);
    // The client id Tenantry signs in with: whose plaintext copies setMode() may remove.
    void setClientId(const QString& clientId);
    QString keychainLockPath() const; // the lock around keychain-only read-modify-writes
    QString filePath() const;
    QString keychainKey() const; // "msal-cache:<canonical config dir>"
    static QString keychainKeyFor(const QString& configDir);

    // Reads keychain and file, reconciles them, and makes the result cache(). Emits cacheChanged().
    void load(Done done);

    // The cache load() would give, read from the file alone where that is known without the keychain:
    // KeychainAndFile mode, and the keychain copy deferring to the file (KeychainInStepMarker: the item
    // is absent or was last written in step, not ahead of the file). Read as az reads it (lock-free; a
    // file MSAL Python is half-way through writing is read again), on the caller's thread. nullopt when the
    // keychain has to be asked or the file is no readable cache: then load().
    std::optional<MsalCache> readFileWhenInStep() const;

    // Applies `change` to the freshest cache and writes it to every store the mode names. Calls are
    // queued: one runs at a time, in order. `change` runs on this object's thread and must only edit
    // the cache it is given: it is computed against the file as read, and the file is written only if
    // it is still the same under the lock; if another program wrote it in between, `change` runs
    // again on a fresh copy (so a change must not count on running once).
    void modify(std::function<void(MsalCache&)> change, Done done);

    // The wipe, in every mode: the keychain item, the file (as az account clear does), every backup of
    // it, and what this process kept in memory.
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
