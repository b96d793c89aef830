#pragma once

#include <QCoreApplication>
#include <QStringList>

class QCommandLineParser;

namespace tenantry {

// The GUI's command line: tenantry [--sign-in [--tenant T]] [--device-code] [--minimized].
// Parsed at start, and again in the running instance for a second launch's forwarded arguments.
struct LaunchOptions
{
    Q_DECLARE_TR_FUNCTIONS(tenantry::LaunchOptions)

public:
    bool signIn = false;     // open the embedded-browser sign-in
    QString tenant;          // ... for this tenant (id or domain); empty: organizations
    bool deviceCode = false; // open the device code sign-in
    bool minimized = false;  // start in the tray

    // At start: --help and --version print and exit, errors print and exit 2 (QCommandLineParser::process).
    static LaunchOptions process(const QCoreApplication& app);
    // True when `arguments` (argv[0] first) ask for --help or --version or are wrong: process() then only
    // prints and exits, which needs no window and so no display.
    static bool onlyPrints(const QStringList& arguments);
    // Forwarded arguments (argv[0] first): never exits; false and `error` on a bad command line.
    static bool parse(const QStringList& arguments, LaunchOptions* options, QString* error = nullptr);

private:
    static void configure(QCommandLineParser* parser);
    static LaunchOptions from(const QCommandLineParser& parser);
};

} // namespace tenantry
