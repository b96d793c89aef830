// azureProfile.json, clouds.config and config as Tenantry writes them are what Debian's Azure CLI 2.45
// reads, and what az writes Tenantry reads: the real /usr/bin/az, offline, in a temp AZURE_CONFIG_DIR.
#include "azure/AzureConfigDir.h"
#include "azure/AzureProfile.h"
#include "azure/CloudConfig.h"
#include "azure/IniFile.h"
#include "fakes/TestFiles.h"
#include "util/Json.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace tenantry;
using tenantry::test::copySample;
using tenantry::test::readFile;
using tenantry::test::writeFile;

namespace {

const QString kAz = QStringLiteral("/usr/bin/az");
const QString kPython = QStringLiteral("/usr/bin/python3");
const QString kNorthwind = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
const QString kWoodgrove = QStringLiteral("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7");
const QString kProduction = QStringLiteral("6f1e2d3c-4b5a-4697-8877-665544332211");
const QString kSandbox = QStringLiteral("7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
const QString kShared = QStringLiteral("8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e");

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Json parseJson(const QByteArray& bytes)
{
    const json::ParseResult parsed = json::parse(bytes);
    return parsed.value ? *parsed.value : Json();
}

QString str(const Json& value)
{
    return json::toQString(value);
}

// az's JSON names CloudEndpoints attributes in camelCase: active_directory_resource_id -> activeDirectoryResourceId.
QString camel(const QString& snake)
{
    QString out;
    bool upper = false;
    for (const QChar c : snake) {
        if (c == QLatin1Char('_')) {
            upper = true;
            continue;
        }
        out += upper ? c.toUpper() : c;
        upper = false;
    }
    return out;
}

Subscription newSub(const QString& id, const QString& name, const QString& state, const QString& tenant)
{
    Subscription s;
    s.id = id;
    s.name = name;
    s.state = state;
    s.userName = QStringLiteral("sam@northwind.example");
    s.userType = QStringLiteral("user");
    s.tenantId = tenant;
    s.homeTenantId = tenant;
    s.environmentName = QStringLiteral("AzureCloud");
    return s;
}

} // namespace

class TestAzReadsProfile : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_config;

    QProcessEnvironment environment(const QString& configDir) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QStringList keys = env.keys();
        for (const QString& key : keys) {
            if (key.startsWith(QLatin1String("AZURE_")) || key.startsWith(QLatin1String("PYTHON")))
                env.remove(key);
        }
        env.insert(QStringLiteral("AZURE_CONFIG_DIR"), configDir);
        env.insert(QStringLiteral("HOME"), m_tmp->path() + QStringLiteral("/home"));
        env.insert(QStringLiteral("AZURE_CORE_COLLECT_TELEMETRY"), QStringLiteral("no"));
        env.insert(QStringLiteral("AZURE_CORE_NO_COLOR"), QStringLiteral("1"));
        env.insert(QStringLiteral("AZURE_CORE_ONLY_SHOW_ERRORS"), QStringLiteral("1"));
        env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin:") + env.value(QStringLiteral("PATH")));
        return env;
    }

    Run run(const QString& program, const QStringList& args, const QString& configDir,
            const QStringList& extraEnv = {}) const
    {
        QProcess process;
        QProcessEnvironment env = environment(configDir);
        for (const QString& kv : extraEnv)
            env.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
        process.setProcessEnvironment(env);
        process.start(program, args);
        Run result;
        if (!process.waitForStarted(10000))
            return result;
        process.closeWriteChannel();
        if (!process.waitForFinished(120000)) {
            process.kill();
            process.waitForFinished(5000);
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

    Run az(const QStringList& args, const QStringList& extraEnv = {}) const
    {
        return run(kAz, args + QStringList{QStringLiteral("-o"), QStringLiteral("json")}, m_config, extraEnv);
    }

    Json azJson(const QStringList& args, const QStringList& extraEnv = {}) const
    {
        const Run r = az(args, extraEnv);
        if (r.exitCode != 0)
            qWarning("az %s failed (%d): %s", qPrintable(args.join(QLatin1Char(' '))), r.exitCode, r.err.constData());
        return r.exitCode == 0 ? parseJson(r.out) : Json();
    }

    AzureProfile loadProfile(const QString& configDir) const
    {
        AzureProfile profile;
        QString error;
        const auto status = profile.load(AzureConfigDir(configDir).profileFile(), &error);
        if (status != AzureProfile::LoadStatus::Ok)
            qFatal("profile does not load: %s", qPrintable(error));
        return profile;
    }

    CloudConfig loadClouds(const QString& configDir) const
    {
        CloudConfig clouds{AzureConfigDir(configDir)};
        QString error;
        if (!clouds.load(&error))
            qFatal("cloud config does not load: %s", qPrintable(error));
        return clouds;
    }

    // What Tenantry does for "switch the active subscription": as `az account set -s`.
    void tenantrySetActive(const QString& configDir, const QString& idOrName) const
    {
        CloudConfig clouds = loadClouds(configDir);
        AzureProfile profile = loadProfile(configDir);
        const QString cloud = clouds.activeCloud().name;
        QString error;
        const std::optional<Subscription> found = profile.find(idOrName, cloud, &error);
        QVERIFY2(found, qPrintable(error));
        QVERIFY(profile.setDefault(found->id, cloud));
        QVERIFY2(profile.save(AzureConfigDir(configDir).profileFile(), &error), qPrintable(error));
        QVERIFY2(clouds.setSubscription(cloud, found->id, &error), qPrintable(error));
    }

private slots:
    void initTestCase()
    {
        if (!QFileInfo(kAz).isExecutable())
            QSKIP("Debian's azure-cli is not installed at /usr/bin/az; these checks need the real az");
        qunsetenv(CloudConfig::kCloudNameVariable);
    }

    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        QVERIFY(QDir().mkpath(m_tmp->path() + QStringLiteral("/home")));
        m_config = m_tmp->path() + QStringLiteral("/azure");
    }

    // (1) Tenantry switches the default; az follows.
    void azShowsWhatTenantrySetAsDefault()
    {
        copySample(QStringLiteral("azure-cli-2.45"), m_config);
        tenantrySetActive(m_config, QStringLiteral("northwind production"));
        if (QTest::currentTestFailed())
            return;
        const Json shown = azJson({QStringLiteral("account"), QStringLiteral("show")});
        QCOMPARE(str(shown["id"]), kProduction);
        QCOMPARE(str(shown["name"]), QStringLiteral("Northwind Production"));
        QCOMPARE(shown["isDefault"], Json(true));

        const Json list = azJson({QStringLiteral("account"), QStringLiteral("list")});
        QCOMPARE(list.size(), size_t(3));
        int defaults = 0;
        for (const Json& s : list)
            defaults += s["isDefault"].get<bool>() ? 1 : 0;
        QCOMPARE(defaults, 1);
    }

    // (2) az switches the default; Tenantry sees it, and rewrites az's file byte for byte.
    void tenantrySeesAzAccountSet()
    {
        copySample(QStringLiteral("azure-cli-2.45"), m_config);
        const Run set = az({QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("-s"),
                            QStringLiteral("aw shared services")});
        QVERIFY2(set.exitCode == 0, set.err.constData());
        const AzureProfile profile = loadProfile(m_config);
        QCOMPARE(profile.defaultSubscription(QStringLiteral("AzureCloud"))->id, kShared);
        QCOMPARE(loadClouds(m_config).subscriptionOf(QStringLiteral("AzureCloud")), kShared);

        const AzureConfigDir dir(m_config);
        const QByteArray azProfile = readFile(dir.profileFile());
        QVERIFY(azProfile.startsWith("\xEF\xBB\xBF"));
        QString error;
        QVERIFY(profile.save(m_tmp->path() + QStringLiteral("/ours.json"), &error));
        QCOMPARE(readFile(m_tmp->path() + QStringLiteral("/ours.json")), azProfile);
        const QByteArray azClouds = readFile(dir.cloudsConfigFile());
        QCOMPARE(IniFile::parse(azClouds).serialize(), azClouds);
    }

    // Both tools, from the same files, doing the same switch, leave the same bytes.
    void tenantryWritesTheSameBytesAsAzAccountSet()
    {
        const QString ours = m_tmp->path() + QStringLiteral("/ours");
        for (const QString& d : {m_config, ours}) {
            copySample(QStringLiteral("azure-cli-2.45"), d);
            // A custom cloud and an unrelated section must survive too.
            writeFile(d + QStringLiteral("/clouds.config"),
                      readFile(d + QStringLiteral("/clouds.config")) +
                          readFile(test::dataPath(QStringLiteral("azure-cli-2.45/custom-cloud/clouds.config"))));
        }
        const Run set = az({QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("-s"), kShared.toUpper()});
        QVERIFY2(set.exitCode == 0, set.err.constData());
        tenantrySetActive(ours, kShared.toUpper());
        if (QTest::currentTestFailed())
            return;
        const AzureConfigDir theirs(m_config);
        const AzureConfigDir mine(ours);
        QCOMPARE(readFile(mine.profileFile()), readFile(theirs.profileFile()));
        QCOMPARE(readFile(mine.cloudsConfigFile()), readFile(theirs.cloudsConfigFile()));
    }

    // (3) After a merge that adds subscriptions, az lists them all, with the right default.
    void azAcceptsTheMergedProfile()
    {
        copySample(QStringLiteral("azure-cli-2.45"), m_config);
        CloudConfig clouds = loadClouds(m_config);
        AzureProfile profile = loadProfile(m_config);
        Subscription disabled = newSub(QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001"), QStringLiteral("Old"),
                                       QStringLiteral("Disabled"), kWoodgrove);
        Subscription fancy =
            newSub(QStringLiteral("aaaaaaaa-0000-4000-8000-000000000002"),
                   QStringLiteral("Contoso D\u00e9veloppement \U0001F680"), QStringLiteral("Enabled"), kWoodgrove);
        fancy.tenantDisplayName = QStringLiteral("Woodgrove \u00c9tudes");
        fancy.tenantDefaultDomain = QStringLiteral("woodgrove.example");
        fancy.managedByTenants = {kNorthwind};
        Subscription tenantLevel =
            newSub(kWoodgrove, AzureProfile::kTenantLevelAccountName, QStringLiteral("Enabled"), kWoodgrove);
        tenantLevel.homeTenantId.clear();
        Subscription production = newSub(kProduction, QStringLiteral("Northwind Production (renamed)"),
                                         QStringLiteral("Enabled"), kNorthwind);
        // The previous default (Sandbox) is not in this login: az would make `fancy` the default.
        const QString newDefault = profile.merge({disabled, fancy, tenantLevel, production});
        QCOMPARE(newDefault, fancy.id);
        QString error;
        QVERIFY2(profile.save(AzureConfigDir(m_config).profileFile(), &error), qPrintable(error));
        QVERIFY2(clouds.setSubscription(clouds.activeCloud().name, newDefault, &error), qPrintable(error));

        // Python's own json.dumps of what we wrote is what we wrote.
        const Run dumped =
            run(kPython,
                {QStringLiteral("-c"),
                 QStringLiteral("import json,sys; sys.stdout.write(json.dumps(json.load(open(sys.argv[1], "
                                "encoding='utf-8-sig'))))"),
                 AzureConfigDir(m_config).profileFile()},
                m_config);
        QCOMPARE(dumped.exitCode, 0);
        QCOMPARE(dumped.out, readFile(AzureConfigDir(m_config).profileFile()).mid(3));

        const Json list = azJson({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--all")});
        const QList<Subscription> ours = profile.subscriptions();
        QCOMPARE(list.size(), size_t(ours.size()));
        QCOMPARE(ours.size(), 6);
        for (qsizetype i = 0; i < ours.size(); ++i) {
            const Json& theirs = list[static_cast<size_t>(i)];
            QCOMPARE(str(theirs["id"]), ours.at(i).id);
            QCOMPARE(str(theirs["name"]), ours.at(i).name);
            QCOMPARE(theirs["isDefault"].get<bool>(), ours.at(i).isDefault);
        }
        const Json shown = azJson({QStringLiteral("account"), QStringLiteral("show")});
        QCOMPARE(str(shown["id"]), fancy.id);
        QCOMPARE(str(shown["name"]), fancy.name);
        QCOMPARE(str(shown["tenantDisplayName"]), fancy.tenantDisplayName); // newer fields pass through az

        // And az can switch to one of the new ones; Tenantry reads the result.
        const Run set = az({QStringLiteral("account"), QStringLiteral("set"), QStringLiteral("-s"), disabled.id});
        QVERIFY2(set.exitCode == 0, set.err.constData());
        QCOMPARE(loadProfile(m_config).defaultSubscription(QStringLiteral("AzureCloud"))->id, disabled.id);
    }

    // (4) The custom-cloud sample: the same active cloud, with the same endpoints.
    void customCloudIsActiveForBoth()
    {
        copySample(QStringLiteral("azure-cli-2.45/custom-cloud"), m_config);
        const Json shown = azJson({QStringLiteral("cloud"), QStringLiteral("show")});
        const Cloud active = loadClouds(m_config).activeCloud();
        QCOMPARE(active.name, QStringLiteral("TestCloud"));
        QCOMPARE(str(shown["name"]), active.name);
        const Json& endpoints = shown["endpoints"];
        QCOMPARE(str(endpoints["activeDirectory"]), active.activeDirectory);
        QCOMPARE(str(endpoints["resourceManager"]), active.resourceManager);
        QCOMPARE(str(endpoints["activeDirectoryResourceId"]), active.activeDirectoryResourceId);
        QCOMPARE(str(endpoints["management"]), active.management);
        QCOMPARE(str(endpoints["activeDirectoryGraphResourceId"]), active.activeDirectoryGraphResourceId);
        QCOMPARE(str(shown["profile"]), active.profile);
    }

    void environmentOverrideAgrees()
    {
        copySample(QStringLiteral("azure-cli-2.45/custom-cloud"), m_config);
        const QStringList env{QStringLiteral("AZURE_CLOUD_NAME=AzureChinaCloud")};
        const Json shown = azJson({QStringLiteral("cloud"), QStringLiteral("show")}, env);
        qputenv(CloudConfig::kCloudNameVariable, "AzureChinaCloud");
        const QString ours = loadClouds(m_config).activeCloud().name;
        qunsetenv(CloudConfig::kCloudNameVariable);
        QCOMPARE(str(shown["name"]), QStringLiteral("AzureChinaCloud"));
        QCOMPARE(ours, QStringLiteral("AzureChinaCloud"));
    }

    void unregisteredCloudFallsBackForBoth()
    {
        QVERIFY(QDir().mkpath(m_config));
        writeFile(m_config + QStringLiteral("/config"), "[cloud]\nname = NoSuchCloud\n\n");
        const QString ours = loadClouds(m_config).activeCloud().name; // before az rewrites `config`
        const Json shown = azJson({QStringLiteral("cloud"), QStringLiteral("show")});
        QCOMPARE(str(shown["name"]), QStringLiteral("AzureCloud"));
        QCOMPARE(ours, QStringLiteral("AzureCloud"));
    }

    // The INI dialect: Python's configparser reads and rewrites a tricky file exactly as IniFile does.
    void iniMatchesPythonConfigparser()
    {
        const QByteArray text = "# comment\n"
                                "[DEFAULT]\n"
                                "Shared = from default\n"
                                "\n"
                                "[Core]\n"
                                "Output = json\n"
                                "  ; indented comment\n"
                                "colon: value with = sign ; not a comment\n"
                                "multi = first\n"
                                "   second\n"
                                "\n"
                                "   third\n"
                                "\n"
                                "pct = 100%% sure, %(output)s\n"
                                "empty =\n"
                                "[core]\n"
                                "other = another section\n"
                                "[Unicode \xc3\xa9]\n"
                                "k = \xe2\x82\xac\n";
        QVERIFY(QDir().mkpath(m_tmp->path()));
        const QString input = m_tmp->path() + QStringLiteral("/input.ini");
        writeFile(input, text);
        const QString script =
            QStringLiteral("import configparser, json, sys\n"
                           "c = configparser.ConfigParser()\n"
                           "c.read(sys.argv[1], encoding='utf-8')\n"
                           "values = {s: {k: c.get(s, k) for k in c.options(s)} for s in c.sections()}\n"
                           "sys.stdout.buffer.write(json.dumps(values, ensure_ascii=False).encode('utf-8') + b'\\n')\n"
                           "import io\n"
                           "out = io.StringIO()\n"
                           "c.write(out)\n"
                           "sys.stdout.buffer.write(out.getvalue().encode('utf-8'))\n");
        const Run python = run(kPython, {QStringLiteral("-c"), script, input}, m_config);
        QVERIFY2(python.exitCode == 0, python.err.constData());
        const qsizetype newline = python.out.indexOf('\n');
        const Json values = parseJson(python.out.left(newline));
        const QByteArray written = python.out.mid(newline + 1);

        const IniFile ini = IniFile::parse(text);
        QCOMPARE(ini.serialize(), written);
        Json ours = Json::object();
        for (const QString& section : ini.sections()) {
            Json keys = Json::object();
            for (const QString& key : ini.keys(section))
                keys[key.toStdString()] = ini.value(section, key).value_or(QString()).toStdString();
            ours[section.toStdString()] = keys;
        }
        QCOMPARE(ours, values);
    }

    // A subscription id with line breaks (azureProfile.json may hold anything) written by Tenantry: Python's
    // configparser, as az reads clouds.config, finds one section and one key holding the text, nothing injected.
    void configparserFindsNothingInjected()
    {
        QVERIFY(QDir().mkpath(m_config));
        CloudConfig clouds = loadClouds(m_config);
        QString error;
        const QString hostile = QStringLiteral("x\r[evil]\rsubscription = y\r\n[AzureChinaCloud]\nname = z");
        QVERIFY2(clouds.setSubscription(QStringLiteral("AzureCloud"), hostile, &error), qPrintable(error));
        const QString script =
            QStringLiteral("import configparser, json, sys\n"
                           "c = configparser.ConfigParser()\n"
                           "c.read(sys.argv[1], encoding='utf-8')\n"
                           "print(json.dumps({s: {k: c.get(s, k) for k in c.options(s)} for s in c.sections()}))\n");
        const Run python =
            run(kPython, {QStringLiteral("-c"), script, AzureConfigDir(m_config).cloudsConfigFile()}, m_config);
        QVERIFY2(python.exitCode == 0, python.err.constData());
        const Json expected = {
            {"AzureCloud", {{"subscription", "x\n[evil]\nsubscription = y\n[AzureChinaCloud]\nname = z"}}}};
        QCOMPARE(parseJson(python.out), expected);
    }

    // Every built-in cloud with every endpoint and suffix az 2.45 has.
    void builtInCloudsMatchAz()
    {
        QVERIFY(QDir().mkpath(m_config));
        const Json list = azJson({QStringLiteral("cloud"), QStringLiteral("list")});
        const QList<Cloud> ours = CloudConfig::builtInClouds();
        QCOMPARE(list.size(), size_t(ours.size()));
        for (qsizetype i = 0; i < ours.size(); ++i) {
            const Cloud& cloud = ours.at(i);
            const Json& theirs = list[static_cast<size_t>(i)];
            QCOMPARE(str(theirs["name"]), cloud.name);
            for (const char* group : {"endpoints", "suffixes"}) {
                const QMap<QString, QString>& mine =
                    QByteArray(group) == "endpoints" ? cloud.endpoints : cloud.suffixes;
                QMap<QString, QString> azValues;
                for (const auto& [key, value] : theirs[group].items()) {
                    if (!value.is_null())
                        azValues.insert(QString::fromStdString(key), str(value));
                }
                QMap<QString, QString> camelMine;
                for (auto it = mine.cbegin(); it != mine.cend(); ++it)
                    camelMine.insert(camel(it.key()), it.value());
                QCOMPARE(camelMine, azValues);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestAzReadsProfile)
#include "TestAzReadsProfile.moc"
