#pragma once

// What AtomicFile_unix.cpp and AtomicFile_win.cpp share (defined in AtomicFile.cpp).

#include <QString>

namespace tenantry::atomicfile {

// Logs `message`, hands it to `error` (when given) and returns false.
bool fail(QString* error, const QString& message);
// The file a write to `path` must replace: a symlink's target, so the link itself survives.
QString resolveTarget(const QString& path);

} // namespace tenantry::atomicfile
