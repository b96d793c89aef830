#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace tenantry {

class AppSettings;

// What git asks a credential helper on stdin (git-credential(1), "INPUT/OUTPUT FORMAT"): `key=value`
// lines ending with an empty line or the end of input. Only the attributes Tenantry decides on are
// kept; git's newer ones (wwwauth[], capability[], ...) are read past, as the protocol asks of helpers.
struct GitCredentialRequest
{
    QString protocol;
    QString host; // with ":port" when the URL named one
    QString path; // only when credential.useHttpPath is on
    QString username;
};

struct GitCredentialLimits
{
    qsizetype maxBytes = 64 * 1024;     // the whole request
    qsizetype maxLineBytes = 16 * 1024; // one attribute (a wwwauth[] header is the longest git sends)
    int maxLines = 256;
};

// Parses a request into its type. Refuses (InvalidArgument, in plain words, never quoting a value) what
// git never sends: more than the limits, a NUL byte, a line without '=', bytes that are not UTF-8, and
// protocol/host/path/username given twice (git keeps the last; a helper must not guess which one git meant).
Result<GitCredentialRequest> parseGitCredentialRequest(const QByteArray& input, const GitCredentialLimits& limits = {});

// Azure DevOps's resource: its tokens open Azure Repos over https.
inline const QString kAzureDevOpsScope = QStringLiteral("499b84ac-1321-427f-aa17-267ca6975798/.default");

// An Azure Repos remote, as far as the request names it.
struct AzureDevOpsRemote
{
    QString organization; // lower case; empty when the request does not say (dev.azure.com without a path)
};

// Whether Tenantry answers this request: https only, on the default port, to exactly dev.azure.com or
// exactly one label before .visualstudio.com (the organisation). Case-insensitive, as host names are;
// anything else (another port, a longer or look-alike name such as dev.azure.com.evil.example, a trailing
// dot) is not Azure DevOps. The organisation of dev.azure.com is the path's first segment.
std::optional<AzureDevOpsRemote> azureDevOpsRemote(const GitCredentialRequest& request);

// Azure DevOps's rule for organisation names: 1 to 50 letters, digits and hyphens, starting and ending
// with a letter or digit.
bool isAzureDevOpsOrganizationName(const QString& name);

// A tenant as the user may name it: a GUID or a domain (contoso.onmicrosoft.com).
bool isTenantIdentifier(const QString& tenant);

// The tenant whose token opens an organisation: the one set for it in Tenantry's settings, else `fallback`
// (the active subscription's tenant).
QString azureDevOpsTenant(const AppSettings& settings, const QString& organization, const QString& fallback);

} // namespace tenantry
