#include "tools/GitCredential.h"

#include "util/AppSettings.h"
#include "util/Guid.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

namespace tenantry {

namespace {

Result<GitCredentialRequest> refused(const QString& why)
{
    return failure(Error::Code::InvalidArgument, why);
}

bool isDomainName(const QString& name)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(name).hasMatch();
}

} // namespace

Result<GitCredentialRequest> parseGitCredentialRequest(const QByteArray& input, const GitCredentialLimits& limits)
{
    if (input.size() > limits.maxBytes)
        return refused(QStringLiteral("the request is larger than %1 bytes").arg(limits.maxBytes));
    if (input.contains('\0'))
        return refused(QStringLiteral("the request holds a NUL byte"));
    GitCredentialRequest request;
    QSet<QByteArray> seen;
    int lines = 0;
    qsizetype start = 0;
    while (start < input.size()) {
        qsizetype end = input.indexOf('\n', start);
        if (end < 0)
            end = input.size();
        QByteArray line = input.mid(start, end - start);
        start = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break; // the end of the request; anything after it is not for us
        if (++lines > limits.maxLines)
            return refused(QStringLiteral("the request has more than %1 lines").arg(limits.maxLines));
        if (line.size() > limits.maxLineBytes)
            return refused(QStringLiteral("a line of the request is longer than %1 bytes").arg(limits.maxLineBytes));
        const qsizetype equals = line.indexOf('=');
        if (equals <= 0)
            return refused(QStringLiteral("line %1 of the request is not key=value").arg(lines));
        const QByteArray key = line.left(equals);
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString value = decoder(line.mid(equals + 1));
        if (decoder.hasError())
            return refused(QStringLiteral("the value of '%1' is not UTF-8").arg(QString::fromLatin1(key.left(64))));
        QString* field = nullptr;
        if (key == "protocol")
            field = &request.protocol;
        else if (key == "host")
            field = &request.host;
        else if (key == "path")
            field = &request.path;
        else if (key == "username")
            field = &request.username;
        if (!field)
            continue;
        if (seen.contains(key))
            return refused(QStringLiteral("'%1' is given twice").arg(QString::fromLatin1(key)));
        seen.insert(key);
        *field = value;
    }
    return request;
}

bool isAzureDevOpsOrganizationName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(name).hasMatch();
}

bool isTenantIdentifier(const QString& tenant)
{
    return isGuid(tenant) || isDomainName(tenant);
}

std::optional<AzureDevOpsRemote> azureDevOpsRemote(const GitCredentialRequest& request)
{
    if (request.protocol != QLatin1String("https"))
        return std::nullopt;
    QString host = request.host.toLower();
    // git passes the port only when the URL names one; https's own is the only one Azure DevOps serves.
    if (host.endsWith(QLatin1String(":443")))
        host.chop(4);
    if (host == QLatin1String("dev.azure.com")) {
        AzureDevOpsRemote remote;
        const QString first = request.path.section(QLatin1Char('/'), 0, 0, QString::SectionSkipEmpty);
        if (isAzureDevOpsOrganizationName(first))
            remote.organization = first.toLower();
        return remote;
    }
    const QLatin1String suffix(".visualstudio.com");
    if (host.endsWith(suffix)) {
        const QString label = host.chopped(suffix.size());
        if (isAzureDevOpsOrganizationName(label))
            return AzureDevOpsRemote{label};
    }
    return std::nullopt;
}

QString azureDevOpsTenant(const AppSettings& settings, const QString& organization, const QString& fallback)
{
    const QString chosen = organization.isEmpty() ? QString() : settings.azureDevOpsTenant(organization);
    return chosen.isEmpty() ? fallback : chosen;
}

} // namespace tenantry
