#include "ContextAz.h"

#include "azure/AzureConfigDir.h"
#include "tools/SubscriptionContext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#ifdef Q_OS_LINUX
#include <sched.h>
#include <sys/mount.h>
#endif

namespace tenantry {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("tenantry::ContextAz", text);
}

QString lastError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// The real az: the first executable `az` on PATH that is no context's shim.
QString findAz()
{
    const QString root = SubscriptionContext::rootDirectory() + QLatin1Char('/');
    const QStringList path = SubscriptionContext::pathWithoutContexts(
        qEnvironmentVariable("PATH").split(QLatin1Char(':'), Qt::SkipEmptyParts));
    for (const QString& entry : path) {
        const QFileInfo candidate(QDir(entry).filePath(QStringLiteral("az")));
        if (!candidate.isFile() || !candidate.isExecutable() || candidate.canonicalFilePath().startsWith(root))
            continue;
        return candidate.absoluteFilePath();
    }
    return {};
}

#ifdef Q_OS_LINUX
bool writeProcFile(const char* path, const QByteArray& text, QString* error)
{
    const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    const bool ok = fd >= 0 && ::write(fd, text.constData(), size_t(text.size())) == text.size();
    if (!ok)
        *error = QCoreApplication::translate("tenantry::ContextAz", "Cannot write %1: %2")
                     .arg(QString::fromLatin1(path), lastError());
    if (fd >= 0)
        ::close(fd);
    return ok;
}

QString namespaceRefused(int error)
{
    const QString why = QString::fromLocal8Bit(std::strerror(error));
    switch (error) {
    case EPERM:
    case EACCES:
        return QCoreApplication::translate(
                   "tenantry::ContextAz",
                   "The kernel does not let this user create a user namespace (%1), which a subscription for one "
                   "shell needs. On Ubuntu 23.10 and later AppArmor restricts them "
                   "(sysctl kernel.apparmor_restrict_unprivileged_userns); containers often forbid them too.")
            .arg(why);
    case ENOSPC:
    case EUSERS:
        return QCoreApplication::translate(
                   "tenantry::ContextAz",
                   "The kernel refuses another user namespace (%1): see sysctl user.max_user_namespaces.")
            .arg(why);
    default:
        return QCoreApplication::translate(
                   "tenantry::ContextAz",
                   "The kernel refuses a user namespace (%1), which a subscription for one shell needs.")
            .arg(why);
    }
}
#endif

} // namespace

QString ContextAz::exec(const QString& contextDirectory, char** argv)
{
    const std::optional<SubscriptionContext> context = SubscriptionContext::open(contextDirectory);
    if (!context)
        return tr("%1 is not a subscription context of this user (contexts are removed once the shell they were "
                  "made for has ended).")
            .arg(contextDirectory);
    const QString az = findAz();
    if (az.isEmpty())
        return tr("The Azure CLI (az) was not found on PATH.");
    const QString target = AzureConfigDir::fromEnvironment().profileFile();
    if (!QFileInfo::exists(target))
        return tr("%1 is missing: no account is signed in.").arg(target);
#ifdef Q_OS_LINUX
    const uid_t uid = ::geteuid();
    const gid_t gid = ::getegid();
    if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
        return namespaceRefused(errno);
    QString error;
    // The same user inside as outside: files az makes belong to the user, as without a context.
    if (!writeProcFile("/proc/self/setgroups", "deny", &error) ||
        !writeProcFile("/proc/self/uid_map", QByteArray::number(uid) + ' ' + QByteArray::number(uid) + " 1", &error) ||
        !writeProcFile("/proc/self/gid_map", QByteArray::number(gid) + ' ' + QByteArray::number(gid) + " 1", &error))
        return error;
    // Private first, so the bind mount below never propagates back to the user's namespace.
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return tr("Cannot make the mounts of az's namespace private: %1").arg(lastError());
    const QByteArray source = QFile::encodeName(context->profileFile());
    const QByteArray mountPoint = QFile::encodeName(target);
    if (::mount(source.constData(), mountPoint.constData(), nullptr, MS_BIND, nullptr) != 0)
        return tr("Cannot put the context's azureProfile.json in place of %1: %2").arg(target, lastError());
    const QByteArray program = QFile::encodeName(az);
    argv[0] = const_cast<char*>(program.constData());
    ::execv(program.constData(), argv);
    return tr("Cannot run %1: %2").arg(az, lastError());
#else
    Q_UNUSED(argv);
    return tr("A subscription for one shell needs Linux's user namespaces.");
#endif
}

} // namespace tenantry
