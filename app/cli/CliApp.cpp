#include "CliApp.h"

#include "CliAdvice.h"
#include "InterruptWatcher.h"
#include "TerminalText.h"

#include "account/InteractiveSignIn.h"
#include "account/TokenProvider.h"
#include "auth/LoopbackRedirectListener.h"
#include "azure/ArmClient.h"
#include "azure/AzureConfigDir.h"
#include "azure/ScopeCatalogue.h"
#include "store/KeychainStore.h"
#include "util/AppSettings.h"
#include "util/Logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>

#include <unistd.h>

namespace tenantry::cli {

namespace {

// Every line for stderr passes here: it may quote what a server, a file or the user wrote.
void printError(const QString& line)
{
    fprintf(stderr, "%s\n", qPrintable(terminalSafe(line, TerminalLayout::LineBreaks)));
    fflush(stderr);
}

Json jstr(const QString& text)
{
    return Json(text.toStdString());
}

// az prints expiresOn as local time with microseconds: datetime.fromtimestamp(...).strftime(...)
QString azLocalTime(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.000000"));
}

// The entry as stored, every field kept; entries of other shapes (null, numbers) are skipped there.
Json subscriptionJson(const AzureProfile& profile, const QString& id)
{
    return profile.storedEntry(id);
}

QString knownClientName(const QString& clientId)
{
    static const QHash<QString, QString> kClients = {
        {QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46"), QStringLiteral("Azure CLI")},
        {QStringLiteral("1950a258-227b-4e31-a9cf-717495945fc2"), QStringLiteral("Azure PowerShell")},
        {QStringLiteral("aebc6443-996d-45c2-90f0-388ff96faa56"), QStringLiteral("Visual Studio Code")},
        {QStringLiteral("872cd9fa-d31f-45e0-9eab-6e460a02d1f1"), QStringLiteral("Visual Studio")},
    };
    return kClients.value(clientId.toLower());
}

// What to run when the account's refresh token is gone (az says "To re-authenticate, please run: az login").
QString reauthenticateHint(const QString& username)
{
    return QStringLiteral("To re-authenticate %1, please run:\ntenantry-cli login").arg(username);
}

// How long `login` waits for the system browser to come back: TENANTRY_LOGIN_TIMEOUT seconds (az has
// no option for it), 5 minutes by default, a day at most.
int browserLoginTimeoutSecs()
{
    bool ok = false;
    const int secs = qEnvironmentVariableIntValue("TENANTRY_LOGIN_TIMEOUT", &ok);
    return ok && secs > 0 ? std::min(secs, 24 * 60 * 60) : 5 * 60;
}

// Device codes are phished: an attacker starts a sign-in and talks the user into entering its code.
QString deviceCodeWarning(const QString& verificationHost)
{
    const QString belongsTo =
        verificationHost.isEmpty() ? QString() : QStringLiteral("; it belongs to %1").arg(verificationHost);
    return QStringLiteral("Only enter this code if you started this sign-in from tenantry-cli just now%1. Whoever "
                          "started it gets access to your account once you enter it.")
        .arg(belongsTo);
}

} // namespace

CliApp::CliApp(QStringList args, QObject* parent)
    : QObject(parent)
    , m_args(std::move(args))
{
    const OptionSpec subscription{
        {QStringLiteral("--subscription"), QStringLiteral("-s"), QStringLiteral("--name"), QStringLiteral("-n")},
        QStringLiteral("subscription"),
        false,
        false,
        QStringLiteral("Name or ID of subscription.")};
    m_commands = {
        {{{QStringLiteral("account"), QStringLiteral("list")},
          QStringLiteral("Get a list of subscriptions for the logged in account."),
          {{{QStringLiteral("--all")},
            QStringLiteral("all"),
            true,
            false,
            QStringLiteral("List all subscriptions from all clouds, rather than just 'Enabled' ones.")},
           {{QStringLiteral("--refresh")},
            QStringLiteral("refresh"),
            true,
            false,
            QStringLiteral("Retrieve up-to-date subscriptions from the server.")}}},
         &CliApp::accountList},
        {{{QStringLiteral("account"), QStringLiteral("show")},
          QStringLiteral("Get the details of a subscription (the active one by default)."),
          {subscription}},
         &CliApp::accountShow},
        {{{QStringLiteral("account"), QStringLiteral("set")},
          QStringLiteral("Set a subscription to be the current active subscription (for az too)."),
          {subscription}},
         &CliApp::accountSet},
        {{{QStringLiteral("account"), QStringLiteral("clear")},
          QStringLiteral("Clear all subscriptions and every cached token (as az account clear)."),
          {}},
         &CliApp::accountClear},
        {{{QStringLiteral("account"), QStringLiteral("get-access-token")},
          QStringLiteral("Get a token for utilities to access Azure."),
          {subscription,
           {{QStringLiteral("--scope")},
            QStringLiteral("scope"),
            false,
            true,
            QStringLiteral("Space-separated scopes in AAD v2.0. Default to Azure Resource Manager.")},
           {{QStringLiteral("--resource")},
            QStringLiteral("resource"),
            false,
            false,
            QStringLiteral("Azure resource endpoints in AAD v1.0.")},
           {{QStringLiteral("--resource-type")},
            QStringLiteral("resource-type"),
            false,
            false,
            QStringLiteral(
                "Type of well-known resource: oss-rdbms, arm, aad-graph, ms-graph, batch, media, data-lake.")},
           {{QStringLiteral("--tenant"), QStringLiteral("-t")},
            QStringLiteral("tenant"),
            false,
            false,
            QStringLiteral("Tenant ID for which the token is acquired.")}}},
         &CliApp::accountGetAccessToken},
        {{{QStringLiteral("login")},
          QStringLiteral("Log in to Azure (browser or device code); tokens are shared with az."),
          {{{QStringLiteral("--tenant"), QStringLiteral("-t")},
            QStringLiteral("tenant"),
            false,
            false,
            QStringLiteral("The Azure AD tenant (id or domain) to sign in to, e.g. one that needs MFA.")},
           {{QStringLiteral("--use-device-code")},
            QStringLiteral("use-device-code"),
            true,
            false,
            QStringLiteral("Use the device code flow (sign in on another device).")},
           {{QStringLiteral("--allow-no-subscriptions")},
            QStringLiteral("allow-no-subscriptions"),
            true,
            false,
            QStringLiteral("Also list tenants without subscriptions, as tenant-level accounts.")},
           {{QStringLiteral("--scope")},
            QStringLiteral("scope"),
            false,
            true,
            QStringLiteral("Scopes to consent to at sign-in. Default: Azure Resource Manager.")}}},
         &CliApp::login},
        {{{QStringLiteral("logout")},
          QStringLiteral("Sign out an account: its tokens and subscriptions (of nobody else)."),
          {{{QStringLiteral("--username")},
            QStringLiteral("username"),
            false,
            false,
            QStringLiteral("Account user. Default: the user of the active subscription.")}}},
         &CliApp::logout},
        {{{QStringLiteral("account"), QStringLiteral("tenant"), QStringLiteral("list")},
          QStringLiteral("List the tenants of the active subscription's account."),
          {}},
         &CliApp::accountTenantList},
        {{{QStringLiteral("cache"), QStringLiteral("list")},
          QStringLiteral("List every entry of the shared token cache, without secrets."),
          {}},
         &CliApp::cacheList},
    };
}

CliApp::~CliApp() = default;

QList<CommandSpec> CliApp::specs() const
{
    QList<CommandSpec> out;
    for (const Command& c : m_commands)
        out.append(c.spec);
    return out;
}

void CliApp::start()
{
    const QList<CommandSpec> all = specs();
    QStringList prefix;
    const CommandSpec* spec = findCommand(all, m_args, &prefix);
    if (!spec) {
        const bool askedForHelp =
            m_args.isEmpty() || m_args.contains(QStringLiteral("-h")) || m_args.contains(QStringLiteral("--help"));
        fputs(qPrintable(groupHelpText(all, prefix)), askedForHelp ? stdout : stderr);
        if (!askedForHelp)
            printError(QStringLiteral("ERROR: '%1' is misspelled or not recognized by the system.")
                           .arg(m_args.mid(prefix.size()).value(0)));
        finish(askedForHelp ? 0 : 2);
        return;
    }
    ParsedArgs parsed;
    QString error;
    if (!parseOptions(*spec, m_args.mid(spec->path.size()), &parsed, &error)) {
        printError(QStringLiteral("ERROR: ") + error);
        finish(2);
        return;
    }
    if (parsed.has(QStringLiteral("help"))) {
        fputs(qPrintable(helpText(*spec)), stdout);
        finish(0);
        return;
    }
    if (parsed.has(QStringLiteral("output"))) {
        m_output = parsed.value(QStringLiteral("output")).toLower();
        if (!OutputFormatter::isKnownFormat(m_output)) {
            printError(QStringLiteral("ERROR: argument --output/-o: invalid choice: '%1' (choose from 'json', "
                                      "'jsonc', 'table', 'tsv', 'none')")
                           .arg(m_output));
            finish(2);
            return;
        }
    }
    if (parsed.has(QStringLiteral("query"))) {
        const QString query = parsed.value(QStringLiteral("query"));
        QString queryError;
        m_query = JmesPath::compile(query, &queryError);
        if (!m_query.isValid()) {
            // A query too long to be real is not echoed whole.
            const QString shown = query.size() > 200 ? query.left(200) + QStringLiteral("...") : query;
            printError(QStringLiteral("ERROR: argument --query: invalid jmespath_type value: '%1' (%2)")
                           .arg(shown, queryError));
            finish(2);
            return;
        }
    }
    m_onlyShowErrors = parsed.has(QStringLiteral("only-show-errors"));
    // Like az: quiet by default (warnings reach the user as "WARNING:" lines), --verbose adds
    // progress, --debug everything. No category ever logs a secret.
    if (parsed.has(QStringLiteral("debug")))
        QLoggingCategory::setFilterRules(QStringLiteral("tenantry.*=true"));
    else if (parsed.has(QStringLiteral("verbose")))
        QLoggingCategory::setFilterRules(QStringLiteral("tenantry.*=false\ntenantry.*.info=true"));
    else
        QLoggingCategory::setFilterRules(QStringLiteral("tenantry.*=false"));

    for (const Command& c : m_commands) {
        if (c.spec.path == spec->path) {
            (this->*c.handler)(parsed);
            return;
        }
    }
}

bool CliApp::loadSession()
{
    if (m_sessionLoaded)
        return true;
    if (!m_session) {
        Session::Options options;
        QString storageWarning;
        options.storageMode = configuredStorageMode(AppSettings(), &storageWarning);
        if (!storageWarning.isEmpty())
            warn(storageWarning);
        options.keychain = new KeychainStore(this);
        options.clientId = qEnvironmentVariable("TENANTRY_CLIENT_ID");
        m_session = new Session(options, m_clock, this);
        connect(&m_session->cache(), &TokenCacheService::warning, this, &CliApp::warn);
    }
    QString error;
    if (!m_session->load(&error)) {
        fail(error);
        return false;
    }
    connect(&m_session->tokens(), &TokenProvider::refreshTokenDead, this,
            [this](const QString& homeAccountId, const QString&) { m_deadAccounts.insert(homeAccountId); });
    m_sessionLoaded = true;
    return true;
}

void CliApp::loadCache(std::function<void()> then)
{
    m_session->cache().load([this, then = std::move(then)](const CacheOutcome& outcome) {
        if (!outcome.ok) {
            fail(outcome.error);
            return;
        }
        then();
    });
}

void CliApp::accountList(const ParsedArgs& args)
{
    if (!loadSession())
        return;
    const bool all = args.has(QStringLiteral("all"));
    auto print = [this, all] {
        const QList<Subscription> subs = m_session->state().subscriptions(all);
        if (subs.isEmpty())
            warn(QStringLiteral("Please run \"tenantry-cli login\" (or \"az login\") to access your accounts."));
        printResult(subscriptionsOutput(subs, all), [](const Json& rows) {
            Json out = Json::array();
            for (const Json& r : rows) {
                out.push_back({{"Name", r.value("name", Json())},
                               {"CloudName", r.value("cloudName", Json())},
                               {"SubscriptionId", r.value("id", Json())},
                               {"TenantId", r.value("tenantId", Json())},
                               {"State", r.value("state", Json())},
                               {"IsDefault", r.value("isDefault", Json())}});
            }
            return out;
        });
        finish(m_partialExitCode);
    };
    if (!args.has(QStringLiteral("refresh"))) {
        print();
        return;
    }
    loadCache([this, print] {
        QStringList users;
        const QList<Subscription> subs = m_session->state().subscriptions(true);
        for (const Subscription& s : subs) {
            if (s.userType == QLatin1String("user") && !users.contains(s.userName, Qt::CaseInsensitive))
                users.append(s.userName);
        }
        refreshAccounts(users, print);
    });
}

void CliApp::refreshAccounts(QStringList usernames, std::function<void()> then)
{
    if (usernames.isEmpty()) {
        then();
        return;
    }
    const QString username = usernames.takeFirst();
    m_session->signIn().refreshAccount(username, [this, username, usernames, then](const SignInResult& result) {
        if (!result.ok()) {
            // As az account list --refresh: an account that cannot be refreshed is an error; the
            // others are still refreshed and listed.
            QString message = result.error;
            if (result.homeAccountId.isEmpty() || m_deadAccounts.contains(result.homeAccountId))
                message += QLatin1Char('\n') + reauthenticateHint(username);
            printError(QStringLiteral("ERROR: ") + message);
            m_partialExitCode = 1;
        } else {
            reportProfileChange(result.profileChange);
            if (reportUnreachedTenants(result) && m_partialExitCode == 0)
                m_partialExitCode = 3;
        }
        refreshAccounts(usernames, then);
    });
}

bool CliApp::reportUnreachedTenants(const SignInResult& result)
{
    const QList<TenantStatus> unreached = result.tenantsNeedingSignIn();
    for (const TenantStatus& t : unreached) {
        const QString name = t.tenant.displayName.isEmpty() ? t.tenant.tenantId : t.tenant.displayName;
        warn(t.state == TenantStatus::State::NeedsSignIn
                 ? QStringLiteral("Tenant '%1' (%2) needs an interactive sign-in: %3\n"
                                  "Run 'tenantry-cli login --tenant %2' to sign in to it.")
                       .arg(name, t.tenant.tenantId, t.reason)
                 : QStringLiteral("Tenant '%1' (%2) could not be reached: %3").arg(name, t.tenant.tenantId, t.reason));
    }
    return !unreached.isEmpty();
}

void CliApp::reportProfileChange(const ProfileChange& change)
{
    const auto named = [](const Subscription& s) { return QStringLiteral("'%1' (%2)").arg(s.name, s.id); };
    const auto list = [&named](const QList<Subscription>& subs) {
        QStringList names;
        for (const Subscription& s : subs)
            names.append(named(s));
        return names.join(QStringLiteral(", "));
    };
    if (!change.added.isEmpty())
        warn(QStringLiteral("Added %1 subscription(s) to azureProfile.json: %2.")
                 .arg(change.added.size())
                 .arg(list(change.added)));
    if (!change.removed.isEmpty())
        warn(QStringLiteral("Removed %1 subscription(s) from azureProfile.json: %2.")
                 .arg(change.removed.size())
                 .arg(list(change.removed)));
    if (!change.activeChanged())
        return;
    if (!change.activeAfter)
        warn(QStringLiteral("No subscription is the default any more: %1 is no longer listed.")
                 .arg(named(*change.activeBefore)));
    else if (!change.activeBefore)
        warn(QStringLiteral("The default subscription is now %1: no subscription was the default.")
                 .arg(named(*change.activeAfter)));
    else
        warn(QStringLiteral("The default subscription is now %1: %2 is no longer listed.")
                 .arg(named(*change.activeAfter), named(*change.activeBefore)));
}

Json CliApp::subscriptionsOutput(const QList<Subscription>& subs, bool all) const
{
    Json result = Json::array();
    bool skipped = false;
    for (const Subscription& s : subs) {
        if (!all && s.state != QLatin1String("Enabled")) {
            skipped = true;
            continue;
        }
        Json entry = subscriptionJson(m_session->state().profile(), s.id);
        // az renames environmentName to cloudName in list and login output only.
        entry["cloudName"] = entry.value("environmentName", Json());
        entry.erase("environmentName");
        result.push_back(std::move(entry));
    }
    if (skipped)
        const_cast<CliApp*>(this)->warn(QStringLiteral("A few accounts are skipped as they don't have 'Enabled' "
                                                       "state. Use '--all' to display them."));
    return result;
}

void CliApp::accountShow(const ParsedArgs& args)
{
    if (!loadSession())
        return;
    const auto sub = m_session->state().subscription(args.value(QStringLiteral("subscription")));
    if (!sub) {
        fail(subscriptionFailureMessage(sub.error()));
        return;
    }
    printResult(subscriptionJson(m_session->state().profile(), sub->id));
    succeed();
}

void CliApp::accountSet(const ParsedArgs& args)
{
    if (!args.has(QStringLiteral("subscription"))) {
        fail(QStringLiteral("the following arguments are required: --subscription/-s/--name/-n"), 2);
        return;
    }
    if (!loadSession())
        return;
    QString error;
    if (!m_session->state().setActive(args.value(QStringLiteral("subscription")), &error)) {
        fail(error);
        return;
    }
    succeed();
}

void CliApp::accountClear(const ParsedArgs&)
{
    if (!loadSession())
        return;
    m_session->signIn().signOutEverywhere([this](const QString& error) {
        if (!error.isEmpty()) {
            fail(error);
            return;
        }
        succeed();
    });
}

void CliApp::accountGetAccessToken(const ParsedArgs& args)
{
    if (!loadSession())
        return;
    const QString tenant = args.value(QStringLiteral("tenant"));
    const QString subscriptionArg = args.value(QStringLiteral("subscription"));
    if (!tenant.isEmpty() && !subscriptionArg.isEmpty()) {
        fail(QStringLiteral("Please specify only one of subscription and tenant, not both"));
        return;
    }
    const Cloud& cloud = m_session->state().cloud();
    // az (profile/custom.py) resolves --resource-type before anything else, even when --scope wins later.
    QString resource = args.value(QStringLiteral("resource"));
    const QString resourceTypeName = args.value(QStringLiteral("resource-type"));
    if (!resourceTypeName.isEmpty()) {
        // az's argument parser checks the choice first, whether --resource is given or not.
        const auto resourceType = ScopeCatalogue::resourceType(resourceTypeName);
        if (!resourceType) {
            QStringList names;
            const QList<ScopeCatalogue::ResourceType> types = ScopeCatalogue::resourceTypes();
            for (const ScopeCatalogue::ResourceType& type : types)
                names.append(type.name);
            fail(QStringLiteral("az account get-access-token: '%1' is not a valid value for '--resource-type'. "
                                "Allowed values: %2.")
                     .arg(resourceTypeName, names.join(QStringLiteral(", "))),
                 2);
            return;
        }
        if (resource.isEmpty()) {
            resource = cloud.endpoint(resourceType->endpointAttribute);
            if (resource.isEmpty()) {
                // az's CloudEndpoints raises this for an endpoint the cloud does not define.
                fail(QStringLiteral("The endpoint '%1' for this cloud is not set but is used.\n%2 may be corrupt "
                                    "or invalid.\nResolve the error or delete this file and try again.")
                         .arg(resourceType->endpointAttribute, AzureConfigDir::fromEnvironment().cloudsConfigFile()));
                return;
            }
        }
    }
    QStringList scopes = args.values(QStringLiteral("scope"));
    // az appends "/.default" to the resource as given: "https://management.core.windows.net/" gives "//.default".
    if (scopes.isEmpty())
        scopes = {resource.isEmpty() ? cloud.armScope() : ScopeCatalogue::defaultScopeOf(resource)};
    const auto sub = m_session->state().subscription(subscriptionArg);
    if (!sub) {
        fail(subscriptionFailureMessage(sub.error()));
        return;
    }
    TokenRequest request;
    request.scopes = scopes;
    request.tenantId = tenant.isEmpty() ? sub->tenantId : tenant;
    request.username = sub->userName;
    const bool servicePrincipal = sub->userType == QLatin1String("servicePrincipal");
    auto print = [this, request, subscriptionId = sub->id, tenant](const TokenResponse& response) {
        if (!response.ok()) {
            QString message = tokenFailureMessage(response);
            if (response.error == TokenResponse::Error::InteractionRequired)
                message += QLatin1Char('\n') + QStringLiteral("Run 'tenantry-cli login --tenant %1' to sign in to "
                                                              "this tenant interactively.")
                                                   .arg(request.tenantId);
            else if (response.error == TokenResponse::Error::RefreshTokenDead ||
                     response.error == TokenResponse::Error::NotSignedIn)
                message += QLatin1Char('\n') + reauthenticateHint(request.username);
            fail(message);
            return;
        }
        Json result = {{"accessToken", jstr(response.accessToken.reveal())},
                       {"expiresOn", jstr(azLocalTime(response.expiresOn))},
                       {"expires_on", response.expiresOn},
                       {"tenant", jstr(request.tenantId)},
                       {"tokenType", jstr(response.tokenType)}};
        if (tenant.isEmpty())
            result["subscription"] = jstr(subscriptionId);
        printResult(result);
        succeed();
    };
    loadCache([this, request, servicePrincipal, userName = sub->userName, print] {
        if (!servicePrincipal) {
            m_session->tokens().getToken(request, print);
            return;
        }
        // App-only tokens (az login --service-principal): no account; the app id is the client id.
        // Tenantry holds no client secrets, so only what az cached can be served.
        TokenResponse response;
        const AccessTokenQuery query{userName, m_session->cloud().authorityHost(), QString(), request.tenantId,
                                     request.scopes};
        if (const auto token = m_session->cache().cache().findAccessToken(query, m_clock.nowSecs())) {
            response.accessToken = token->secret;
            response.expiresOn = token->expiresOn;
        } else {
            response.error = TokenResponse::Error::NoValidToken;
            response.message = QStringLiteral("No valid access token for service principal %1 is cached; "
                                              "run 'az account get-access-token' to have az renew it.")
                                   .arg(userName);
        }
        print(response);
    });
}

void CliApp::cacheList(const ParsedArgs&)
{
    if (!loadSession())
        return;
    loadCache([this] {
        const MsalCache& cache = m_session->cache().cache();
        QHash<QString, QString> usernames;
        for (const Account& a : cache.accounts())
            usernames.insert(a.homeAccountId, a.username);
        auto base = [&](const char* kind, const QString& clientId, const QString& hid, const QString& environment) {
            return Json{{"kind", kind},
                        {"client", jstr(knownClientName(clientId))},
                        {"clientId", jstr(clientId)},
                        {"account", hid.isEmpty() ? Json(nullptr) : jstr(usernames.value(hid))},
                        {"homeAccountId", hid.isEmpty() ? Json(nullptr) : jstr(hid)},
                        {"environment", jstr(environment)}};
        };
        Json result = Json::array();
        for (const AccessToken& t : cache.accessTokens()) {
            Json e = base("AccessToken", t.clientId, t.homeAccountId, t.environment);
            e["realm"] = jstr(t.realm);
            e["scopes"] = jstr(t.target);
            e["expiresOn"] = jstr(azLocalTime(t.expiresOn));
            e["expires_on"] = t.expiresOn;
            e["expired"] = t.expiresOn <= m_clock.nowSecs();
            result.push_back(std::move(e));
        }
        for (const RefreshToken& t : cache.refreshTokens()) {
            Json e = base("RefreshToken", t.clientId, t.homeAccountId, t.environment);
            e["scopes"] = jstr(t.target);
            e["familyId"] = t.familyId.isEmpty() ? Json(nullptr) : jstr(t.familyId);
            e["lastModified"] = jstr(azLocalTime(t.lastModificationTime));
            result.push_back(std::move(e));
        }
        for (const IdToken& t : cache.idTokens()) {
            Json e = base("IdToken", t.clientId, t.homeAccountId, t.environment);
            e["realm"] = jstr(t.realm);
            result.push_back(std::move(e));
        }
        for (const Account& a : cache.accounts()) {
            Json e = base("Account", QString(), a.homeAccountId, a.environment);
            e.erase("client");
            e.erase("clientId");
            e["realm"] = jstr(a.realm);
            e["authorityType"] = jstr(a.authorityType);
            result.push_back(std::move(e));
        }
        for (const AppMetadata& m : cache.appMetadata()) {
            Json e = base("AppMetadata", m.clientId, QString(), m.environment);
            e.erase("account");
            e.erase("homeAccountId");
            e["familyId"] = m.familyId.isEmpty() ? Json(nullptr) : jstr(m.familyId);
            result.push_back(std::move(e));
        }
        printResult(result, [](const Json& rows) {
            Json out = Json::array();
            for (const Json& r : rows) {
                out.push_back({{"Kind", r.value("kind", Json())},
                               {"Client", r.value("client", Json()) == "" ? r.value("clientId", Json())
                                                                          : r.value("client", Json())},
                               {"Account", r.value("account", Json())},
                               {"Realm", r.value("realm", Json())},
                               {"Scopes", r.value("scopes", Json())},
                               {"ExpiresOn", r.value("expiresOn", Json())}});
            }
            return out;
        });
        succeed();
    });
}

void CliApp::login(const ParsedArgs& args)
{
    if (!loadSession())
        return;
    SignInRequest request;
    request.tenant = args.value(QStringLiteral("tenant"));
    request.allowNoSubscriptions = args.has(QStringLiteral("allow-no-subscriptions"));
    request.scopes = args.values(QStringLiteral("scope"));
    request.browserTimeoutSecs = browserLoginTimeoutSecs(); // the sign-in fails with a clear error, listener closed
    m_browserLauncher = std::make_unique<SystemBrowserLauncher>();
    const bool useDeviceCode = args.has(QStringLiteral("use-device-code")) || !m_browserLauncher->canOpen();

    loadCache([this, request, useDeviceCode] {
        auto* signIn = new InteractiveSignIn(m_session, this);
        connect(signIn, &InteractiveSignIn::tokensReceived, this, &CliApp::endLoginWait);
        connect(signIn, &InteractiveSignIn::completed, this, &CliApp::completeLogin);
        if (useDeviceCode) {
            connect(signIn, &InteractiveSignIn::deviceCodeReady, this, [](const DeviceCodePrompt& prompt) {
                printError(prompt.message); // az's line, which scripts read; then the warning
                printError(QStringLiteral("WARNING: ") + deviceCodeWarning(prompt.verificationHost));
            });
            connect(signIn, &InteractiveSignIn::failed, this, [this](const Error& error) {
                endLoginWait();
                fail(error.detail);
            });
            watchLoginWait([signIn] { signIn->cancel(); },
                           QStringLiteral("Run 'tenantry-cli login --use-device-code' to sign in again."));
            signIn->startWithDeviceCode(request);
            return;
        }
        auto* browser = new LoopbackRedirectListener(m_browserLauncher.get(), this);
        const QString deviceCodeHint = QStringLiteral("If no web browser is available or it fails to open, use "
                                                      "'tenantry-cli login --use-device-code'.");
        connect(signIn, &InteractiveSignIn::failed, this, [this, deviceCodeHint](const Error& error) {
            // Still waiting for the browser: the hint fits. Once the tokens are in, the browser is not to blame.
            const bool browserFailed = m_interrupts != nullptr;
            endLoginWait();
            fail(browserFailed ? error.detail + QLatin1Char('\n') + deviceCodeHint : error.detail);
        });
        watchLoginWait([signIn] { signIn->cancel(); }, deviceCodeHint);
        signIn->startWithBrowser(request, browser);
        fprintf(stderr, "A web browser has been opened to sign in. Please continue the login in the web browser. "
                        "If no web browser is available or if the web browser fails to open, use device code flow "
                        "with `tenantry-cli login --use-device-code`.\n");
    });
}

void CliApp::watchLoginWait(const std::function<void()>& cancel, const QString& whatToDo)
{
    const auto stop = [this, cancel, whatToDo](const QString& why) {
        endLoginWait();
        cancel();
        fail(why + QStringLiteral(" Nothing was saved.\n") + whatToDo);
    };
    m_interrupts = new InterruptWatcher(this);
    connect(m_interrupts, &InterruptWatcher::interrupted, this, [stop] { stop(QStringLiteral("Login interrupted.")); });
}

void CliApp::endLoginWait()
{
    if (m_interrupts)
        m_interrupts->deleteLater(); // it may be the one emitting now
    m_interrupts = nullptr;
}

void CliApp::completeLogin(const SignInResult& signIn)
{
    const bool partial = reportUnreachedTenants(signIn);
    if (!signIn.ok()) {
        fail(signIn.error);
        return;
    }
    reportProfileChange(signIn.profileChange);
    printResult(subscriptionsOutput(signIn.subscriptions, true));
    // 3: signed in, but some tenants still need an interactive sign-in (said on stderr above).
    finish(partial ? 3 : 0);
}

void CliApp::logout(const ParsedArgs& args)
{
    if (!loadSession())
        return;
    QString username = args.value(QStringLiteral("username"));
    if (username.isEmpty()) {
        const auto active = m_session->state().subscription(QString());
        if (!active) {
            fail(QStringLiteral("There are no active accounts."));
            return;
        }
        username = active->userName;
    }
    loadCache([this, username] {
        m_session->signIn().signOutAccount(username, [this](const QString& error) {
            if (!error.isEmpty()) {
                fail(error);
                return;
            }
            succeed();
        });
    });
}

void CliApp::accountTenantList(const ParsedArgs&)
{
    if (!loadSession())
        return;
    const auto active = m_session->state().subscription(QString());
    if (!active) {
        fail(subscriptionFailureMessage(active.error()));
        return;
    }
    const TokenRequest request{{m_session->cloud().armScope()}, QStringLiteral("organizations"), active->userName};
    loadCache([this, request] {
        m_session->tokens().getToken(request, [this](const TokenResponse& token) {
            if (!token.ok()) {
                fail(tokenFailureMessage(token));
                return;
            }
            m_session->arm().listTenants(token.accessToken.reveal(), [this](const ArmListing<ArmTenant>& listing) {
                if (!listing.ok()) {
                    fail(listing.error);
                    return;
                }
                Json result = Json::array();
                for (const ArmTenant& t : listing.items) {
                    result.push_back({{"id", jstr(QStringLiteral("/tenants/") + t.tenantId)},
                                      {"tenantId", jstr(t.tenantId)},
                                      {"displayName", jstr(t.displayName)},
                                      {"defaultDomain", jstr(t.defaultDomain)},
                                      {"tenantCategory", jstr(t.category)}});
                }
                printResult(result);
                succeed();
            });
        });
    });
}

void CliApp::printResult(const Json& result, const OutputFormatter::TableTransform& table)
{
    OutputFormatter formatter(m_output, isatty(STDOUT_FILENO) != 0);
    if (m_query.isValid()) {
        // As in az: the query picks from the command's own output, and a table then shows what it
        // picked rather than the command's usual columns. For tsv, the command's own objects list
        // their values in key order and only objects the query built ({a: x}) in the query's order.
        formatter.setQueryActive(true);
        Json picked;
        QString error;
        const Json input = m_output == QLatin1String("tsv") ? Json(nlohmann::json(result)) : result;
        if (!m_query.search(input, &picked, &error)) {
            printError(QStringLiteral("ERROR: --query: ") + error);
            finish(1); // whatever the command would have exited with: its output is not there
            return;
        }
        if (picked.is_null())
            return; // az prints nothing at all for a null result, in any format
        const QByteArray text = formatter.format(picked, {});
        fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stdout);
        fflush(stdout);
        return;
    }
    const QByteArray text = formatter.format(result, table);
    fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stdout);
    fflush(stdout);
}

void CliApp::warn(const QString& message)
{
    if (!m_onlyShowErrors)
        printError(QStringLiteral("WARNING: ") + message);
}

void CliApp::fail(const QString& message, int exitCode)
{
    printError(QStringLiteral("ERROR: ") + message);
    finish(exitCode);
}

void CliApp::succeed()
{
    finish(0);
}

void CliApp::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    // Queued, so a caller still on the stack unwinds before the event loop ends.
    QTimer::singleShot(0, this, [this, exitCode] { emit finished(exitCode); });
}

} // namespace tenantry::cli
