#include "store/KeychainInStepMarker.h"

#include "store/AtomicFile.h"
#include "store/BoundedFileRead.h"
#include "store/TokenCacheService.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

namespace tenantry {

namespace {

// The item key inside, so a marker is never taken for another item's.
QByteArray contentFor(const QString& key)
{
    return QByteArrayLiteral("tenantry keychain copy in step with the token cache file\n") + key.toUtf8() + '\n';
}

constexpr qint64 kMaxMarkerBytes = 64 * 1024;

} // namespace

KeychainInStepMarker::KeychainInStepMarker(const QString& configDir)
    : m_key(TokenCacheService::keychainKeyFor(configDir))
    , m_path(runtimeFilePath(m_key, configDir, QStringLiteral("in-step")))
{}

QString KeychainInStepMarker::runtimeFilePath(const QString& keychainKey, const QString& configDir,
                                              const QString& suffix)
{
    QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (runtime.isEmpty() || !QDir::isAbsolutePath(runtime) || !QFileInfo(runtime).isDir())
        runtime = configDir;
    const QByteArray name = QCryptographicHash::hash(keychainKey.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    return QDir(runtime).filePath(QStringLiteral("tenantry-keychain-%1.%2").arg(QString::fromLatin1(name), suffix));
}

bool KeychainInStepMarker::isSet() const
{
    const QFileInfo info(m_path);
    if (info.isSymLink() || !info.isFile())
        return false;
#if defined(Q_OS_UNIX)
    // In the config directory fallback another user might plant one.
    if (info.ownerId() != uint(::geteuid()))
        return false;
#endif
    const BoundedFileRead read = BoundedFileRead::read(m_path, kMaxMarkerBytes);
    return read.status == BoundedFileRead::Status::Ok && read.bytes == contentFor(m_key);
}

bool KeychainInStepMarker::set(QString* error) const
{
    if (isSet())
        return true;
    // Whatever is there (a stale or foreign file, a link) goes; the new file is created, never written through.
    if (!clear(error))
        return false;
    switch (AtomicFile::createNew(m_path, contentFor(m_key), 0600, error)) {
    case AtomicFile::CreateResult::Created:
        return true;
    case AtomicFile::CreateResult::Exists:
        return isSet(); // another Tenantry process set it in between
    case AtomicFile::CreateResult::Failed:
        break;
    }
    return false;
}

bool KeychainInStepMarker::clear(QString* error) const
{
    const QFileInfo info(m_path);
    if (!info.exists() && !info.isSymLink())
        return true;
    QFile file(m_path);
    if (file.remove())
        return true;
    if (error)
        *error = QCoreApplication::translate("tenantry::KeychainInStepMarker", "Cannot delete %1: %2")
                     .arg(QDir::toNativeSeparators(m_path), file.errorString());
    return false;
}

} // namespace tenantry
