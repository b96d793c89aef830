// What git and kubectl hand tenantry-cli: a git credential request on stdin, KUBERNETES_EXEC_INFO, and
// kubectl's JSON view of a kubeconfig someone else wrote. The first byte picks the parser.
#include "FuzzSupport.h"

#include "tools/ExecCredential.h"
#include "tools/GitCredential.h"
#include "tools/KubeconfigUsers.h"

#include <cstddef>
#include <cstdint>

using namespace tenantry;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char*>(data) + 1, static_cast<qsizetype>(size - 1));
    switch (data[0] % 3) {
    case 0:
        if (const auto request = parseGitCredentialRequest(bytes)) {
            if (const auto remote = azureDevOpsRemote(*request))
                FUZZ_CHECK(remote->organization.isEmpty() || isAzureDevOpsOrganizationName(remote->organization));
        }
        break;
    case 1:
        execCredentialVersionAsked(bytes);
        break;
    default:
        if (const auto plan = planKubeconfigConversion(bytes)) {
            for (const KubeconfigUser& user : plan->users) {
                FUZZ_CHECK(isAksServerId(user.serverId));
                FUZZ_CHECK(!user.name.startsWith(QLatin1Char('-')));
                kubectlConversionCommands(user, QStringLiteral("/usr/bin/tenantry-cli"));
            }
        }
        break;
    }
    return 0;
}
