// tenantry-cli and Debian's Azure CLI 2.45 read and write the same files: each sees what the other wrote.
#include "fakes/ProcessRunner.h"
#include "fakes/TestFiles.h"
#include "util/AppSettings.h"
#include "util/Json.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QtTest>

using namespace tenantry;
using namespace tenantry::test;

namespace {

Json parseOutput(const QByteArray& out)
{
    auto parsed = json::parse(out);
    return parsed.value ? *parsed.value : Json();
}

// The sample's tokens were issued on the day it was recorded; move them into the future so they are valid.
void refreshSampleExpiry(const QString& dir, qint64 expiresOn)
{
    const QString path = dir + QStringLiteral("/msal_token_cache.json");
    Json doc = *json::parse(readFile(path)).value;
    for (auto& [key, entry] : doc["AccessToken"].items()) {
        entry["expires_on"] = std::to_string(expiresOn);
        entry["extended_expires_on"] = std::to_string(expiresOn);
    }
    writeFile(path, json::dumpIndented4(doc));
}

const QString kSampleGraphScope = QStringLiteral("https://graph.microsoft.com/.default");

// The sample as if az had signed in to Azure China: `config` names the cloud, the profile's subscriptions
// and the cache's entries are China's, and the cached Graph token is for `graphScope`. Returns its secret.
std::string moveSampleToChina(const QString& dir, const QString& graphScope)
{
    writeFile(dir + QStringLiteral("/config"), "[cloud]\nname = AzureChinaCloud\n\n");
    const QString profilePath = dir + QStringLiteral("/azureProfile.json");
    writeFile(profilePath, readFile(profilePath).replace("\"AzureCloud\"", "\"AzureChinaCloud\""));
    const QString cachePath = dir + QStringLiteral("/msal_token_cache.json");
    QString text = QString::fromUtf8(readFile(cachePath));
    text.replace(QStringLiteral("login.microsoftonline.com"), QStringLiteral("login.chinacloudapi.cn"))
        .replace(QStringLiteral("https://management.core.windows.net/"),
                 QStringLiteral("https://management.core.chinacloudapi.cn/"))
        .replace(kSampleGraphScope, graphScope);
    writeFile(cachePath, text.toUtf8());
    const Json cache = *json::parse(text.toUtf8()).value;
    for (const auto& [key, entry] : cache["AccessToken"].items()) {
        if (entry["target"].get<std::string>() == graphScope.toStdString())
            return entry["secret"].get<std::string>();
    }
    return {};
}

} // namespace

class TestCliMatchesAz : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;
    QProcessEnvironment m_env;

    ProcessResult cli(const QStringList& args) { return runProcess(tenantryCli(), args, m_env); }
    ProcessResult az(const QStringList& args) { return runProcess(QStringLiteral("/usr/bin/az"), args, m_env); }

private slots:
    void init()
    {
        if (!azAvailable())
            QSKIP("Debian's azure-cli (/usr/bin/az) is not installed; scripts/test.sh installs it");
        QVERIFY(m_dir.isValid());
        m_config = m_dir.path() + QStringLiteral("/azure");
        copySample(QStringLiteral("azure-cli-2.45"), m_config);
        m_env = azEnvironment(m_config);
        m_env.insert(QStringLiteral("TENANTRY_STORAGE_MODE"), QStringLiteral("keychain-and-file"));
    }

    void accountListIsTheSameAsAz()
    {
        const ProcessResult ours = cli({QStringLiteral("account"), QStringLiteral("list")});
        QCOMPARE(ours.exitCode, 0);
        const ProcessResult theirs = az({QStringLiteral("account"), QStringLiteral("list")});
        QCOMPARE(theirs.exitCode, 0);
        QCOMPARE(parseOutput(ours.out), parseOutput(theirs.out));
        QCOMPARE(parseOutput(ours.out).size(), size_t(3));
        // Byte for byte too: az's knack output is indent=2, sorted keys, trailing newline.
        QCOMPARE(ours.out, theirs.out);
    }

    void accountShowIsTheSameAsAz()
    {
        const ProcessResult ours = cli({QStringLiteral("account"), QStringLiteral("show")});
        QCOMPARE(ours.exitCode, 0);
        QCOMPARE(ours.out, az({QStringLiteral("account"), QStringLiteral("show")}).out);
        const QStringList byName = {QStringLiteral("account"), QStringLiteral("show"), QStringLiteral("-s"),
                                    QStringLiteral("aw shared services")};
        const ProcessResult named = cli(byName);
        QCOMPARE(named.exitCode, 0);
        QCOMPARE(named.out, az(byName).out);
    }

    void accountSetIsWhatAzShows()
    {
        const QString settingsHome = m_dir.path() + QStringLiteral("/config");
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), settingsHome);
        const ProcessResult set = cli({QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("-s"),
                                       QStringLiteral("AW Shared Services")});
        QCOMPARE(set.exitCode, 0);
        QVERIFY(set.out.isEmpty());
        // Remembered by id for the desktop app's tray, as a switch there would be.
        AppSettings settings(settingsHome + QStringLiteral("/Tenantry/Tenantry.ini"));
        QCOMPARE(settings.value(AppSettings::Key::RecentSubscriptions).toStringList(),
                 QStringList{QStringLiteral("8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e")});
        const Json shown = parseOutput(az({QStringLiteral("account"), QStringLiteral("show")}).out);
        QCOMPARE(shown["name"].get<std::string>(), std::string("AW Shared Services"));
        QVERIFY(readFile(m_config + QStringLiteral("/clouds.config"))
                    .contains("subscription = 8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e"));
        // And the other way round: az account set, then tenantry-cli sees it.
        QCOMPARE(az({QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("-s"),
                     QStringLiteral("Northwind Production")})
                     .exitCode,
                 0);
        const Json ours = parseOutput(cli({QStringLiteral("account"), QStringLiteral("show")}).out);
        QCOMPARE(ours["name"].get<std::string>(), std::string("Northwind Production"));
    }

    void accountSetUnknownSubscriptionFailsLikeAz()
    {
        const ProcessResult set = cli(
            {QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("-s"), QStringLiteral("No Such Sub")});
        QCOMPARE(set.exitCode, 1);
        QVERIFY(set.err.contains("ERROR: The subscription of 'no such sub' doesn't exist in cloud 'AzureCloud'."));
        QVERIFY(set.out.isEmpty());
    }

    void getAccessTokenServesTheTokenAzCached()
    {
        const qint64 expiresOn = QDateTime::currentSecsSinceEpoch() + 3000;
        refreshSampleExpiry(m_config, expiresOn);
        const Json cache = *json::parse(readFile(m_config + QStringLiteral("/msal_token_cache.json"))).value;
        const std::string cachedArmToken =
            cache["AccessToken"]["0a0a0a0a-1111-4222-8333-444455556666.9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f-"
                                 "login.microsoftonline.com-accesstoken-04b07795-8ddb-461a-bbee-02f9e1bf7b46-"
                                 "9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f-https://management.core.windows.net//.default"]
                 ["secret"];

        const ProcessResult ours = cli({QStringLiteral("account"), QStringLiteral("get-access-token")});
        QCOMPARE(ours.exitCode, 0);
        const Json token = parseOutput(ours.out);
        QVERIFY(token["accessToken"].get<std::string>() == cachedArmToken); // no QCOMPARE: never print a token
        QCOMPARE(token["expires_on"].get<qint64>(), expiresOn);
        QCOMPARE(token["tenant"].get<std::string>(), std::string("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f"));
        QCOMPARE(token["subscription"].get<std::string>(), std::string("7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"));
        QCOMPARE(token["tokenType"].get<std::string>(), std::string("Bearer"));
        const QString expected =
            QDateTime::fromSecsSinceEpoch(expiresOn).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.000000"));
        QCOMPARE(QString::fromStdString(token["expiresOn"].get<std::string>()), expected);
        QCOMPARE(token.size(), size_t(6));

        // Graph in the home tenant by --scope; --tenant drops "subscription". (--resource-type ms-graph
        // asks, as az does, for "https://graph.microsoft.com//.default", which is not what az cached.)
        const ProcessResult graph =
            cli({QStringLiteral("account"), QStringLiteral("get-access-token"), QStringLiteral("--scope"),
                 QStringLiteral("https://graph.microsoft.com/.default"), QStringLiteral("--tenant"),
                 QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f")});
        QCOMPARE(graph.exitCode, 0);
        QVERIFY(!parseOutput(graph.out).contains("subscription"));
        // The other tenant's ARM token through its subscription.
        const ProcessResult other = cli({QStringLiteral("account"), QStringLiteral("get-access-token"),
                                         QStringLiteral("-s"), QStringLiteral("AW Shared Services")});
        QCOMPARE(other.exitCode, 0);
        QCOMPARE(parseOutput(other.out)["tenant"].get<std::string>(),
                 std::string("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7"));
    }

    void getAccessTokenByResourceTypeInChina_data()
    {
        QTest::addColumn<QString>("resourceType");
        QTest::addColumn<QString>("scope");
        // What az asks for: the cloud's endpoint + "/.default" (China's Graph resource has no trailing slash).
        QTest::newRow("ms-graph") << QStringLiteral("ms-graph")
                                  << QStringLiteral("https://microsoftgraph.chinacloudapi.cn/.default");
        QTest::newRow("aad-graph") << QStringLiteral("aad-graph")
                                   << QStringLiteral("https://graph.chinacloudapi.cn//.default");
        QTest::newRow("MS-Graph (az's enum ignores case)")
            << QStringLiteral("MS-Graph") << QStringLiteral("https://microsoftgraph.chinacloudapi.cn/.default");
    }

    void getAccessTokenByResourceTypeInChina()
    {
        QFETCH(QString, resourceType);
        QFETCH(QString, scope);
        refreshSampleExpiry(m_config, QDateTime::currentSecsSinceEpoch() + 3000);
        const std::string graphToken = moveSampleToChina(m_config, scope);
        QVERIFY(!graphToken.empty());
        const ProcessResult ours = cli({QStringLiteral("account"), QStringLiteral("get-access-token"),
                                        QStringLiteral("--resource-type"), resourceType});
        QVERIFY2(ours.exitCode == 0, ours.err.constData());
        const Json token = parseOutput(ours.out);
        QVERIFY(token["accessToken"].get<std::string>() == graphToken); // no QCOMPARE: never print a token
        QCOMPARE(token["tenant"].get<std::string>(), std::string("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f"));
    }

    void resourceTypeErrorsAreAzs_data()
    {
        QTest::addColumn<QString>("resourceType");
        QTest::addColumn<QStringList>("moreArgs");
        QTest::addColumn<bool>("inChina");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<int>("errLines"); // compared; az adds examples from its knowledge base to usage errors
        // An unknown type: az's parser names the allowed ones.
        QTest::newRow("unknown") << QStringLiteral("key-vault") << QStringList() << false << 2 << 1;
        // A type the cloud has no endpoint for (az 2.45 knows no Data Lake resource in China), even with --scope.
        QTest::newRow("not in the cloud") << QStringLiteral("data-lake") << QStringList() << true << 1 << 4;
        QTest::newRow("not in the cloud, with --scope")
            << QStringLiteral("data-lake")
            << QStringList{QStringLiteral("--scope"), QStringLiteral("https://graph.chinacloudapi.cn//.default")}
            << true << 1 << 4;
    }

    void resourceTypeErrorsAreAzs()
    {
        QFETCH(QString, resourceType);
        QFETCH(QStringList, moreArgs);
        QFETCH(bool, inChina);
        QFETCH(int, exitCode);
        QFETCH(int, errLines);
        if (inChina)
            moveSampleToChina(m_config, kSampleGraphScope);
        const QStringList args = QStringList{QStringLiteral("account"), QStringLiteral("get-access-token"),
                                             QStringLiteral("--resource-type"), resourceType} +
                                 moreArgs;
        const ProcessResult ours = cli(args);
        const ProcessResult theirs = az(args);
        QCOMPARE(ours.exitCode, exitCode);
        QCOMPARE(theirs.exitCode, exitCode);
        QCOMPARE(ours.err.split('\n').mid(0, errLines), theirs.err.split('\n').mid(0, errLines));
        QVERIFY(ours.out.isEmpty());
    }

    void usageErrorsExitWithTwo()
    {
        QCOMPARE(cli({QStringLiteral("account"), QStringLiteral("lst")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--bogus")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("-o"), QStringLiteral("xml")})
                     .exitCode,
                 2);
        const ProcessResult help = cli({QStringLiteral("account"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("get-access-token"));
    }

    void outputFormatsAndQueriesAreTheSameAsAz_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("query");
        const QStringList list = {QStringLiteral("account"), QStringLiteral("list")};
        const QStringList show = {QStringLiteral("account"), QStringLiteral("show")};
        const char* const listQueries[] = {"",
                                           "[?isDefault].id | [0]",
                                           "[].{Name:name, Default:isDefault}",
                                           "[0]",
                                           "[0].user",
                                           "[].[name, isDefault]",
                                           "[].name",
                                           "[0].{x:user, y:name}",
                                           "sort_by(@, &name)[].{Sub:name, Tenant:tenantId, State:state}",
                                           "[99999999999999999999]",
                                           "[::-9223372036854775808].name",
                                           "[-99999999999999999999:99999999999999999999:99999999999999999999].id"};
        for (const char* query : listQueries)
            QTest::addRow("account list %s", query) << list << QString::fromUtf8(query);
        QTest::addRow("account show") << show << QString();
        QTest::addRow("account show id") << show << QStringLiteral("id");
        QTest::addRow("account show user.name") << show << QStringLiteral("user.name");
    }

    void outputFormatsAndQueriesAreTheSameAsAz()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, query);
        for (const QString& format : {QStringLiteral("json"), QStringLiteral("table"), QStringLiteral("tsv")}) {
            QStringList args = command;
            if (!query.isEmpty())
                args << QStringLiteral("--query") << query;
            args << QStringLiteral("-o") << format;
            const ProcessResult ours = cli(args);
            const ProcessResult theirs = az(args);
            QCOMPARE(theirs.exitCode, 0);
            QCOMPARE(ours.exitCode, 0);
            QVERIFY2(ours.out == theirs.out, qPrintable(format + QStringLiteral(":\n") + QString::fromUtf8(ours.out) +
                                                        QStringLiteral("\naz:\n") + QString::fromUtf8(theirs.out)));
        }
    }

    void invalidQueryIsAUsageErrorLikeAz()
    {
        const QStringList args = {QStringLiteral("account"), QStringLiteral("show"), QStringLiteral("--query"),
                                  QStringLiteral("[?")};
        const ProcessResult ours = cli(args);
        QCOMPARE(ours.exitCode, 2);
        QCOMPARE(az(args).exitCode, 2);
        QVERIFY(ours.err.startsWith("ERROR: argument --query: invalid jmespath_type value: '[?'"));
        QVERIFY(ours.out.isEmpty());

        // A query that fails on the data (a type error) is an error too, with nothing on stdout.
        const ProcessResult typeError = cli({QStringLiteral("account"), QStringLiteral("list"),
                                             QStringLiteral("--query"), QStringLiteral("length(`1`)")});
        QCOMPARE(typeError.exitCode, 1);
        QVERIFY(typeError.err.startsWith("ERROR: --query: invalid type for length()"));
        QVERIFY(typeError.out.isEmpty());
    }

    void absurdQueriesAreErrorsNotCrashes()
    {
        const QStringList list = {QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--query")};
        // A zero step fails on the data, in az too (Python's ValueError).
        const ProcessResult zeroStep = cli(list + QStringList{QStringLiteral("[::0]")});
        QCOMPARE(zeroStep.exitCode, az(list + QStringList{QStringLiteral("[::0]")}).exitCode);
        QCOMPARE(zeroStep.exitCode, 1);
        QCOMPARE(zeroStep.err, QByteArray("ERROR: --query: slice step cannot be zero\n"));

        // Nesting az's Python cannot take either is a usage error here, named.
        const QString nested = QString(300, QLatin1Char('(')) + QLatin1Char('a') + QString(300, QLatin1Char(')'));
        const ProcessResult deep = cli(list + QStringList{nested});
        QCOMPARE(deep.exitCode, 2);
        QVERIFY2(deep.err.startsWith("ERROR: argument --query: invalid jmespath_type value: '((((") &&
                     deep.err.endsWith("...' (expression nested too deeply at column 257)\n"),
                 deep.err.constData());
        QVERIFY(deep.out.isEmpty());

        // (Linux takes at most 128 KiB in one argument.)
        const QString huge = QString(50000, QLatin1Char('(')) + QLatin1Char('a') + QString(50000, QLatin1Char(')'));
        const ProcessResult tooLong = cli(list + QStringList{huge});
        QCOMPARE(tooLong.exitCode, 2);
        QVERIFY2(tooLong.err.endsWith("...' (expression longer than 10000 characters)\n") && tooLong.err.size() < 400,
                 tooLong.err.constData());

        // What the user typed is echoed as text, never as a terminal command.
        const ProcessResult escape = cli(list + QStringList{QStringLiteral("a\x1b]52;c;aGk=\x07")});
        QCOMPARE(escape.exitCode, 2);
        QCOMPARE(escape.err, QByteArray("ERROR: argument --query: invalid jmespath_type value: "
                                        "'a\\x1b]52;c;aGk=\\x07' (unknown character '\\x1b' at column 2)\n"));
    }

    void getAccessTokenQueryGivesTheBareToken()
    {
        // `az account get-access-token --query accessToken -o tsv`, the way scripts take a token. (az itself
        // cannot run it offline: MSAL asks the network for instance discovery first.)
        refreshSampleExpiry(m_config, QDateTime::currentSecsSinceEpoch() + 3600);
        const Json cache = *json::parse(readFile(m_config + QStringLiteral("/msal_token_cache.json"))).value;
        std::string cachedArmToken;
        for (const auto& [key, entry] : cache["AccessToken"].items()) {
            if (entry["realm"] == "9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f" &&
                entry["target"] == "https://management.core.windows.net//.default")
                cachedArmToken = entry["secret"];
        }
        QVERIFY(!cachedArmToken.empty());
        const ProcessResult ours =
            cli({QStringLiteral("account"), QStringLiteral("get-access-token"), QStringLiteral("--query"),
                 QStringLiteral("accessToken"), QStringLiteral("-o"), QStringLiteral("tsv")});
        QCOMPARE(ours.exitCode, 0);
        QVERIFY(ours.out == QByteArray::fromStdString(cachedArmToken + "\n")); // not QCOMPARE: it would print it
    }

    void cacheListShowsEntriesWithoutSecrets()
    {
        const ProcessResult list = cli({QStringLiteral("cache"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        const Json entries = parseOutput(list.out);
        QCOMPARE(entries.size(), size_t(4 + 1 + 3 + 1 + 1));
        QCOMPARE(entries[0]["client"].get<std::string>(), std::string("Azure CLI"));
        QCOMPARE(entries[0]["account"].get<std::string>(), std::string("sam@northwind.example"));
        QVERIFY(!list.out.contains("eyJ0eXAi"));
        QVERIFY(!list.out.contains("Dm5lUMTmbas"));
        QVERIFY(!list.out.contains("\"secret\""));
    }
};

QTEST_GUILESS_MAIN(TestCliMatchesAz)
#include "TestCliMatchesAz.moc"
