#include "store/BoundedFileRead.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

namespace tenantry {

BoundedFileRead BoundedFileRead::read(const QString& path, qint64 maxBytes)
{
    BoundedFileRead out;
    const QFileInfo info(path);
    if (!info.exists())
        return out;
    auto fail = [&out](Status failure, const QString& why) {
        out.status = failure;
        out.reason = why;
        out.bytes.clear();
        return out;
    };
    const QString tooLarge = QCoreApplication::translate("tenantry::BoundedFileRead", "it is larger than %1")
                                 .arg(QLocale::c().formattedDataSize(maxBytes, 0));
    if (info.isDir())
        return fail(Status::Unreadable, QCoreApplication::translate("tenantry::BoundedFileRead", "it is a folder"));
    if (!info.isFile())
        return fail(Status::Unreadable,
                    QCoreApplication::translate("tenantry::BoundedFileRead", "it is not a regular file"));
    if (info.size() > maxBytes)
        return fail(Status::TooLarge, tooLarge);

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Status::Unreadable, file.errorString());
    // In chunks up to end of file: the file may have grown since its size was checked.
    constexpr qint64 kChunk = 64 * 1024;
    out.bytes.reserve(info.size());
    for (;;) {
        const qsizetype had = out.bytes.size();
        out.bytes.resize(had + kChunk);
        const qint64 got = file.read(out.bytes.data() + had, kChunk);
        if (got < 0)
            return fail(Status::Unreadable, file.errorString());
        out.bytes.resize(had + got);
        if (out.bytes.size() > maxBytes)
            return fail(Status::TooLarge, tooLarge);
        if (got == 0)
            break;
    }
    out.status = Status::Ok;
    return out;
}

} // namespace tenantry
