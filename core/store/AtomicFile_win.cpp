#include "store/AtomicFile.h"

#include "store/AtomicFileSupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

// Not POSIX (Windows): QSaveFile does temp file + flush + ReplaceFile; modes barely apply there.

namespace tenantry {

using atomicfile::fail;
using atomicfile::resolveTarget;

namespace {
QFileDevice::Permissions permissionsOf(int mode)
{
    QFileDevice::Permissions p;
    if (mode & 0400)
        p |= QFileDevice::ReadOwner | QFileDevice::ReadUser;
    if (mode & 0200)
        p |= QFileDevice::WriteOwner | QFileDevice::WriteUser;
    if (mode & 0040)
        p |= QFileDevice::ReadGroup;
    if (mode & 0020)
        p |= QFileDevice::WriteGroup;
    if (mode & 0004)
        p |= QFileDevice::ReadOther;
    if (mode & 0002)
        p |= QFileDevice::WriteOther;
    return p;
}
} // namespace

bool AtomicFile::write(const QString& path, const QByteArray& bytes, int mode, ModePolicy policy, QString* error)
{
    const QString target = resolveTarget(path);
    const bool existed = QFileInfo::exists(target);
    QSaveFile file(target);
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(
            error,
            QCoreApplication::translate("tenantry::AtomicFile", "Cannot write %1: %2").arg(target, file.errorString()));
    if (!existed || policy == ModePolicy::Always)
        QFile::setPermissions(target, permissionsOf(mode));
    return true;
}

AtomicFile::CreateResult AtomicFile::createNew(const QString& path, const QByteArray& bytes, int mode, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        if (QFileInfo::exists(path))
            return CreateResult::Exists;
        fail(error,
             QCoreApplication::translate("tenantry::AtomicFile", "Cannot create %1: %2").arg(path, file.errorString()));
        return CreateResult::Failed;
    }
    file.setPermissions(permissionsOf(mode));
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        fail(error,
             QCoreApplication::translate("tenantry::AtomicFile", "Cannot write %1: %2").arg(path, file.errorString()));
        file.remove();
        return CreateResult::Failed;
    }
    return CreateResult::Created;
}

} // namespace tenantry
