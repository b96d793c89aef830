#include "SingleInstancePlatform.h"

#include "AppIcons.h"
#include "SingleInstance.h"
#include "UiLogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QScopeGuard>

#include <cerrno>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tenantry::singleinstance {

namespace {

QString socketFileName()
{
    return AppIcons::kAppId + QStringLiteral(".socket");
}

// Why the directory `st` describes is no place for the socket; empty when it is one. In anything but
// a real directory of this user's that nobody else may enter, another user could plant a socket of
// their own for a later launch to talk to, or swap the stale one for something this user owns.
QString whyNotPrivate(const struct stat& st)
{
    if (S_ISLNK(st.st_mode))
        return SingleInstance::tr("it is a symbolic link");
    if (!S_ISDIR(st.st_mode))
        return SingleInstance::tr("it is not a directory");
    if (st.st_uid != ::geteuid())
        return SingleInstance::tr("it belongs to user %1").arg(st.st_uid);
    if ((st.st_mode & 07777) != 0700)
        return SingleInstance::tr("its mode is %1, not 0700").arg(st.st_mode & 07777, 4, 8, QLatin1Char('0'));
    return {};
}

QString whyNotPrivate(const QString& dir)
{
    struct stat st = {};
    if (::lstat(QFile::encodeName(dir).constData(), &st) != 0)
        return qt_error_string(errno);
    return whyNotPrivate(st);
}

QString refusal(const QString& dir, const QString& reason)
{
    return SingleInstance::tr("Not using %1 for the single-instance socket: %2.").arg(dir, reason);
}

// Removes what a crashed instance left at `path`: only a socket of this user's, and only through a
// handle on its directory that was checked to be private, so nothing can be swapped in between the
// check and the unlink (QLocalServer::removeServer deletes whatever file is at the path).
bool removeStaleSocket(const QString& path, QString* error)
{
    const QFileInfo info(path);
    const int dir =
        ::open(QFile::encodeName(info.absolutePath()).constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dir < 0) {
        *error = refusal(info.absolutePath(), qt_error_string(errno));
        return false;
    }
    const auto closeDir = qScopeGuard([dir] { ::close(dir); });
    struct stat st = {};
    if (::fstat(dir, &st) != 0) {
        *error = refusal(info.absolutePath(), qt_error_string(errno));
        return false;
    }
    if (const QString reason = whyNotPrivate(st); !reason.isEmpty()) {
        *error = refusal(info.absolutePath(), reason);
        return false;
    }
    const QByteArray name = QFile::encodeName(info.fileName());
    if (::fstatat(dir, name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return errno == ENOENT; // gone already
    if (!S_ISSOCK(st.st_mode) || st.st_uid != ::geteuid()) {
        *error = SingleInstance::tr("%1 is not a socket of this user's; leaving it alone.").arg(path);
        return false;
    }
    if (::unlinkat(dir, name.constData(), 0) != 0 && errno != ENOENT) {
        *error = SingleInstance::tr("Cannot remove the stale socket %1: %2").arg(path, qt_error_string(errno));
        return false;
    }
    return true;
}

} // namespace

QString defaultKey(QString* error)
{
    // Not QStandardPaths::RuntimeLocation: it falls back to a directory of its own choosing.
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QDir::isAbsolutePath(runtime)) {
        const QString reason = whyNotPrivate(runtime);
        if (reason.isEmpty())
            return runtime + QLatin1Char('/') + socketFileName();
        qCWarning(lcUi).noquote() << refusal(runtime, reason);
    }
    const QString dir = QDir::tempPath() + QStringLiteral("/tenantry-%1").arg(::geteuid());
    // 0700 from the start. One that exists already (an earlier run's, or planted by someone else to
    // catch our socket) is used only when it passes the same check.
    if (::mkdir(QFile::encodeName(dir).constData(), 0700) != 0 && errno != EEXIST) {
        if (error)
            *error = refusal(dir, qt_error_string(errno));
        return {};
    }
    if (const QString reason = whyNotPrivate(dir); !reason.isEmpty()) {
        if (error)
            *error = refusal(dir, reason);
        return {};
    }
    return dir + QLatin1Char('/') + socketFileName();
}

QString keyRefusal(const QString& key)
{
    if (!QDir::isAbsolutePath(key)) // QLocalServer would put it in the shared temp dir
        return refusal(key, SingleInstance::tr("it is not an absolute path"));
    const QString dir = QFileInfo(key).absolutePath();
    if (const QString reason = whyNotPrivate(dir); !reason.isEmpty())
        return refusal(dir, reason);
    return {};
}

// No access options: with them Qt binds elsewhere and rename()s the socket over whatever is at the
// path -- another file, or the live socket of an instance that started a moment earlier. Bound in
// place, a taken path fails; the private directory keeps other users away from the socket.
QLocalServer::SocketOptions serverOptions()
{
    return QLocalServer::NoOptions;
}

bool removeStale(const QString& key, QString* message)
{
    return removeStaleSocket(key, message);
}

bool fromThisUser(const QLocalSocket* socket)
{
#if defined(Q_OS_LINUX)
    // The kernel records who connected (at connect(), whatever the peer did since): no peer can fake it.
    struct ucred credentials = {};
    socklen_t length = sizeof credentials;
    if (::getsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0) {
        qCWarning(lcUi).noquote() << "refused a command: cannot tell which user sent it:" << qt_error_string(errno);
        return false;
    }
    if (credentials.uid != ::geteuid()) {
        qCWarning(lcUi).noquote() << "refused a command from user" << credentials.uid;
        return false;
    }
    return true;
#else
    // Other Unixes: the socket sits in a directory only this user may enter (checked private before
    // every use), so no other user reaches it.
    Q_UNUSED(socket);
    return true;
#endif
}

} // namespace tenantry::singleinstance
