#pragma once

#include <QString>

namespace tenantry {

// A small file without secrets that says "the keychain copy of the token cache defers to
// msal_token_cache.json": the keychain item is absent, or was last written in step with the file
// (KeychainAndFile: an envelope with a file digest and no fileBase). While that holds, loading the
// cache gives exactly what the file holds, so a valid access token found in the file can be served
// without the keychain round trip. TokenCacheService removes the marker before the keychain takes
// any other copy (one ahead of the file after a failed file write, a keychain-only copy) and sets it
// again only once the keychain holds an in-step copy; a failure on the way leaves it absent. Absent,
// unreadable or not this user's means "ask the keychain".
//
// It lives beside the keychain-only lock, in the per-user runtime directory (0700), named after the
// keychain item; without XDG_RUNTIME_DIR, in the config directory.
class KeychainInStepMarker
{
public:
    explicit KeychainInStepMarker(const QString& configDir);

    // "<runtime dir>/tenantry-keychain-<sha256 of the item key, 24 hex>.<suffix>": the files Tenantry keeps
    // about one keychain item (its lock, this marker). No XDG_RUNTIME_DIR (ssh without a login session,
    // containers): `configDir`, not QStandardPaths::RuntimeLocation, whose fallback warns on stderr.
    static QString runtimeFilePath(const QString& keychainKey, const QString& configDir, const QString& suffix);

    const QString& path() const { return m_path; }

    bool isSet() const;
    // Both return false with `error` (naming the file) when the file system refused.
    bool set(QString* error) const;
    bool clear(QString* error) const;

private:
    QString m_key;
    QString m_path;
};

} // namespace tenantry
