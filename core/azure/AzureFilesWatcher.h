#pragma once

#include "azure/AzureConfigDir.h"

#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace tenantry {

// Tells when az (or anything else) changed its files in the config directory: azureProfile.json and its
// settings (clouds.config, config), and the token cache. az rewrites azureProfile.json in place (truncate,
// then write); MSAL writes the cache to a temp file and renames it over the old one, next to a lock file.
// So the files are watched themselves (a directory watch misses a rewrite in place) and through the
// directory (a file created, or replaced by a rename, whose watch went with the old file and is added
// again). One change is several events: each signal comes once, 200 ms after the last of them.
class AzureFilesWatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDebounceMs = 200;

    explicit AzureFilesWatcher(AzureConfigDir dir, QObject* parent = nullptr);

    // Creates the directory when missing (so az's first sign-in is seen too) and starts watching.
    void start();

signals:
    void profileChanged();    // azureProfile.json, clouds.config or config
    void tokenCacheChanged(); // msal_token_cache.json

private:
    enum class Watched { Profile, TokenCache };

    void watchFiles();
    void onFileChanged(const QString& path);
    void onDirectoryChanged();
    void settle();
    void markPending(Watched what);
    QByteArray signatureOf(const QString& path) const;

    AzureConfigDir m_dir;
    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    QHash<QString, Watched> m_files;         // path -> what it is part of
    QHash<QString, QByteArray> m_signatures; // path -> size and time as last seen
    bool m_profilePending = false;
    bool m_cachePending = false;
};

} // namespace tenantry
