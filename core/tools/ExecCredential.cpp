#include "tools/ExecCredential.h"

#include "util/Json.h"

#include <QDateTime>

namespace tenantry {

namespace {

constexpr qsizetype kMaxExecInfoBytes =
    64 * 1024; // the cluster's CA data (a few KiB) rides along with provideClusterInfo

} // namespace

QString execCredentialApiVersion(ExecCredentialVersion version)
{
    return version == ExecCredentialVersion::V1 ? QStringLiteral("client.authentication.k8s.io/v1")
                                                : QStringLiteral("client.authentication.k8s.io/v1beta1");
}

Result<ExecCredentialVersion> execCredentialVersionAsked(const QByteArray& execInfo)
{
    if (execInfo.trimmed().isEmpty())
        return ExecCredentialVersion::V1Beta1;
    if (execInfo.size() > kMaxExecInfoBytes)
        return failure(Error::Code::InvalidArgument,
                       QStringLiteral("KUBERNETES_EXEC_INFO is larger than %1 bytes").arg(kMaxExecInfoBytes));
    const json::ParseResult parsed = json::parse(execInfo, kMaxExecInfoBytes);
    if (!parsed.value || !parsed.value->is_object())
        return failure(Error::Code::InvalidArgument, QStringLiteral("KUBERNETES_EXEC_INFO is not a JSON object"));
    const auto apiVersion = parsed.value->find("apiVersion");
    const QString asked = apiVersion != parsed.value->end() && apiVersion->is_string()
                              ? QString::fromStdString(apiVersion->get<std::string>())
                              : QString();
    for (const ExecCredentialVersion version : {ExecCredentialVersion::V1Beta1, ExecCredentialVersion::V1}) {
        if (asked == execCredentialApiVersion(version))
            return version;
    }
    return failure(Error::Code::InvalidArgument,
                   QStringLiteral("KUBERNETES_EXEC_INFO asks for an apiVersion other than %1 and %2")
                       .arg(execCredentialApiVersion(ExecCredentialVersion::V1Beta1),
                            execCredentialApiVersion(ExecCredentialVersion::V1)));
}

QString rfc3339Utc(qint64 posixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(posixSeconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QByteArray execCredentialJson(ExecCredentialVersion version, const Secret& token, qint64 expiresOn)
{
    const Json credential = {
        {"kind", "ExecCredential"},
        {"apiVersion", json::toStd(execCredentialApiVersion(version))},
        {"spec", Json::object()},
        {"status",
         {{"expirationTimestamp", json::toStd(rfc3339Utc(expiresOn))}, {"token", json::toStd(token.reveal())}}}};
    return QByteArray::fromStdString(credential.dump(-1, ' ', false, Json::error_handler_t::replace)) + '\n';
}

} // namespace tenantry
