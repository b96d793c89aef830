#include "azure/AzureConfigDir.h"

#include "util/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSet>

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace tenantry {

namespace {

// What makes `st` (an existing configuration directory) unsafe for token files: others who can replace
// or plant files in it (a symlinked lock file, a cache of their own). Empty when nothing is wrong.
QString unsafeReason(const struct stat& st)
{
    QStringList problems;
    if (st.st_uid != ::geteuid())
        problems << QCoreApplication::translate("tenantry::AzureConfigDir", "it is owned by another user (uid %1)")
                        .arg(st.st_uid);
    if (st.st_mode & S_IWGRP)
        problems << QCoreApplication::translate("tenantry::AzureConfigDir", "its group can write to it");
    if (st.st_mode & S_IWOTH)
        problems << QCoreApplication::translate("tenantry::AzureConfigDir", "everyone can write to it");
    return problems.join(QStringLiteral(", "));
}

// Once per directory and process: the CLI prints warnings as "WARNING:" lines, and every token write
// comes through here.
void warnOnce(const QString& path, const QString& reason)
{
    static QMutex mutex;
    static QSet<QString> warned;
    {
        const QMutexLocker locker(&mutex);
        if (warned.contains(path))
            return;
        warned.insert(path);
    }
    qCWarning(lcStore).noquote() << QStringLiteral("The Azure configuration directory %1 is not private: %2; another "
                                                   "local user could read or replace the token cache in it")
                                        .arg(path, reason);
}

} // namespace

bool AzureConfigDir::ensureExists(QString* error) const
{
    const QByteArray native = QFile::encodeName(m_path);
    const auto failed = [&](const QString& reason) {
        if (error)
            *error = QCoreApplication::translate("tenantry::AzureConfigDir",
                                                 "Cannot create the Azure configuration directory %1: %2")
                         .arg(m_path, reason);
        return false;
    };
    struct stat st = {};
    if (::stat(native.constData(), &st) == 0) {
        if (!S_ISDIR(st.st_mode))
            return failed(QCoreApplication::translate("tenantry::AzureConfigDir", "something else is there"));
        const QString unsafe = unsafeReason(st);
        if (!unsafe.isEmpty())
            warnOnce(m_path, unsafe);
        return true;
    }
    const QString parent = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(parent))
        return failed(QCoreApplication::translate("tenantry::AzureConfigDir", "cannot create %1").arg(parent));
    // 0700 from the start: never a moment in which the umask's default lets others in.
    if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST)
        return failed(qt_error_string(errno));
    return true;
}

} // namespace tenantry
