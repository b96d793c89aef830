#pragma once

#include <QByteArray>
#include <QString>

namespace tenantry {

// A whole file that another program writes (the token cache, azureProfile.json, az's INI files), read
// without ever holding more than `maxBytes` of it: a huge or endless "file" (a sparse file, a link to
// /dev/zero) is refused, not slurped. FIFOs, sockets and devices are refused before opening (a FIFO
// would block the open until a writer comes).
struct BoundedFileRead
{
    enum class Status {
        Ok,
        Missing,    // nothing there (a dangling symlink included)
        TooLarge,   // more than maxBytes; nothing was kept
        Unreadable, // exists but cannot be read: permissions, a directory, not a regular file
    };

    Status status = Status::Missing;
    QByteArray bytes;
    QString reason; // TooLarge / Unreadable: why, for people ("it is larger than 64 MiB"); never the content

    static BoundedFileRead read(const QString& path, qint64 maxBytes);
};

} // namespace tenantry
