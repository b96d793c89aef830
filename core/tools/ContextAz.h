#pragma once

#include <QString>

namespace tenantry {

// What a context's bin/az shim runs (`tenantry-cli context-az DIR ARGS…`): the real az with the context's
// azureProfile.json in place of az's own, for that az process and its children only. Everything else az reads
// and writes -- the token cache and its lock file, config, clouds.config -- is az's own directory, so a token az
// renews inside a context lands in the shared cache under exactly the lock every other client takes.
//
// Linux: a user and mount namespace of its own (unprivileged), the context's file bind-mounted over
// <az config dir>/azureProfile.json, then execv of the first `az` on PATH that is not a context's shim.
// There is no fallback when the kernel refuses the namespace: az offers no setting for the subscription, and a
// second config directory would give az a second token cache lock (az's lock is
// "<config dir>/msal_token_cache.json.lockfile", created O_EXCL and deleted each time, so no link can share it).
//
// Like az's own writes, nothing locks azureProfile.json against az here: when another program replaces az's
// profile (an atomic rename, as Tenantry's writes are) while az runs in a context, the kernel drops the bind
// mount in that az's namespace and the rest of that one run sees the real profile -- the same last-writer-wins
// race az has with itself. `az account set` inside writes the context's file, and also clouds.config's
// subscription for the cloud, which az only reads when switching clouds.
class ContextAz
{
public:
    // Replaces this process by az, with `argv` (null-terminated, argv[0] is ignored) as its arguments. Returns
    // only on failure, with the reason for people (the cause named, never file contents).
    static QString exec(const QString& contextDirectory, char** argv);
};

} // namespace tenantry
