#include "store/KeychainStore.h"

#include "store/KeychainStorePlatform.h"

#include <QFileInfo>

namespace tenantry {

#if !defined(Q_OS_MACOS)
namespace {

// Whether libsecret's / GLib's message says there is no session bus or no Secret Service on it.
// GLib translates its messages, so the environment is checked too.
bool sessionBusMissing()
{
    const QByteArray address = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    if (address.isEmpty()) {
        const QByteArray runtimeDir = qgetenv("XDG_RUNTIME_DIR");
        return runtimeDir.isEmpty() || !QFileInfo::exists(QString::fromLocal8Bit(runtimeDir + "/bus"));
    }
    const QByteArray unixPath = QByteArrayLiteral("unix:path=");
    if (address.startsWith(unixPath)) {
        QByteArray path = address.mid(unixPath.size());
        const qsizetype comma = path.indexOf(',');
        if (comma >= 0)
            path.truncate(comma);
        return !QFileInfo::exists(QString::fromLocal8Bit(path));
    }
    return false;
}

bool messageSaysNoService(const QString& message)
{
    static const char* const patterns[] = {
        "d-bus",
        "dbus",
        "org.freedesktop.secrets",
        "could not connect",
        "autolaunch",
        ".service files",
        "serviceunknown",
        "not activatable",
        "no such interface",
        "timeout was reached",
        "did not receive a reply",
        "secret service",
        "no keychain service",
        "no keyring daemon",
        "connection refused",
        "connection closed",
    };
    const QString lower = message.toLower();
    for (const char* pattern : patterns) {
        if (lower.contains(QLatin1String(pattern)))
            return true;
    }
    // What QtKeychain says when neither libsecret nor libgnome-keyring could be loaded.
    return message == QLatin1String("Unknown error");
}

} // namespace
#endif

bool keychainServiceMissing(const QString& detail)
{
#if defined(Q_OS_MACOS)
    Q_UNUSED(detail);
    return false;
#else
    return sessionBusMissing() || messageSaysNoService(detail);
#endif
}

int KeychainStore::defaultMaxChunkSize()
{
    return 0;
}

QString KeychainStore::backendName() const
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("macOS Keychain");
#else
    // QtKeychain prefers KWallet on KDE Plasma and the Secret Service everywhere else.
    if (qgetenv("XDG_CURRENT_DESKTOP") == "KDE")
        return QStringLiteral("KWallet");
    return QStringLiteral("Secret Service");
#endif
}

} // namespace tenantry
