#include "fakes/IdentityRig.h"

#include "auth/AuthCodeFlow.h"
#include "cache/TokenResponseWriter.h"
#include "fakes/FakeBrowser.h"
#include "fakes/TestFiles.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkProxy>

namespace tenantry::test {

namespace {

QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(message);
    }
    // Debug lines are recorded for the secret checks but not printed: they would drown the test output.
    if (g_previousHandler && type != QtDebugMsg)
        g_previousHandler(type, context, message);
}

} // namespace

IdentityRig::IdentityRig()
{
    QString error;
    idp.setClock(&clock);
    if (!idp.loadConfig(TestIdentityProvider::sampleConfig(), &error) || !idp.listen())
        qFatal("the test identity provider did not start: %s", qPrintable(error));
    if (!configDir.isValid())
        qFatal("no temporary directory");
    network.setProxy(QNetworkProxy::NoProxy);
    http = std::make_unique<HttpClient>(&network);
    authority = std::make_unique<AuthorityDiscovery>(http.get(), idp.url());
    client = std::make_unique<TokenClient>(http.get(), authority.get(), kAzureCliClientId, clock);
    cache = std::make_unique<TokenCacheService>(nullptr, configDir.path(), StorageMode::KeychainAndFile);
    tokens = std::make_unique<TokenProvider>(cache.get(), client.get(), clock);
    QUrl armUrl = idp.url();
    armUrl.setPath(QStringLiteral("/"));
    arm = std::make_unique<ArmClient>(http.get(), armUrl);
    discovery = std::make_unique<TenantDiscovery>(tokens.get(), arm.get(), kArmScope);
    state = std::make_unique<AzureCliState>(AzureConfigDir(configDir.path()));
    if (!state->load(&error))
        qFatal("AzureCliState::load: %s", qPrintable(error));
    signIn = std::make_unique<SignInService>(state.get(), cache.get(), client.get(), discovery.get(), clock);
    const CacheOutcome loaded = await<CacheOutcome>([this](TokenCacheService::Done done) { cache->load(done); });
    if (!loaded.ok)
        qFatal("the token cache did not load: %s", qPrintable(loaded.error));
}

IdentityRig::~IdentityRig()
{
    // Callbacks still queued refer to these: the dependants go first.
    signIn.reset();
    discovery.reset();
    arm.reset();
    tokens.reset();
    cache.reset();
    client.reset();
    authority.reset();
    http.reset();
}

QString IdentityRig::profilePath() const
{
    return AzureConfigDir(configDir.path()).profileFile();
}

QString IdentityRig::cacheFilePath() const
{
    return AzureConfigDir(configDir.path()).msalCacheFile();
}

Grant IdentityRig::interactiveSignIn(const QString& tenant, const QString& user)
{
    InProcessAuthorizationBrowser browser(&idp);
    browser.user = user;
    AuthCodeFlow flow(client.get(), &browser);
    auto grant = std::make_shared<std::optional<Grant>>();
    QObject::connect(&flow, &AuthCodeFlow::succeeded, [grant](const TokenGrantResult& result, const QString& realm) {
        *grant = Grant{result, realm};
    });
    QObject::connect(&flow, &AuthCodeFlow::failed, [grant](const QString& message, TokenGrantResult::Kind kind) {
        TokenGrantResult failure;
        failure.kind = kind;
        failure.errorDescription = message;
        *grant = Grant{failure, QString()};
    });
    AuthCodeRequest request;
    request.tenant = tenant;
    request.scopes = {kArmScope};
    flow.start(request);
    if (!QTest::qWaitFor([grant] { return grant->has_value(); }, 60000))
        qFatal("the interactive sign-in never finished");
    return **grant;
}

void IdentityRig::storeSignIn(const Grant& grant)
{
    TokenResponseContext context;
    context.environment = environment();
    context.clientId = client->clientId();
    context.realm = grant.realm;
    context.requestedScopes = TokenClient::decoratedScope({kArmScope}).split(QLatin1Char(' '));
    context.now = clock.nowSecs();
    context.createAccount = true;
    const TokenGrantResult result = grant.result;
    const CacheOutcome outcome = await<CacheOutcome>([&](TokenCacheService::Done done) {
        cache->modify([result, context](MsalCache& c) { writeTokenResponse(c, result, context); }, done);
    });
    if (!outcome.ok)
        qFatal("the sign-in could not be cached: %s", qPrintable(outcome.error));
}

void IdentityRig::signInToCache(const QString& tenant, const QString& user)
{
    const Grant grant = interactiveSignIn(tenant, user);
    if (!grant.result.ok())
        qFatal("the sign-in failed: %s", qPrintable(grant.result.message()));
    storeSignIn(grant);
}

MsalCache IdentityRig::cacheOnDisk() const
{
    MsalCache parsed;
    QString error;
    if (!MsalCache::parse(readFile(cacheFilePath()), &parsed, &error))
        qFatal("msal_token_cache.json is not a cache: %s", qPrintable(error));
    return parsed;
}

Json IdentityRig::profileOnDisk() const
{
    const auto parsed = json::parse(readFile(profilePath()));
    return parsed.value ? *parsed.value : Json();
}

LogCapture::LogCapture()
{
    clear();
    QLoggingCategory::setFilterRules(QStringLiteral("tenantry.*=true"));
    g_previousHandler = qInstallMessageHandler(recordMessage);
}

LogCapture::~LogCapture()
{
    qInstallMessageHandler(g_previousHandler);
    g_previousHandler = nullptr;
    QLoggingCategory::setFilterRules(QString());
}

QStringList LogCapture::messages()
{
    QMutexLocker lock(&g_logMutex);
    return g_log;
}

void LogCapture::clear()
{
    QMutexLocker lock(&g_logMutex);
    g_log.clear();
}

QStringList leakedSecrets(const QStringList& texts, const QList<Secret>& secrets)
{
    QStringList leaks;
    for (const Secret& secret : secrets) {
        if (secret.reveal().size() < 8)
            continue; // too short to be a token; would match by chance
        for (const QString& text : texts) {
            if (text.contains(secret.reveal())) {
                leaks.append(QStringLiteral("a secret of %1 characters in a text of %2 characters")
                                 .arg(secret.reveal().size())
                                 .arg(text.size()));
                break;
            }
        }
    }
    return leaks;
}

} // namespace tenantry::test
