#include "tools/KubeconfigUsers.h"

#include "tools/ExecCredential.h"
#include "tools/GitCredential.h"
#include "util/Guid.h"
#include "util/Json.h"

#include <QRegularExpression>

namespace tenantry {

namespace {

constexpr qsizetype kMaxViewBytes = 16 * 1024 * 1024;
constexpr int kMaxUsers = 10000;

} // namespace

bool isAksServerId(const QString& id)
{
    // An application id, or an application id URI (api://…, https://…) as AKS documents them.
    static const QRegularExpression uri(QStringLiteral("^(api|https)://[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]{1,200}$"),
                                        QRegularExpression::CaseInsensitiveOption);
    return isGuid(id) || uri.match(id).hasMatch();
}

namespace {

QString baseName(const QString& command)
{
    QString name = command.section(QRegularExpression(QStringLiteral("[/\\\\]")), -1);
    if (name.endsWith(QLatin1String(".exe"), Qt::CaseInsensitive))
        name.chop(4);
    return name;
}

QStringList stringList(const Json& value)
{
    QStringList list;
    if (!value.is_array())
        return list;
    for (const Json& item : value) {
        if (item.is_string())
            list.append(QString::fromStdString(item.get<std::string>()));
    }
    return list;
}

QString stringAt(const Json& object, const char* key)
{
    if (!object.is_object())
        return QString();
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

// The value of the first of `names` in command-line arguments ("--name value" or "--name=value").
QString option(const QStringList& args, const QStringList& names)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        for (const QString& name : names) {
            if (args[i] == name && i + 1 < args.size())
                return args[i + 1];
            if (args[i].startsWith(name + QLatin1Char('=')))
                return args[i].mid(name.size() + 1);
        }
    }
    return QString();
}

// kubelogin's modes that sign a user in; the others (spn, msi, workloadidentity, azd) are another identity.
bool isUserSignInMode(const QString& mode)
{
    return mode.isEmpty() || mode == QLatin1String("devicecode") || mode == QLatin1String("azurecli") ||
           mode == QLatin1String("interactive") || mode == QLatin1String("ropc");
}

} // namespace

Result<KubeconfigConversion> planKubeconfigConversion(const QByteArray& kubectlViewJson)
{
    const json::ParseResult parsed = json::parse(kubectlViewJson, kMaxViewBytes);
    if (!parsed.value || !parsed.value->is_object())
        return failure(Error::Code::InvalidArgument, QStringLiteral("kubectl's view of the kubeconfig is not JSON"));
    KubeconfigConversion conversion;
    const auto users = parsed.value->find("users");
    if (users == parsed.value->end() || !users->is_array())
        return conversion;
    if (users->size() > kMaxUsers)
        return failure(Error::Code::InvalidArgument,
                       QStringLiteral("the kubeconfig has more than %1 users").arg(kMaxUsers));
    for (const Json& entry : *users) {
        const QString name = stringAt(entry, "name");
        const auto userIt = entry.is_object() ? entry.find("user") : entry.end();
        if (name.isEmpty() || userIt == entry.end() || !userIt->is_object())
            continue;
        const Json& user = *userIt;
        KubeconfigUser found;
        found.name = name;
        found.apiVersion = execCredentialApiVersion(ExecCredentialVersion::V1Beta1);
        const auto exec = user.find("exec");
        const auto provider = user.find("auth-provider");
        if (exec != user.end() && exec->is_object()) {
            const QString command = baseName(stringAt(*exec, "command"));
            const QStringList args = exec->contains("args") ? stringList((*exec)["args"]) : QStringList();
            if (command == QLatin1String("kubelogin") && args.contains(QLatin1String("get-token"))) {
                const QString mode = option(args, {QStringLiteral("--login"), QStringLiteral("-l")});
                if (!isUserSignInMode(mode)) {
                    conversion.skipped.append({name, QStringLiteral("kubelogin signs in as another identity "
                                                                    "(--login %1), not as a user")
                                                         .arg(mode.left(40))});
                    continue;
                }
                found.source = KubeconfigUser::Source::Kubelogin;
                found.serverId = option(args, {QStringLiteral("--server-id")});
                found.tenantId = option(args, {QStringLiteral("--tenant-id"), QStringLiteral("-t")});
            } else if (command == QLatin1String("az") && args.contains(QLatin1String("get-access-token"))) {
                found.source = KubeconfigUser::Source::AzExec;
                found.serverId = option(args, {QStringLiteral("--resource")});
                found.tenantId = option(args, {QStringLiteral("--tenant"), QStringLiteral("-t")});
            } else {
                continue;
            }
            const QString apiVersion = stringAt(*exec, "apiVersion");
            if (apiVersion == execCredentialApiVersion(ExecCredentialVersion::V1))
                found.apiVersion = apiVersion;
        } else if (provider != user.end() && stringAt(*provider, "name") == QLatin1String("azure")) {
            found.source = KubeconfigUser::Source::AzAuthProvider;
            const Json config = provider->contains("config") ? (*provider)["config"] : Json();
            found.serverId = stringAt(config, "apiserver-id");
            found.tenantId = stringAt(config, "tenant-id");
            if (name.contains(QLatin1Char('.'))) {
                // `kubectl config unset users.NAME.auth-provider` reads dots as path separators.
                conversion.skipped.append({name, QStringLiteral("its name has a dot, which kubectl config unset "
                                                                "cannot address")});
                continue;
            }
        } else {
            continue;
        }
        if (!isAksServerId(found.serverId)) {
            conversion.skipped.append({name, QStringLiteral("no server id Tenantry can use")});
            continue;
        }
        if (!found.tenantId.isEmpty() && !isTenantIdentifier(found.tenantId)) {
            conversion.skipped.append({name, QStringLiteral("its tenant is neither a GUID nor a domain")});
            continue;
        }
        if (name.startsWith(QLatin1Char('-'))) {
            conversion.skipped.append({name, QStringLiteral("its name starts with '-'")});
            continue;
        }
        conversion.users.append(found);
    }
    return conversion;
}

QString describeSource(const KubeconfigUser& user)
{
    switch (user.source) {
    case KubeconfigUser::Source::Kubelogin:
        return QStringLiteral("kubelogin get-token");
    case KubeconfigUser::Source::AzExec:
        return QStringLiteral("az account get-access-token");
    case KubeconfigUser::Source::AzAuthProvider:
        return QStringLiteral("auth-provider azure");
    }
    return QString();
}

QStringList kubeTokenArgs(const KubeconfigUser& user)
{
    QStringList args{QStringLiteral("kube-token"), QStringLiteral("--server-id"), user.serverId};
    if (!user.tenantId.isEmpty())
        args << QStringLiteral("--tenant") << user.tenantId;
    return args;
}

QList<QStringList> kubectlConversionCommands(const KubeconfigUser& user, const QString& cliPath)
{
    QList<QStringList> commands;
    if (user.source == KubeconfigUser::Source::AzAuthProvider)
        commands.append({QStringLiteral("config"), QStringLiteral("unset"),
                         QStringLiteral("users.%1.auth-provider").arg(user.name)});
    QStringList setCredentials{QStringLiteral("config"), QStringLiteral("set-credentials"),
                               QStringLiteral("--exec-command=") + cliPath};
    const QStringList args = kubeTokenArgs(user);
    for (const QString& arg : args)
        setCredentials.append(QStringLiteral("--exec-arg=") + arg);
    setCredentials << QStringLiteral("--exec-api-version=") + user.apiVersion << QStringLiteral("--") << user.name;
    commands.append(setCredentials);
    return commands;
}

} // namespace tenantry
