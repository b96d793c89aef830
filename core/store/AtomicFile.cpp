#include "store/AtomicFileSupport.h"

#include "util/Logging.h"

#include <QFileInfo>

// AtomicFile itself is in AtomicFile_unix.cpp (POSIX calls) and AtomicFile_win.cpp (QSaveFile).

namespace tenantry::atomicfile {

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    qCWarning(lcStore).noquote() << message;
    return false;
}

QString resolveTarget(const QString& path)
{
    const QFileInfo info(path);
    if (!info.isSymLink())
        return path;
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.symLinkTarget() : canonical; // dangling: create the target
}

} // namespace tenantry::atomicfile
