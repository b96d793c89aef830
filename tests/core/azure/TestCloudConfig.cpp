#include "azure/AzureConfigDir.h"
#include "azure/CloudConfig.h"
#include "azure/IniFile.h"
#include "fakes/TestFiles.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace tenantry;
using tenantry::test::copySample;
using tenantry::test::readFile;
using tenantry::test::writeFile;

namespace {

const QString kSandbox = QStringLiteral("7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
const QString kShared = QStringLiteral("8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e");

QByteArray customCloudsConfig()
{
    return readFile(test::dataPath(QStringLiteral("azure-cli-2.45/custom-cloud/clouds.config")));
}

// Sets an environment variable for one scope.
class ScopedEnv
{
public:
    ScopedEnv(const char* name, const QByteArray& value)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        qputenv(name, value);
    }
    ~ScopedEnv()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
    bool m_had;
    QByteArray m_old;
};

} // namespace

class TestCloudConfig : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_tmp;

    QString dir() const { return m_tmp->path() + QStringLiteral("/azure"); }

    CloudConfig loaded()
    {
        CloudConfig config{AzureConfigDir(dir())};
        QString error;
        if (!config.load(&error))
            qFatal("load failed: %s", qPrintable(error));
        return config;
    }

private slots:
    void initTestCase() { qunsetenv(CloudConfig::kCloudNameVariable); }

    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        QVERIFY(QDir().mkpath(dir()));
    }

    // --- built-in clouds -----------------------------------------------------------------------------

    void builtInCloudsAreAz245s()
    {
        const QList<Cloud> clouds = CloudConfig::builtInClouds();
        QStringList names;
        for (const Cloud& c : clouds)
            names.append(c.name);
        QCOMPARE(names, (QStringList{"AzureCloud", "AzureChinaCloud", "AzureUSGovernment", "AzureGermanCloud"}));
        for (const Cloud& c : clouds) {
            QVERIFY(c.builtIn);
            QCOMPARE(c.profile, QStringLiteral("latest"));
            QVERIFY(!c.activeDirectory.isEmpty());
            QVERIFY(!c.resourceManager.isEmpty());
            QVERIFY(isAllowedAuthority(c.activeDirectory));
        }

        const Cloud pub = clouds.at(0);
        QCOMPARE(pub.activeDirectory, QStringLiteral("https://login.microsoftonline.com"));
        QCOMPARE(pub.resourceManager, QStringLiteral("https://management.azure.com/"));
        QCOMPARE(pub.activeDirectoryResourceId, QStringLiteral("https://management.core.windows.net/"));
        QCOMPARE(pub.microsoftGraphResourceId, QStringLiteral("https://graph.microsoft.com/"));
        QCOMPARE(pub.management, QStringLiteral("https://management.core.windows.net/"));
        QCOMPARE(pub.authorityHost(), QStringLiteral("login.microsoftonline.com"));
        QCOMPARE(pub.armScope(), QStringLiteral("https://management.core.windows.net//.default"));
        QCOMPARE(pub.endpoint(QStringLiteral("portal")), QStringLiteral("https://portal.azure.com"));
        QCOMPARE(pub.suffixes.value(QStringLiteral("keyvault_dns")), QStringLiteral(".vault.azure.net"));

        const Cloud china = clouds.at(1);
        QCOMPARE(china.activeDirectory, QStringLiteral("https://login.chinacloudapi.cn"));
        QCOMPARE(china.resourceManager, QStringLiteral("https://management.chinacloudapi.cn"));
        QCOMPARE(china.armScope(), QStringLiteral("https://management.core.chinacloudapi.cn//.default"));
        QCOMPARE(china.microsoftGraphResourceId, QStringLiteral("https://microsoftgraph.chinacloudapi.cn"));

        const Cloud gov = clouds.at(2);
        QCOMPARE(gov.activeDirectory, QStringLiteral("https://login.microsoftonline.us"));
        QCOMPARE(gov.authorityHost(), QStringLiteral("login.microsoftonline.us"));
        QCOMPARE(gov.resourceManager, QStringLiteral("https://management.usgovcloudapi.net/"));
        QCOMPARE(gov.activeDirectoryResourceId, QStringLiteral("https://management.core.usgovcloudapi.net/"));
        QCOMPARE(gov.microsoftGraphResourceId, QStringLiteral("https://graph.microsoft.us/"));
    }

    // --- selection -----------------------------------------------------------------------------------

    void noFilesMeansAzureCloud()
    {
        const CloudConfig config = loaded();
        QCOMPARE(config.activeCloud().name, QStringLiteral("AzureCloud"));
        QCOMPARE(config.activeCloudName(), QStringLiteral("AzureCloud"));
        QCOMPARE(config.clouds().size(), 4);
        QVERIFY(config.subscriptionOf(QStringLiteral("AzureCloud")).isEmpty());
        QVERIFY(!QFile::exists(dir() + QStringLiteral("/config"))); // az would write it; we only read
    }

    void sampleSelectsAzureCloudAndItsSubscription()
    {
        copySample(QStringLiteral("azure-cli-2.45"), dir());
        const CloudConfig config = loaded();
        QCOMPARE(config.activeCloud().name, QStringLiteral("AzureCloud"));
        QVERIFY(config.activeCloud().builtIn);
        QCOMPARE(config.subscriptionOf(QStringLiteral("AzureCloud")), kSandbox);
        QVERIFY(config.subscriptionOf(QStringLiteral("AzureChinaCloud")).isEmpty());
    }

    void customCloudSample()
    {
        copySample(QStringLiteral("azure-cli-2.45/custom-cloud"), dir());
        const CloudConfig config = loaded();
        const Cloud active = config.activeCloud();
        QCOMPARE(active.name, QStringLiteral("TestCloud"));
        QVERIFY(!active.builtIn);
        QCOMPARE(active.profile, QStringLiteral("latest"));
        QCOMPARE(active.activeDirectory, QStringLiteral("https://login.test.example"));
        QCOMPARE(active.resourceManager, QStringLiteral("https://arm.test.example/"));
        QCOMPARE(active.activeDirectoryResourceId, QStringLiteral("https://management.core.test.example/"));
        QCOMPARE(active.activeDirectoryGraphResourceId, QStringLiteral("https://graph.test.example/"));
        QCOMPARE(active.management, QStringLiteral("https://arm.test.example/")); // az's fallback
        QVERIFY(active.microsoftGraphResourceId.isEmpty());
        QCOMPARE(active.authorityHost(), QStringLiteral("login.test.example"));
        QCOMPARE(active.armScope(), QStringLiteral("https://management.core.test.example//.default"));
        QCOMPARE(config.clouds().size(), 5);
        QCOMPARE(config.clouds().last().name, QStringLiteral("TestCloud"));
        QVERIFY(config.cloud(QStringLiteral("TestCloud")).has_value());
        QVERIFY(!config.cloud(QStringLiteral("testcloud")).has_value()); // names are case-sensitive in az
    }

    void environmentVariableOverridesConfig()
    {
        copySample(QStringLiteral("azure-cli-2.45/custom-cloud"), dir());
        const ScopedEnv env(CloudConfig::kCloudNameVariable, "AzureUSGovernment");
        const CloudConfig config = loaded();
        QCOMPARE(config.activeCloudName(), QStringLiteral("AzureUSGovernment"));
        QCOMPARE(config.activeCloud().activeDirectory, QStringLiteral("https://login.microsoftonline.us"));
    }

    void unregisteredActiveCloudFallsBackToAzureCloud()
    {
        writeFile(dir() + QStringLiteral("/config"), "[cloud]\nname = NoSuchCloud\n\n");
        const CloudConfig config = loaded();
        QCOMPARE(config.activeCloudName(), QStringLiteral("NoSuchCloud"));
        QCOMPARE(config.activeCloud().name, QStringLiteral("AzureCloud"));
        QCOMPARE(readFile(dir() + QStringLiteral("/config")), QByteArray("[cloud]\nname = NoSuchCloud\n\n"));
    }

    void cloudsConfigOverridesBuiltInEndpoints()
    {
        writeFile(dir() + QStringLiteral("/clouds.config"),
                  "[AzureCloud]\nsubscription = x\nendpoint_resource_manager = https://arm.override.example/\n\n"
                  "[Stack]\nprofile = 2020-09-01-hybrid\nendpoint_active_directory = https://adfs.stack.example/adfs\n"
                  "suffix_keyvault_dns = .vault.stack.example\n\n");
        const CloudConfig config = loaded();
        const Cloud pub = *config.cloud(QStringLiteral("AzureCloud"));
        QVERIFY(pub.builtIn);
        QCOMPARE(pub.resourceManager, QStringLiteral("https://arm.override.example/"));
        QCOMPARE(pub.activeDirectory, QStringLiteral("https://login.microsoftonline.com"));
        const Cloud stack = *config.cloud(QStringLiteral("Stack"));
        QCOMPARE(stack.profile, QStringLiteral("2020-09-01-hybrid"));
        QCOMPARE(stack.suffixes.value(QStringLiteral("keyvault_dns")), QStringLiteral(".vault.stack.example"));
        QVERIFY(stack.management.isEmpty()); // no resource_manager to fall back to
    }

    // --- writing the active subscription ---------------------------------------------------------------

    void setSubscriptionWritesWhatAzWrites()
    {
        CloudConfig config = loaded();
        QString error;
        QVERIFY2(config.setSubscription(QStringLiteral("AzureCloud"), kSandbox, &error), qPrintable(error));
        const QString path = dir() + QStringLiteral("/clouds.config");
        QCOMPARE(readFile(path), QByteArray("[AzureCloud]\nsubscription = 7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\n\n"));
        QCOMPARE(QFile::permissions(path) & 0x0077, QFileDevice::Permissions()); // new files private
        QCOMPARE(config.subscriptionOf(QStringLiteral("AzureCloud")), kSandbox);
    }

    void setSubscriptionKeepsOtherSectionsAndMode()
    {
        copySample(QStringLiteral("azure-cli-2.45/custom-cloud"), dir());
        const QString path = dir() + QStringLiteral("/clouds.config");
        const QFileDevice::Permissions mode0644 = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                  QFileDevice::ReadUser | QFileDevice::WriteUser |
                                                  QFileDevice::ReadGroup | QFileDevice::ReadOther;
        QVERIFY(QFile::setPermissions(path, mode0644));
        CloudConfig config = loaded();
        QString error;
        QVERIFY(config.setSubscription(QStringLiteral("TestCloud"), kShared, &error));
        QCOMPARE(readFile(path), customCloudsConfig().chopped(1) + "subscription = " + kShared.toLatin1() + "\n\n");
        QCOMPARE(QFile::permissions(path), mode0644);
        QVERIFY(config.setSubscription(QStringLiteral("AzureCloud"), kSandbox, &error));
        QVERIFY(readFile(path).endsWith("\n\n[AzureCloud]\nsubscription = 7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\n\n"));
        QCOMPARE(config.activeCloud().resourceManager, QStringLiteral("https://arm.test.example/"));
    }

    void setSubscriptionRereadsTheFile()
    {
        CloudConfig config = loaded();
        // Someone (az cloud register) writes after we loaded.
        writeFile(dir() + QStringLiteral("/clouds.config"), customCloudsConfig());
        QString error;
        QVERIFY(config.setSubscription(QStringLiteral("AzureCloud"), kSandbox, &error));
        const QByteArray now = readFile(dir() + QStringLiteral("/clouds.config"));
        QVERIFY(now.startsWith(customCloudsConfig()));
        QVERIFY(config.cloud(QStringLiteral("TestCloud")).has_value());
    }

    void setSubscriptionRemovesOrRefuses()
    {
        copySample(QStringLiteral("azure-cli-2.45"), dir());
        CloudConfig config = loaded();
        QString error;
        QVERIFY(!config.setSubscription(QStringLiteral("NoSuchCloud"), kSandbox, &error));
        QCOMPARE(error, QStringLiteral("The cloud 'NoSuchCloud' is not registered."));
        QVERIFY(config.setSubscription(QStringLiteral("AzureCloud"), QString(), &error));
        QCOMPARE(readFile(dir() + QStringLiteral("/clouds.config")), QByteArray("[AzureCloud]\n\n"));
        QVERIFY(config.subscriptionOf(QStringLiteral("AzureCloud")).isEmpty());
    }

    void setSubscriptionCreatesTheDirectory()
    {
        QVERIFY(QDir(dir()).removeRecursively());
        CloudConfig config = loaded();
        QString error;
        QVERIFY(config.setSubscription(QStringLiteral("AzureCloud"), kSandbox, &error));
        QVERIFY(QFile::exists(dir() + QStringLiteral("/clouds.config")));
    }

    // --- the INI dialect -------------------------------------------------------------------------------

    void iniReadsLikeConfigparser()
    {
        QStringList warnings;
        const IniFile ini = IniFile::parse("\xEF\xBB\xBF# comment\r\n"
                                           "[DEFAULT]\r\n"
                                           "Shared = from default\r\n"
                                           "\r\n"
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
                                           "other = lower-case section is another section\n",
                                           &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        QCOMPARE(ini.sections(), (QStringList{"Core", "core"}));
        QCOMPARE(ini.keys(QStringLiteral("Core")), (QStringList{"output", "colon", "multi", "pct", "empty", "shared"}));
        QCOMPARE(ini.value(QStringLiteral("Core"), QStringLiteral("OUTPUT")), QStringLiteral("json"));
        QCOMPARE(ini.value(QStringLiteral("Core"), QStringLiteral("colon")),
                 QStringLiteral("value with = sign ; not a comment"));
        QCOMPARE(ini.value(QStringLiteral("Core"), QStringLiteral("multi")), QStringLiteral("first\nsecond\n\nthird"));
        QCOMPARE(ini.value(QStringLiteral("Core"), QStringLiteral("pct")), QStringLiteral("100% sure, json"));
        QCOMPARE(ini.rawValue(QStringLiteral("Core"), QStringLiteral("pct")), QStringLiteral("100%% sure, %(output)s"));
        QCOMPARE(ini.value(QStringLiteral("Core"), QStringLiteral("empty")), QString(""));
        QCOMPARE(ini.value(QStringLiteral("Core"), QStringLiteral("shared")), QStringLiteral("from default"));
        QCOMPARE(ini.value(QStringLiteral("core"), QStringLiteral("shared")), QStringLiteral("from default"));
        QVERIFY(!ini.value(QStringLiteral("core"), QStringLiteral("output")).has_value());
        QVERIFY(!ini.value(QStringLiteral("Nope"), QStringLiteral("output")).has_value());
    }

    void iniWritesLikeConfigparser()
    {
        IniFile ini = IniFile::parse("[b]\nK = 1\nmulti = x\n  y\n[DEFAULT]\nd = 0\n");
        ini.setValue(QStringLiteral("a"), QStringLiteral("New Key"), QStringLiteral("v"));
        ini.setValue(QStringLiteral("b"), QStringLiteral("k"), QStringLiteral("2"));
        ini.setValue(QStringLiteral("b"), QStringLiteral("empty"), QString());
        QCOMPARE(ini.serialize(), QByteArray("[DEFAULT]\nd = 0\n\n"
                                             "[b]\nk = 2\nmulti = x\n\ty\nempty = \n\n"
                                             "[a]\nnew key = v\n\n"));
        QVERIFY(ini.removeKey(QStringLiteral("b"), QStringLiteral("K")));
        QVERIFY(ini.removeSection(QStringLiteral("a")));
        QVERIFY(!ini.removeSection(QStringLiteral("a")));
        QCOMPARE(ini.serialize(), QByteArray("[DEFAULT]\nd = 0\n\n[b]\nmulti = x\n\ty\nempty = \n\n"));
        QCOMPARE(IniFile::parse(ini.serialize()).serialize(), ini.serialize());
    }

    void iniToleratesWhatConfigparserRejects()
    {
        QStringList warnings;
        const IniFile ini = IniFile::parse("stray = 1\n[s]\na = 1\nno delimiter here\na = 2\n[s]\nb = 3\n", &warnings);
        QCOMPARE(warnings.size(), 4);
        QCOMPARE(ini.sections(), QStringList{"s"});
        QCOMPARE(ini.value(QStringLiteral("s"), QStringLiteral("a")), QStringLiteral("2"));
        QCOMPARE(ini.value(QStringLiteral("s"), QStringLiteral("b")), QStringLiteral("3"));
        QCOMPARE(ini.serialize(), QByteArray("[s]\na = 2\nb = 3\n\n"));
    }

    // --- hostile values and files ------------------------------------------------------------------------

    void noValueCanInjectASectionOrKey_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("readBack"); // what configparser (and we) read: line breaks become "\n"
        QTest::newRow("LF") << QStringLiteral("x\n[evil]\nsubscription = y")
                            << QStringLiteral("x\n[evil]\nsubscription = y");
        QTest::newRow("CR") << QStringLiteral("x\r[evil]\rsubscription = y")
                            << QStringLiteral("x\n[evil]\nsubscription = y");
        QTest::newRow("CRLF") << QStringLiteral("x\r\n[evil]\r\nsubscription = y")
                              << QStringLiteral("x\n[evil]\nsubscription = y");
        QTest::newRow("CR then key") << QStringLiteral("x\rname = Evil") << QStringLiteral("x\nname = Evil");
    }

    void noValueCanInjectASectionOrKey()
    {
        // A subscription id comes from azureProfile.json, which another program may have written.
        QFETCH(QString, value);
        QFETCH(QString, readBack);
        CloudConfig config = loaded();
        QString error;
        QVERIFY2(config.setSubscription(QStringLiteral("AzureCloud"), value, &error), qPrintable(error));
        const QByteArray onDisk = readFile(dir() + QStringLiteral("/clouds.config"));
        QVERIFY2(!onDisk.contains('\r'), onDisk.constData());
        QStringList warnings;
        const IniFile ini = IniFile::parse(onDisk, &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        QCOMPARE(ini.sections(), QStringList{QStringLiteral("AzureCloud")});
        QCOMPARE(ini.keys(QStringLiteral("AzureCloud")), QStringList{QStringLiteral("subscription")});
        QCOMPARE(ini.rawValue(QStringLiteral("AzureCloud"), QStringLiteral("subscription")), readBack);
        QCOMPARE(loaded().subscriptionOf(QStringLiteral("AzureCloud")), readBack);
    }

    void namesThatWouldBreakALineAreRefused()
    {
        IniFile ini;
        QVERIFY(!ini.setValue(QStringLiteral("cloud]\n[evil"), QStringLiteral("name"), QStringLiteral("x")));
        QVERIFY(!ini.setValue(QStringLiteral("cloud\r[evil]"), QStringLiteral("name"), QStringLiteral("x")));
        QVERIFY(!ini.addSection(QStringLiteral(" ")));
        for (const QString& key :
             {QStringLiteral("a\rb"), QStringLiteral("a\nb"), QStringLiteral("a = b"), QStringLiteral("a:b"),
              QStringLiteral("[a]"), QStringLiteral("#a"), QStringLiteral(";a"), QStringLiteral(" a"), QString()})
            QVERIFY2(!ini.setValue(QStringLiteral("s"), key, QStringLiteral("x")), qPrintable(key));
        // A lone '%' would make az's configparser raise on every read of the file; configparser's set()
        // refuses it too. "%%" and "%(name)s" are what it allows.
        for (const QString& value : {QStringLiteral("50%"), QStringLiteral("%"), QStringLiteral("%(a)"),
                                     QStringLiteral("%()s"), QStringLiteral("%(a)x"), QStringLiteral("a%b")})
            QVERIFY2(!ini.setValue(QStringLiteral("s"), QStringLiteral("k"), value), qPrintable(value));
        QVERIFY(ini.isEmpty());
        QCOMPARE(ini.serialize(), QByteArray());
        QVERIFY(ini.setValue(QStringLiteral("s"), QStringLiteral("k"), QStringLiteral("100%% %(a)s %(b c)s%%")));
        QVERIFY(ini.removeSection(QStringLiteral("s")));
        CloudConfig config = loaded();
        QString error;
        QVERIFY(!config.setSubscription(QStringLiteral("AzureCloud"), QStringLiteral("50%"), &error));
        QCOMPARE(error, QStringLiteral("The subscription '50%' of cloud 'AzureCloud' cannot be written to %1.")
                            .arg(dir() + QStringLiteral("/clouds.config")));
        QVERIFY(!QFile::exists(dir() + QStringLiteral("/clouds.config")));
        QVERIFY(ini.setValue(QStringLiteral("Azure Cloud ]["), QStringLiteral("a b"), QStringLiteral("x")));
        QCOMPARE(IniFile::parse(ini.serialize()).sections(), QStringList{QStringLiteral("Azure Cloud ][")});
    }

    void interpolationFanOutIsBounded()
    {
        // Billion laughs: ten keys, each naming the previous one ten times, would expand to 10^10 characters.
        QByteArray text = "[s]\nk0 = lol\n";
        for (int i = 1; i <= 10; ++i) {
            text += "k" + QByteArray::number(i) + " =";
            for (int j = 0; j < 10; ++j)
                text += " %(k" + QByteArray::number(i - 1) + ")s";
            text += "\n";
        }
        // And a variant whose expansion stays empty while the work still multiplies.
        text += "e0 =\n";
        for (int i = 1; i <= 10; ++i)
            text += "e" + QByteArray::number(i) + " = " +
                    QByteArray("%(e" + QByteArray::number(i - 1) + ")s").repeated(10) + "\n";
        const IniFile ini = IniFile::parse(text);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(ini.value(QStringLiteral("s"), QStringLiteral("k10")),
                 ini.rawValue(QStringLiteral("s"), QStringLiteral("k10")));
        QCOMPARE(ini.value(QStringLiteral("s"), QStringLiteral("e10")),
                 ini.rawValue(QStringLiteral("s"), QStringLiteral("e10")));
        QVERIFY2(timer.elapsed() < 1000, "the expansion stops early");
        // Within the bounds, references still expand.
        QCOMPARE(ini.value(QStringLiteral("s"), QStringLiteral("k2"))->size(), 100 * 3 + 10 * 9 + 9);
        QCOMPARE(ini.value(QStringLiteral("s"), QStringLiteral("e2")), QString());
        // A key naming itself stops at configparser's depth (10).
        QCOMPARE(IniFile::parse("[s]\na = %(a)s\n").value(QStringLiteral("s"), QStringLiteral("a")),
                 QStringLiteral("%(a)s"));
    }

    void hugeIniFilesAreNotRead()
    {
        const QString path = dir() + QStringLiteral("/clouds.config");
        QFile huge(path);
        QVERIFY(huge.open(QIODevice::WriteOnly));
        QVERIFY(huge.resize(1024 * 1024 + 1)); // sparse
        huge.close();
        CloudConfig config{AzureConfigDir(dir())};
        QString error;
        QVERIFY(!config.load(&error));
        QCOMPARE(error, QStringLiteral("Cannot read %1: it is larger than 1 MiB").arg(path));
        QVERIFY(!config.setSubscription(QStringLiteral("AzureCloud"), kSandbox, &error));
        QCOMPARE(QFileInfo(path).size(), 1024 * 1024 + 1);
    }

    void manyKeysAndSectionsParseInLinearTime()
    {
        // 1 MiB of one-line keys, then of sections: quadratic lookups took minutes here.
        QByteArray keys = "[s]\n";
        for (int i = 0; keys.size() < 1024 * 1024; ++i)
            keys += "k" + QByteArray::number(i) + "=v\n";
        QByteArray sections;
        for (int i = 0; sections.size() < 1024 * 1024; ++i)
            sections += "[s" + QByteArray::number(i) + "]\n";
        QElapsedTimer timer;
        timer.start();
        QStringList warnings;
        QVERIFY(IniFile::parse(keys, &warnings).keys(QStringLiteral("s")).size() > 50000);
        QVERIFY(IniFile::parse(sections, &warnings).sections().size() > 50000);
        // A broken file of as many lines gets a few warnings, not one per line.
        const IniFile broken = IniFile::parse(QByteArray("no delimiter\n").repeated(80000), &warnings);
        QVERIFY(broken.isEmpty());
        QCOMPARE(warnings.size(), 21);
        QCOMPARE(warnings.last(), QStringLiteral("79980 more lines like these"));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    }

    // --- authorities -----------------------------------------------------------------------------------

    void allowedAuthorities_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << "https://login.microsoftonline.com" << true;
        QTest::newRow("https custom port") << "https://login.test.example:8443/" << true;
        QTest::newRow("https loopback") << "https://127.0.0.1:4443" << true;
        QTest::newRow("http localhost") << "http://localhost:8400" << true;
        QTest::newRow("http LOCALHOST") << "http://LOCALHOST" << true;
        QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:1234/tenant" << true;
        QTest::newRow("http 127.9.8.7") << "http://127.9.8.7" << true;
        QTest::newRow("http ::1") << "http://[::1]:8080" << true;
        QTest::newRow("http remote") << "http://login.microsoftonline.com" << false;
        QTest::newRow("http localhost lookalike") << "http://localhost.evil.example" << false;
        QTest::newRow("http 127 lookalike") << "http://127.0.0.1.evil.example" << false;
        QTest::newRow("http userinfo trick") << "http://127.0.0.1@evil.example" << false;
        QTest::newRow("http 10.x") << "http://10.0.0.1" << false;
        QTest::newRow("http ipv6 remote") << "http://[2001:db8::1]" << false;
        QTest::newRow("ftp") << "ftp://localhost" << false;
        QTest::newRow("no scheme") << "login.microsoftonline.com" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("https no host") << "https:///path" << false;
    }

    void allowedAuthorities()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        QString why;
        QCOMPARE(isAllowedAuthority(url, &why), allowed);
        QCOMPARE(why.isEmpty(), allowed);
    }
};

QTEST_GUILESS_MAIN(TestCloudConfig)
#include "TestCloudConfig.moc"
