#pragma once

#include "CommandLine.h"

namespace tenantry::cli {

// tenantry-cli's reference generated from its command specs, so that the man page and the shell
// completions list exactly the commands and options the parser accepts. docs/CMakeLists.txt runs
// `tenantry-cli --print-reference man|bash|zsh` at build time (a hidden option, not in --help).
namespace reference {

// roff for the man page's COMMANDS and GLOBAL OPTIONS sections (docs/tenantry-cli.1.in around it).
QString manCommands(const QList<CommandSpec>& specs);

// A bash completion script: `complete -F _tenantry_cli tenantry-cli`.
QString bashCompletion(const QList<CommandSpec>& specs);

// A zsh completion function (#compdef tenantry-cli), for a directory on $fpath.
QString zshCompletion(const QList<CommandSpec>& specs);

} // namespace reference

} // namespace tenantry::cli
