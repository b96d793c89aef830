// The floor for `account get-access-token` with a cached token: the least a Qt program has to do to answer
// it as az does. QtCore only; it reads $AZURE_CONFIG_DIR/azureProfile.json (the default subscription) and
// msal_token_cache.json, finds the Azure CLI's ARM access token for that user and tenant with more than
// 5 minutes left, and prints the JSON az prints. No keychain, no lock, no refresh: AzureCloud only.
// Built and run by bench/run.sh; exit 1 when there is no such token.

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace {

const QString kClientId = QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
const QString kEnvironment = QStringLiteral("login.microsoftonline.com");
const QString kArmScope = QStringLiteral("https://management.core.windows.net//.default");
constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;
constexpr qint64 kMinValiditySecs = 300;

QJsonObject readJsonObject(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxFileBytes)
        return {};
    QByteArray bytes = file.read(kMaxFileBytes);
    if (bytes.startsWith("\xEF\xBB\xBF")) // az writes azureProfile.json with a BOM
        bytes.remove(0, 3);
    return QJsonDocument::fromJson(bytes).object();
}

qint64 seconds(const QJsonValue& value) // MSAL Python stores times as decimal strings
{
    return value.isString() ? value.toString().toLongLong() : qint64(value.toDouble());
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QByteArray configDir = qgetenv("AZURE_CONFIG_DIR");
    const QDir dir(configDir.isEmpty() ? QDir::home().filePath(QStringLiteral(".azure"))
                                       : QString::fromLocal8Bit(configDir));

    QJsonObject subscription;
    const QJsonArray subscriptions = readJsonObject(dir.filePath(QStringLiteral("azureProfile.json")))
                                         .value(QLatin1String("subscriptions"))
                                         .toArray();
    for (const QJsonValue& entry : subscriptions) {
        if (entry.toObject().value(QLatin1String("isDefault")).toBool())
            subscription = entry.toObject();
    }
    const QString tenant = subscription.value(QLatin1String("tenantId")).toString();
    const QString user = subscription.value(QLatin1String("user")).toObject().value(QLatin1String("name")).toString();

    const QJsonObject cache = readJsonObject(dir.filePath(QStringLiteral("msal_token_cache.json")));
    QString homeAccountId;
    const QJsonObject accounts = cache.value(QLatin1String("Account")).toObject();
    for (auto it = accounts.begin(); it != accounts.end() && homeAccountId.isEmpty(); ++it) {
        const QJsonObject account = it.value().toObject();
        if (account.value(QLatin1String("environment")).toString() == kEnvironment &&
            account.value(QLatin1String("username")).toString().compare(user, Qt::CaseInsensitive) == 0)
            homeAccountId = account.value(QLatin1String("home_account_id")).toString();
    }

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject tokens = cache.value(QLatin1String("AccessToken")).toObject();
    for (auto it = tokens.begin(); it != tokens.end(); ++it) {
        const QJsonObject token = it.value().toObject();
        const qint64 expiresOn = seconds(token.value(QLatin1String("expires_on")));
        if (homeAccountId.isEmpty() || token.value(QLatin1String("home_account_id")).toString() != homeAccountId ||
            token.value(QLatin1String("client_id")).toString() != kClientId ||
            token.value(QLatin1String("environment")).toString() != kEnvironment ||
            token.value(QLatin1String("realm")).toString() != tenant || expiresOn - now <= kMinValiditySecs ||
            !token.value(QLatin1String("target")).toString().split(QLatin1Char(' ')).contains(kArmScope))
            continue;
        const QJsonObject answer{{QStringLiteral("accessToken"), token.value(QLatin1String("secret"))},
                                 {QStringLiteral("expiresOn"), QDateTime::fromSecsSinceEpoch(expiresOn).toString(
                                                                   QStringLiteral("yyyy-MM-dd HH:mm:ss.000000"))},
                                 {QStringLiteral("expires_on"), expiresOn},
                                 {QStringLiteral("subscription"), subscription.value(QLatin1String("id"))},
                                 {QStringLiteral("tenant"), tenant},
                                 {QStringLiteral("tokenType"), QStringLiteral("Bearer")}};
        const QByteArray json = QJsonDocument(answer).toJson(QJsonDocument::Indented);
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        return 0;
    }
    std::fputs("token_floor: no valid cached ARM token for the default subscription\n", stderr);
    return 1;
}
