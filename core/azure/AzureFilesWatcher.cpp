#include "azure/AzureFilesWatcher.h"

#include "util/Logging.h"

#include <QDir>
#include <QFileInfo>

#include <utility>

namespace tenantry {

AzureFilesWatcher::AzureFilesWatcher(AzureConfigDir dir, QObject* parent)
    : QObject(parent)
    , m_dir(std::move(dir))
{
    m_files.insert(m_dir.profileFile(), Watched::Profile);
    m_files.insert(m_dir.cloudsConfigFile(), Watched::Profile);
    m_files.insert(m_dir.configFile(), Watched::Profile);
    m_files.insert(m_dir.msalCacheFile(), Watched::TokenCache);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &AzureFilesWatcher::settle);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &AzureFilesWatcher::onFileChanged);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &AzureFilesWatcher::onDirectoryChanged);
}

void AzureFilesWatcher::start()
{
    QString error;
    if (!m_dir.ensureExists(&error))
        qCWarning(lcProfile).noquote() << error;
    if (QDir(m_dir.path()).exists() && !m_watcher.directories().contains(m_dir.path()))
        m_watcher.addPath(m_dir.path());
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it)
        m_signatures.insert(it.key(), signatureOf(it.key()));
    watchFiles();
}

QByteArray AzureFilesWatcher::signatureOf(const QString& path) const
{
    const QFileInfo info(path);
    if (!info.exists())
        return QByteArrayLiteral("-");
    return QByteArray::number(info.size()) + ':' + QByteArray::number(info.lastModified().toMSecsSinceEpoch());
}

void AzureFilesWatcher::watchFiles()
{
    // Only the files whose rewrite in place matters: az's settings change only by rename or not at all.
    const QStringList watched = m_watcher.files();
    for (const QString& path : {m_dir.profileFile(), m_dir.msalCacheFile()}) {
        if (!watched.contains(path) && QFileInfo::exists(path))
            m_watcher.addPath(path);
    }
}

void AzureFilesWatcher::onFileChanged(const QString& path)
{
    // The file itself changed (or went, when replaced): that alone is a change, even one within the
    // same millisecond and size.
    if (const auto it = m_files.constFind(path); it != m_files.constEnd())
        markPending(*it);
    watchFiles();
    m_debounce.start();
}

void AzureFilesWatcher::onDirectoryChanged()
{
    // Which file it was is only known once the burst is over (settle() compares); our own lock file
    // changes the directory too and is no change of az's files.
    watchFiles();
    m_debounce.start();
}

void AzureFilesWatcher::markPending(Watched what)
{
    (what == Watched::Profile ? m_profilePending : m_cachePending) = true;
}

void AzureFilesWatcher::settle()
{
    watchFiles();
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
        const QByteArray signature = signatureOf(it.key());
        if (signature != m_signatures.value(it.key())) {
            m_signatures.insert(it.key(), signature);
            markPending(it.value());
        }
    }
    const bool profile = std::exchange(m_profilePending, false);
    const bool cache = std::exchange(m_cachePending, false);
    if (profile) {
        qCDebug(lcProfile) << "az's profile changed on disk";
        emit profileChanged();
    }
    if (cache) {
        qCDebug(lcProfile) << "the token cache changed on disk";
        emit tokenCacheChanged();
    }
}

} // namespace tenantry
