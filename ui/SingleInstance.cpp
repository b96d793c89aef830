#include "SingleInstance.h"

#include "AppIcons.h"
#include "UiLogging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QScopeGuard>
#include <QTimer>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace tenantry {

namespace {

constexpr int kMaxMessageBytes = 64 * 1024;
constexpr int kConnectTimeoutMs = 1000;

QByteArray encode(const QStringList& arguments)
{
    return QJsonDocument(QJsonArray::fromStringList(arguments)).toJson(QJsonDocument::Compact) + '\n';
}

#if defined(Q_OS_UNIX)

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

#endif

// Whether the peer of a connection accepted by the first instance runs as this user.
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
    // every use), so no other user reaches it. Windows: QLocalServer::UserAccessOption gives the named
    // pipe an access list that names this user alone.
    Q_UNUSED(socket);
    return true;
#endif
}

} // namespace

SingleInstance::SingleInstance(QString key, QObject* parent)
    : QObject(parent)
    , m_key(std::move(key))
{
    if (m_key.isEmpty())
        m_key = defaultKey(&m_keyError);
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultKey(QString* error)
{
#if defined(Q_OS_UNIX)
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
#else
    // A pipe name (not a file): QLocalServer::UserAccessOption restricts the pipe to this user.
    Q_UNUSED(error);
    const QByteArray user = qgetenv("USER") + qgetenv("USERNAME") + QDir::homePath().toUtf8();
    return AppIcons::kAppId + QLatin1Char('-') +
           QString::fromLatin1(QCryptographicHash::hash(user, QCryptographicHash::Sha256).toHex().left(16));
#endif
}

bool SingleInstance::isPrimary() const
{
    return m_server && m_server->isListening();
}

void SingleInstance::failLater(const QString& message)
{
    QTimer::singleShot(0, this, [this, message] { emit failed(message); });
}

void SingleInstance::start(const QStringList& arguments)
{
    m_arguments = arguments;
    if (m_key.isEmpty()) {
        failLater(m_keyError);
        return;
    }
#if defined(Q_OS_UNIX)
    // Checked now, not only when the key was chosen: a later launch must not hand its command line to
    // a socket someone else could have put there.
    if (!QDir::isAbsolutePath(m_key)) { // QLocalServer would put it in the shared temp dir
        failLater(refusal(m_key, tr("it is not an absolute path")));
        return;
    }
    const QString dir = QFileInfo(m_key).absolutePath();
    if (const QString reason = whyNotPrivate(dir); !reason.isEmpty()) {
        failLater(refusal(dir, reason));
        return;
    }
#endif
    connectToPrimary();
}

void SingleInstance::connectToPrimary()
{
    m_client = new QLocalSocket(this);
    connect(m_client, &QLocalSocket::connected, this, [this] {
        m_sent = true;
        m_client->write(encode(m_arguments));
    });
    connect(m_client, &QLocalSocket::bytesWritten, this, [this] {
        if (m_client->bytesToWrite() == 0)
            m_client->disconnectFromServer();
    });
    connect(m_client, &QLocalSocket::disconnected, this, [this] {
        qCInfo(lcUi) << "handed the command line to the running instance";
        emit forwarded();
    });
    connect(m_client, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError error) {
        if (m_sent)
            return; // the running instance closed the connection after reading: disconnected() follows
        m_client->deleteLater();
        m_client = nullptr;
        if (error == QLocalSocket::ServerNotFoundError || error == QLocalSocket::ConnectionRefusedError)
            listen(); // nobody there (or a stale socket of a crashed instance)
        else
            emit failed(tr("Cannot reach the running Tenantry (error %1).").arg(int(error)));
    });
    m_client->connectToServer(m_key);
    QTimer::singleShot(kConnectTimeoutMs, this, [this] {
        if (!m_sent && m_client && m_client->state() == QLocalSocket::ConnectingState) {
            // Something holds the socket but does not answer: run anyway, alone.
            m_client->abort();
            m_client->deleteLater();
            m_client = nullptr;
            emit failed(tr("The running Tenantry does not answer."));
        }
    });
}

void SingleInstance::listen()
{
    m_server = new QLocalServer(this);
#if defined(Q_OS_UNIX)
    // No access options: with them Qt binds elsewhere and rename()s the socket over whatever is at the
    // path -- another file, or the live socket of an instance that started a moment earlier. Bound in
    // place, a taken path fails; the private directory keeps other users away from the socket.
    m_server->setSocketOptions(QLocalServer::NoOptions);
#else
    m_server->setSocketOptions(QLocalServer::UserAccessOption); // Windows: the pipe's access list names this user
#endif
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    if (m_server->listen(m_key)) {
        qCInfo(lcUi) << "first instance: listening for later launches";
        emit becamePrimary();
        return;
    }
    QString message = tr("Cannot listen for later launches: %1").arg(m_server->errorString());
    if (m_server->serverError() == QAbstractSocket::AddressInUseError && !m_retriedListen) {
        // A socket file left by a crashed instance: nobody answered on it, so remove and retry.
        m_retriedListen = true;
#if defined(Q_OS_UNIX)
        const bool removed = removeStaleSocket(m_key, &message);
#else
        const bool removed = QLocalServer::removeServer(m_key);
#endif
        if (removed) {
            if (m_server->listen(m_key)) {
                emit becamePrimary();
                return;
            }
            message = tr("Cannot listen for later launches: %1").arg(m_server->errorString());
        }
    }
    delete m_server;
    m_server = nullptr;
    emit failed(message);
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        if (!fromThisUser(socket)) {
            socket->abort(); // hung up before a byte of the command is read
            socket->deleteLater();
            continue;
        }
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readMessage(socket); });
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void SingleInstance::readMessage(QLocalSocket* socket)
{
    if (socket->bytesAvailable() > kMaxMessageBytes) {
        socket->abort();
        return;
    }
    if (!socket->canReadLine())
        return;
    const QJsonDocument doc = QJsonDocument::fromJson(socket->readLine().trimmed());
    QStringList arguments;
    const QJsonArray array = doc.array();
    for (const QJsonValue& value : array)
        arguments.append(value.toString());
    socket->disconnectFromServer();
    emit activationRequested(arguments);
}

} // namespace tenantry
