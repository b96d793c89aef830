// test-idp: the test identity provider (fake Entra ID v2.0 endpoints + Azure Resource Manager) as a
// standalone program, for the compatibility tests and for manual runs of the GUI against it.
//
//   test-idp [--config FILE] [--address 127.0.0.1] [--port 0] [--tls-cert PEM --tls-key PEM]
//            [--authority-url URL] [--arm-url URL] [--verbose] [--print-sample-config]
//
// When it listens it prints its URL (e.g. "http://127.0.0.1:41234") and a newline on stdout, then serves
// until killed or, with --exit-on-eof, until its stdin closes. --verbose logs one line per request on
// stderr (never tokens or codes) and every user code issued for the device code flow.
//
// Config (JSON; every key optional; without --config the sample below --print-sample-config is used):
// {
//   "authorityUrl": "https://login.microsoftonline.com",  // default: scheme + Host of each request
//   "armUrl": "https://management.azure.com",             // default: scheme + Host of each request
//   "armPageSize": 100,                 // nextLink paging of /tenants and /subscriptions
//   "accessTokenLifetime": 3599,        // expires_in, seconds
//   "refreshTokenRotation": "keep-old", // or "revoke-old", "reuse"
//   "familyClientIds": ["04b07795-8ddb-461a-bbee-02f9e1bf7b46", ...], // answered with foci "1"
//   "scopeGrants": {"https://graph.microsoft.com": ["User.Read"]},  // what "<resource>/.default" grants
//   "latencyMs": 0,                     // or per endpoint: {"any": 50, "token": 500}
//   "autoSignInUser": "sam@northwind.example",  // the authorize endpoint signs in at once
//   "authorizeError": {"error": "access_denied", "description": "AADSTS..."},
//   "deviceCode": {"interval": 5, "expiresIn": 900, "slowDownPolls": 0,   // interval < 0: none sent
//                  "autoApprove": "sam@northwind.example", "autoApproveAfterPolls": 0,
//                  "verificationUri": "", "endpoint": ""},  // default: the authority's own
//   "armJunkItems": [42, null, "x"],    // put at the start of every ARM list page
//   "tenants": [{"id": "<guid>", "displayName": "Northwind", "defaultDomain": "northwind.example",
//                "domains": ["northwind.example"], "category": "Home", "countryCode": "US",
//                "mfa": false,   // or true, or {"error": "invalid_grant", "code": 50076,
//                                //              "suberror": "basic_action", "claims": "{...}"}
//                "subscriptions": [{"id": "<guid>", "name": "Prod", "state": "Enabled",
//                                   "tenantId": "<home tenant, default: this one>",
//                                   "managedByTenants": ["<guid>"]}]}],
//   "users": [{"objectId": "<guid>", "homeTenant": "<guid>", "upn": "sam@northwind.example",
//              "name": "Sam Example", "tenants": ["<guid>"]}],   // tenants: default every tenant
//   "clients": [{"clientId": "<guid>", "secret": "...", "tenantId": "<guid>"}],  // client_credentials
//   "faults": [{"kind": "http-error|too-many-requests|garbage-json|oauth-error|hang|drop|answer|redirect|drip",
//               "endpoint": "any|openid-configuration|instance-discovery|keys|authorize|token|devicecode|
//                            devicelogin|arm-tenants|arm-subscriptions",
//               "times": 1, "tenant": "", "grantType": "", "status": 500, "retryAfter": 1,
//               "error": "", "code": 0, "message": "", "suberror": "", "claims": "",
//               "body": "", "contentType": "", "location": "", "intervalMs": 1000}]  // answer, redirect, drip
//               // retryAfter may be a string: the raw header (an HTTP-date)
// }

#include "fakes/TestIdentityProvider.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>

#include <cstdio>
#include <unistd.h>

using tenantry::Json;
using tenantry::test::IdpRequestRecord;
using tenantry::test::TestIdentityProvider;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("test-idp"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Tenantry's test identity provider and fake ARM."));
    parser.addHelpOption();
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("JSON config file."),
                                    QStringLiteral("file"));
    const QCommandLineOption address(QStringLiteral("address"), QStringLiteral("Address to listen on."),
                                     QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port (0: any free one)."),
                                  QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption cert(QStringLiteral("tls-cert"), QStringLiteral("PEM certificate (chain)."),
                                  QStringLiteral("file"));
    const QCommandLineOption key(QStringLiteral("tls-key"), QStringLiteral("PEM private key."), QStringLiteral("file"));
    const QCommandLineOption authorityUrl(QStringLiteral("authority-url"),
                                          QStringLiteral("Authority base URL used in documents."),
                                          QStringLiteral("url"));
    const QCommandLineOption armUrl(QStringLiteral("arm-url"), QStringLiteral("ARM base URL used in nextLinks."),
                                    QStringLiteral("url"));
    const QCommandLineOption verbose(QStringLiteral("verbose"), QStringLiteral("Log requests on stderr."));
    const QCommandLineOption exitOnEof(QStringLiteral("exit-on-eof"), QStringLiteral("Exit when stdin closes."));
    const QCommandLineOption printSample(QStringLiteral("print-sample-config"),
                                         QStringLiteral("Print the built-in config and exit."));
    parser.addOptions({config, address, port, cert, key, authorityUrl, armUrl, verbose, exitOnEof, printSample});
    parser.process(app);

    if (parser.isSet(printSample)) {
        std::fputs(TestIdentityProvider::sampleConfig().dump(2).c_str(), stdout);
        std::fputs("\n", stdout);
        return 0;
    }

    TestIdentityProvider provider;
    Json configJson = TestIdentityProvider::sampleConfig();
    if (parser.isSet(config)) {
        QFile file(parser.value(config));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "test-idp: cannot read %s\n", qPrintable(file.fileName()));
            return 2;
        }
        const auto parsed = tenantry::json::parse(file.readAll());
        if (!parsed.value) {
            std::fprintf(stderr, "test-idp: %s: %s\n", qPrintable(file.fileName()), qPrintable(parsed.error));
            return 2;
        }
        configJson = *parsed.value;
    }
    QString error;
    if (!provider.loadConfig(configJson, &error)) {
        std::fprintf(stderr, "test-idp: bad config: %s\n", qPrintable(error));
        return 2;
    }
    if (parser.isSet(authorityUrl))
        provider.setAuthorityUrl(QUrl(parser.value(authorityUrl)));
    if (parser.isSet(armUrl))
        provider.setArmUrl(QUrl(parser.value(armUrl)));
    if (parser.isSet(cert) != parser.isSet(key)) {
        std::fprintf(stderr, "test-idp: --tls-cert and --tls-key go together\n");
        return 2;
    }
    if (parser.isSet(cert) && !provider.enableTls(parser.value(cert), parser.value(key), &error)) {
        std::fprintf(stderr, "test-idp: TLS: %s\n", qPrintable(error));
        return 2;
    }
    bool portOk = false;
    const uint portNumber = parser.value(port).toUInt(&portOk);
    const QHostAddress host(parser.value(address));
    if (!portOk || portNumber > 65535 || host.isNull()) {
        std::fprintf(stderr, "test-idp: bad --address or --port\n");
        return 2;
    }
    if (!provider.listen(host, quint16(portNumber))) {
        std::fprintf(stderr, "test-idp: cannot listen on %s:%u: %s\n", qPrintable(host.toString()), portNumber,
                     qPrintable(provider.server()->errorString()));
        return 1;
    }

    if (parser.isSet(verbose)) {
        QObject::connect(&provider, &TestIdentityProvider::requestFinished, [](const IdpRequestRecord& record) {
            std::fprintf(stderr, "test-idp: %s\n", qPrintable(record.toString()));
        });
        QObject::connect(&provider, &TestIdentityProvider::deviceCodeIssued, [](const QString& userCode) {
            std::fprintf(stderr, "test-idp: device code issued, user code %s\n", qPrintable(userCode));
        });
    }
    if (parser.isSet(exitOnEof)) {
        auto* notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier] {
            char buffer[256];
            if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0) {
                notifier->setEnabled(false);
                QCoreApplication::quit();
            }
        });
    }

    std::printf("%s\n", qPrintable(provider.url().toString()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
