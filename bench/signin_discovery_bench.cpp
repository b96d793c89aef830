// signin_discovery_bench: how long a sign-in takes from the browser's redirect to a complete
// azureProfile.json when the account has many tenants and every request is slow.
//
//   signin_discovery_bench [--tenants 20] [--subscriptions 2] [--page-size 100] [--latency-ms 100] [--runs 5]
//                          [--max-in-flight-per-host 6] [--same-host] [--discovery-latency-ms N]
//
//   The issue 12 rows: --tenants 20 --subscriptions 2 --latency-ms 100
//                      --tenants 100 --subscriptions 10 --page-size 3 --latency-ms 50
//
// Each run serves the test identity provider in-process on http://127.0.0.1 (a custom cloud in a
// temp AZURE_CONFIG_DIR points at it; ARM as http://localhost, so that authority and ARM are two hosts
// to the HTTP client, as login.microsoftonline.com and management.azure.com are, unless --same-host)
// with one user in N tenants, ARM lists paged --page-size per page, and a fixed latency on every request,
// then drives the real core classes as tenantry-cli does: Session, AuthCodeFlow (the in-process browser
// stands in for the person), SignInService::completeSignIn (TenantDiscovery: ARM tenants, a refresh per
// tenant, its subscriptions; token cache and profile written). It prints per run and the median:
//   sign-in   flow start -> tokens redeemed (OIDC discovery, authorize, token redemption)
//   discovery tokens -> profile written (tenants, per-tenant refresh, subscriptions)
//   requests  what reached the provider, the most in flight at once, and total / latency, the number of
//             request latencies the whole took (a strictly sequential client needs one per request).
// A program to run by hand, not a test.

#include "account/Session.h"
#include "account/SignInService.h"
#include "auth/AuthCodeFlow.h"
#include "fakes/FakeBrowser.h"
#include "fakes/TestIdentityProvider.h"
#include "http/HttpClient.h"
#include "util/Clock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace tenantry;
using namespace tenantry::test;

namespace {

struct Options
{
    int tenants = 20;
    int subscriptions = 2;
    int latencyMs = 100;
    int runs = 5;
    int pageSize = 100;
    int maxInFlight = HttpClient::kMaxInFlightPerHost;
    bool sameHost = false;
    int discoveryLatencyMs = -1; // OpenID configuration requests; -1: as every other request
};

struct RunFigures
{
    double signInMs = 0;
    double discoveryMs = 0;
    double totalMs = 0;
    int requests = 0;
    int tokenRequests = 0;
    int armRequests = 0;
    int maxInFlight = 0;
    int subscriptionsFound = 0;
    QString error;
};

// Deterministic GUIDs: the bench's own ids, never a real tenant's.
QString benchId(int kind, int index)
{
    return QStringLiteral("%1-0000-4000-8000-%2")
        .arg(kind, 8, 16, QLatin1Char('0'))
        .arg(index, 12, 16, QLatin1Char('0'));
}

void buildDirectory(TestIdentityProvider& idp, const Options& options, const QString& user)
{
    IdpUser person;
    person.objectId = benchId(0xa, 1);
    person.homeTenantId = benchId(0xb, 0);
    person.userPrincipalName = user;
    for (int t = 0; t < options.tenants; ++t) {
        IdpTenant tenant;
        tenant.id = benchId(0xb, t);
        tenant.displayName = QStringLiteral("Bench Tenant %1").arg(t);
        tenant.defaultDomain = QStringLiteral("bench%1.example").arg(t);
        idp.addTenant(tenant);
        for (int s = 0; s < options.subscriptions; ++s) {
            IdpSubscription sub;
            sub.id = benchId(0xc, t * 100 + s);
            sub.displayName = QStringLiteral("Bench %1-%2").arg(t).arg(s);
            idp.addSubscription(tenant.id, sub);
        }
    }
    idp.addUser(person);
}

// az's files for a custom cloud whose authority and ARM are the provider.
bool writeCloudConfig(const QString& dir, const QUrl& idpUrl, const QUrl& armUrl)
{
    const QString base = idpUrl.toString(QUrl::StripTrailingSlash);
    const QString arm = armUrl.toString(QUrl::StripTrailingSlash);
    QFile config(dir + QStringLiteral("/config"));
    QFile clouds(dir + QStringLiteral("/clouds.config"));
    if (!config.open(QIODevice::WriteOnly) || !clouds.open(QIODevice::WriteOnly))
        return false;
    config.write("[cloud]\nname = TenantryBench\n");
    clouds.write(QStringLiteral("[TenantryBench]\n"
                                "endpoint_active_directory = %1\n"
                                "endpoint_resource_manager = %2/\n"
                                "endpoint_active_directory_resource_id = https://management.core.windows.net/\n"
                                "endpoint_active_directory_graph_resource_id = https://graph.windows.net/\n")
                     .arg(base, arm)
                     .toUtf8());
    return true;
}

// Runs the event loop until `done` is set or `timeoutMs` passes (a bench may wait like this; the
// product never does).
bool waitUntil(const bool& done, int timeoutMs)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done)
            loop.quit();
    });
    poll.start(1);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done;
}

RunFigures runOnce(const Options& options)
{
    RunFigures figures;
    const QString user = QStringLiteral("bench@bench0.example");
    TestIdentityProvider idp;
    buildDirectory(idp, options, user);
    idp.setLatency(options.latencyMs);
    idp.setArmPageSize(options.pageSize);
    if (options.discoveryLatencyMs >= 0)
        idp.setLatency(IdpEndpoint::OpenIdConfiguration, options.discoveryLatencyMs);
    if (!idp.listen()) {
        figures.error = QStringLiteral("the provider could not listen");
        return figures;
    }
    QUrl armUrl = idp.url();
    if (!options.sameHost) {
        armUrl.setHost(QStringLiteral("localhost"));
        idp.setArmUrl(armUrl); // its nextLinks
    }
    QTemporaryDir dir;
    if (!dir.isValid() || !writeCloudConfig(dir.path(), idp.url(), armUrl)) {
        figures.error = QStringLiteral("no temp config dir");
        return figures;
    }

    SystemClock clock;
    Session::Options sessionOptions;
    sessionOptions.configDir = AzureConfigDir(dir.path());
    sessionOptions.storageMode = StorageMode::KeychainAndFile; // no keychain given: the file, as az
    Session session(sessionOptions, clock);
    QString error;
    if (!session.load(&error)) {
        figures.error = error;
        return figures;
    }
    session.http().setMaxInFlightPerHost(options.maxInFlight);
    bool loaded = false;
    session.cache().load([&](const CacheOutcome&) { loaded = true; });
    if (!waitUntil(loaded, 10000)) {
        figures.error = QStringLiteral("the token cache did not load");
        return figures;
    }

    InProcessAuthorizationBrowser browser(&idp);
    browser.user = user;
    AuthCodeFlow flow(&session.tokenClient(), &browser);
    const QStringList scopes = {session.cloud().armScope()};
    QElapsedTimer timer;
    bool finished = false;
    qint64 redeemedAt = 0;
    QObject::connect(&flow, &AuthCodeFlow::succeeded, &flow, [&](const TokenGrantResult& result, const QString& realm) {
        redeemedAt = timer.nsecsElapsed();
        session.signIn().completeSignIn(result, realm, scopes, SignInOptions(), [&](const SignInResult& signIn) {
            figures.totalMs = timer.nsecsElapsed() / 1e6;
            figures.error = signIn.error;
            figures.subscriptionsFound = static_cast<int>(signIn.subscriptions.size());
            finished = true;
        });
    });
    QObject::connect(&flow, &AuthCodeFlow::failed, &flow, [&](const QString& message, TokenGrantResult::Kind) {
        figures.error = message;
        finished = true;
    });
    idp.clearRequests();
    timer.start();
    AuthCodeRequest request;
    request.scopes = scopes;
    flow.start(request);
    if (!waitUntil(finished, 120000))
        figures.error = QStringLiteral("timed out");
    figures.signInMs = redeemedAt / 1e6;
    figures.discoveryMs = figures.totalMs - figures.signInMs;
    figures.requests = idp.requestCount();
    figures.tokenRequests = idp.requestCount(IdpEndpoint::Token);
    figures.armRequests = idp.requestCount(IdpEndpoint::ArmTenants) + idp.requestCount(IdpEndpoint::ArmSubscriptions);
    figures.maxInFlight = idp.maxInFlight();
    if (figures.error.isEmpty() && figures.subscriptionsFound != options.tenants * options.subscriptions)
        figures.error = QStringLiteral("found %1 subscriptions, expected %2")
                            .arg(figures.subscriptionsFound)
                            .arg(options.tenants * options.subscriptions);
    return figures;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sign-in and tenant discovery against a slow test identity "
                                                    "provider with many tenants."));
    parser.addHelpOption();
    const QCommandLineOption tenantsOption(QStringLiteral("tenants"), QStringLiteral("Tenants of the account."),
                                           QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption subscriptionsOption(QStringLiteral("subscriptions"),
                                                 QStringLiteral("Subscriptions per tenant."), QStringLiteral("n"),
                                                 QStringLiteral("2"));
    const QCommandLineOption latencyOption(QStringLiteral("latency-ms"), QStringLiteral("Latency of every request."),
                                           QStringLiteral("ms"), QStringLiteral("100"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs (the median is reported)."),
                                        QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption pageSizeOption(QStringLiteral("page-size"),
                                            QStringLiteral("Entries per page of ARM's tenant and subscription lists."),
                                            QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption inFlightOption(QStringLiteral("max-in-flight-per-host"),
                                            QStringLiteral("HttpClient's bound on concurrent requests per host."),
                                            QStringLiteral("n"), QString::number(HttpClient::kMaxInFlightPerHost));
    const QCommandLineOption sameHostOption(QStringLiteral("same-host"),
                                            QStringLiteral("ARM on the authority's host (one connection pool)."));
    const QCommandLineOption discoveryLatencyOption(
        QStringLiteral("discovery-latency-ms"),
        QStringLiteral("Latency of OpenID configuration requests only (what skipping them would save)."),
        QStringLiteral("ms"), QStringLiteral("-1"));
    parser.addOptions({tenantsOption, subscriptionsOption, pageSizeOption, latencyOption, runsOption, inFlightOption,
                       sameHostOption, discoveryLatencyOption});
    parser.process(app);
    Options options;
    options.tenants = std::max(1, parser.value(tenantsOption).toInt());
    options.subscriptions = std::max(0, parser.value(subscriptionsOption).toInt());
    options.latencyMs = std::max(0, parser.value(latencyOption).toInt());
    options.runs = std::max(1, parser.value(runsOption).toInt());
    options.pageSize = std::max(1, parser.value(pageSizeOption).toInt());
    options.maxInFlight = std::max(1, parser.value(inFlightOption).toInt());
    options.sameHost = parser.isSet(sameHostOption);
    options.discoveryLatencyMs = parser.value(discoveryLatencyOption).toInt();
    // Without a keychain the store warns once per run; the figures are the output here.
    QLoggingCategory::setFilterRules(QStringLiteral("tenantry.*=false"));

    printf("tenants %d, subscriptions/tenant %d, page size %d, latency %d ms/request, max in flight per host %d (%s), "
           "runs %d\n",
           options.tenants, options.subscriptions, options.pageSize, options.latencyMs, options.maxInFlight,
           options.sameHost ? "authority and ARM on one host" : "authority and ARM on two hosts", options.runs);
    printf("%-4s %10s %12s %10s %9s %7s %6s %10s %10s\n", "run", "sign-in", "discovery", "total", "requests", "token",
           "arm", "in-flight", "latencies");
    QList<double> signIn, discovery, total, ratios;
    QList<double> requests;
    for (int run = 1; run <= options.runs; ++run) {
        const RunFigures f = runOnce(options);
        if (!f.error.isEmpty()) {
            fprintf(stderr, "run %d failed: %s\n", run, qPrintable(f.error));
            return 1;
        }
        const double ratio = options.latencyMs > 0 ? f.totalMs / options.latencyMs : 0;
        printf("%-4d %8.0f ms %9.0f ms %7.0f ms %9d %7d %6d %10d %10.1f\n", run, f.signInMs, f.discoveryMs, f.totalMs,
               f.requests, f.tokenRequests, f.armRequests, f.maxInFlight, ratio);
        signIn.append(f.signInMs);
        discovery.append(f.discoveryMs);
        total.append(f.totalMs);
        ratios.append(ratio);
        requests.append(f.requests);
    }
    printf("median: sign-in %.0f ms, discovery %.0f ms, total %.0f ms for %.0f requests = %.1f request latencies "
           "(one request after another: %.0f)\n",
           median(signIn), median(discovery), median(total), median(requests), median(ratios), median(requests));
    return 0;
}
