#include "SingleInstance.h"

#include "SingleInstancePlatform.h"
#include "UiLogging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTimer>

namespace tenantry {

namespace {

constexpr int kMaxMessageBytes = 64 * 1024;
constexpr int kConnectTimeoutMs = 1000;

QByteArray encode(const QStringList& arguments)
{
    return QJsonDocument(QJsonArray::fromStringList(arguments)).toJson(QJsonDocument::Compact) + '\n';
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
    return singleinstance::defaultKey(error);
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
    // Checked now, not only when the key was chosen: a later launch must not hand its command line to
    // a socket someone else could have put there.
    if (const QString refusal = singleinstance::keyRefusal(m_key); !refusal.isEmpty()) {
        failLater(refusal);
        return;
    }
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
    m_server->setSocketOptions(singleinstance::serverOptions());
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
        const bool removed = singleinstance::removeStale(m_key, &message);
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
        if (!singleinstance::fromThisUser(socket)) {
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
