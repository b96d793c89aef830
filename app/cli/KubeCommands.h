#pragma once

#include "CliCommand.h"

namespace tenantry::cli {

// kube-token: kubectl's exec credential plugin for AKS (an ExecCredential with the token for the
// cluster's server id); kubeconfig convert: points a kubeconfig's kubelogin and az users at it.
class KubeCommands : public CommandGroup
{
public:
    using CommandGroup::CommandGroup;

    QList<CliCommand> commands() override;

private:
    void kubeToken(const ParsedArgs& args);
    void convertKubeconfig(const ParsedArgs& args);
};

} // namespace tenantry::cli
