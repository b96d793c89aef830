#include "CliApp.h"
#include "CliReference.h"
#include "ContextCommands.h"
#include "TerminalText.h"

#include "util/ProcessGuard.h"

#include <QCoreApplication>
#include <QTimer>

int main(int argc, char* argv[])
{
    // Before anything reads a token: no core dump of this process, and no abort on an exception.
    tenantry::ProcessGuard::install("tenantry-cli");
    // A context's bin/az: becomes the real az at once (single-threaded, as unshare(CLONE_NEWUSER) requires), reads
    // no token. Not a listed command: only the shim calls it.
    if (argc >= 2 && qstrcmp(argv[1], "context-az") == 0)
        return tenantry::cli::ContextCommands::runAzInContext(argc, argv);
    QString hardeningError;
    const bool hardened = tenantry::ProcessGuard::disableCoreDumps(&hardeningError);

    tenantry::GuardedApplication<QCoreApplication> app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Tenantry"));
    QCoreApplication::setApplicationName(QStringLiteral("Tenantry"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TENANTRY_VERSION));

    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    if (args == QStringList{QStringLiteral("--version")}) {
        printf("tenantry-cli %s\n", TENANTRY_VERSION);
        return 0;
    }
    // Hidden (the build runs it for the man page and the shell completions): the reference from the specs.
    if (args.size() == 2 && args.at(0) == QStringLiteral("--print-reference")) {
        const QList<tenantry::cli::CommandSpec> specs = tenantry::cli::CliApp(QStringList()).commandSpecs();
        const QString& kind = args.at(1);
        QString text;
        if (kind == QStringLiteral("man"))
            text = tenantry::cli::reference::manCommands(specs);
        else if (kind == QStringLiteral("bash"))
            text = tenantry::cli::reference::bashCompletion(specs);
        else if (kind == QStringLiteral("zsh"))
            text = tenantry::cli::reference::zshCompletion(specs);
        else
            return 2;
        fputs(text.toUtf8().constData(), stdout);
        return 0;
    }
    if (!hardened)
        fprintf(stderr, "WARNING: core dumps could not be turned off (%s)\n", qPrintable(hardeningError));
    tenantry::cli::installTerminalSafeMessageHandler();
    tenantry::cli::CliApp cli(args);
    QObject::connect(&cli, &tenantry::cli::CliApp::finished, &app, &QCoreApplication::exit);
    QTimer::singleShot(0, &cli, &tenantry::cli::CliApp::start);
    return tenantry::ProcessGuard::exitCode(QCoreApplication::exec());
}
