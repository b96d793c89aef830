#include "LaunchOptions.h"

#include <QCommandLineParser>

namespace tenantry {

namespace {

const QString kSignIn = QStringLiteral("sign-in");
const QString kTenant = QStringLiteral("tenant");
const QString kDeviceCode = QStringLiteral("device-code");
const QString kMinimized = QStringLiteral("minimized");

} // namespace

void LaunchOptions::configure(QCommandLineParser* parser)
{
    parser->setApplicationDescription(tr("Tenantry: your Azure accounts, tenants and subscriptions."));
    parser->addHelpOption();
    parser->addVersionOption();
    parser->addOption({kSignIn, tr("Open the sign-in in a browser window.")});
    parser->addOption({kTenant, tr("Sign in to this tenant (ID or domain)."), tr("tenant")});
    parser->addOption({kDeviceCode, tr("Sign in with a code on another device.")});
    parser->addOption({kMinimized, tr("Start in the system tray.")});
}

LaunchOptions LaunchOptions::from(const QCommandLineParser& parser)
{
    LaunchOptions options;
    options.tenant = parser.value(kTenant);
    // --tenant alone means a sign-in to that tenant, as `tenantry-cli login --tenant` does.
    options.signIn = parser.isSet(kSignIn) || (!options.tenant.isEmpty() && !parser.isSet(kDeviceCode));
    options.deviceCode = parser.isSet(kDeviceCode);
    options.minimized = parser.isSet(kMinimized);
    return options;
}

LaunchOptions LaunchOptions::process(const QCoreApplication& app)
{
    QCommandLineParser parser;
    configure(&parser);
    parser.process(app);
    return from(parser);
}

bool LaunchOptions::onlyPrints(const QStringList& arguments)
{
    QCommandLineParser parser;
    configure(&parser);
    return !parser.parse(arguments) || parser.isSet(QStringLiteral("help")) ||
           parser.isSet(QStringLiteral("help-all")) || parser.isSet(QStringLiteral("version"));
}

bool LaunchOptions::parse(const QStringList& arguments, LaunchOptions* options, QString* error)
{
    QCommandLineParser parser;
    configure(&parser);
    if (!parser.parse(arguments)) {
        if (error)
            *error = parser.errorText();
        return false;
    }
    *options = from(parser);
    return true;
}

} // namespace tenantry
