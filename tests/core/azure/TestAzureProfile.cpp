#include "azure/AzureProfile.h"
#include "fakes/TestFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace tenantry;
using tenantry::test::dataPath;
using tenantry::test::readFile;
using tenantry::test::writeFile;

namespace {

const QByteArray kBom("\xEF\xBB\xBF");
const QString kNorthwind = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f");
const QString kWoodgrove = QStringLiteral("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7");
const QString kProduction = QStringLiteral("6f1e2d3c-4b5a-4697-8877-665544332211");
const QString kSandbox = QStringLiteral("7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
const QString kShared = QStringLiteral("8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e");
const QString kNew1 = QStringLiteral("11111111-0000-4000-8000-000000000001");
const QString kNew2 = QStringLiteral("11111111-0000-4000-8000-000000000002");
const QString kSam = QStringLiteral("sam@northwind.example");

// Entries az never writes: null, a number, text, a list, and objects with a field of the wrong type, between
// two good ones (Production, and Sandbox as the default).
QString junkPath()
{
    return dataPath(QStringLiteral("hostile/azureProfile-junk-entries.json"));
}

QString samplePath()
{
    return dataPath(QStringLiteral("azure-cli-2.45/azureProfile.json"));
}

AzureProfile loadSample()
{
    AzureProfile profile;
    QString error;
    if (profile.load(samplePath(), &error) != AzureProfile::LoadStatus::Ok)
        qFatal("sample profile does not load: %s", qPrintable(error));
    return profile;
}

Subscription sub(const QString& id, const QString& name, const QString& state = QStringLiteral("Enabled"),
                 const QString& tenant = QStringLiteral("9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f"))
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

QByteArray saveBytes(const AzureProfile& profile, const QString& path)
{
    QString error;
    if (!profile.save(path, &error))
        qFatal("save failed: %s", qPrintable(error));
    return readFile(path);
}

QStringList defaults(const AzureProfile& profile)
{
    QStringList ids;
    for (const Subscription& s : profile.subscriptions()) {
        if (s.isDefault)
            ids.append(s.id);
    }
    return ids;
}

QFileDevice::Permissions mode0644()
{
    return QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser |
           QFileDevice::ReadGroup | QFileDevice::ReadOther;
}

QFileDevice::Permissions mode0600()
{
    return QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser;
}

// A profile as two clouds, a service principal, an MSI entry and a newer az leave it.
const QByteArray kMixed =
    kBom +
    QByteArrayLiteral(
        R"({"subscriptions": [)"
        R"({"id": "6f1e2d3c-4b5a-4697-8877-665544332211", "name": "Northwind Production", "state": "Enabled", )"
        R"("user": {"name": "sam@northwind.example", "type": "user"}, "isDefault": true, )"
        R"("tenantId": "9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f", "environmentName": "AzureCloud", )"
        R"("homeTenantId": "9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f", "tenantDefaultDomain": "northwind.example", )"
        R"("tenantDisplayName": "Northwind", "managedByTenants": [{"tenantId": "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7"}]}, )"
        R"({"id": "22222222-0000-4000-8000-000000000001", "name": "Build \u00e9quipe \ud83d\ude80", "state": "Enabled", )"
        R"("user": {"name": "11112222-3333-4444-5555-666677778888", "type": "servicePrincipal", "useCertSNIssuerAuth": true}, )"
        R"("isDefault": false, "tenantId": "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7", "environmentName": "AzureCloud", )"
        R"("homeTenantId": "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7", "managedByTenants": null, "futureField": {"a": [1, 2.5, null]}}, )"
        R"({"id": "33333333-0000-4000-8000-000000000001", "name": "China Dev", "state": "Enabled", )"
        R"("user": {"name": "sam@northwind.example", "type": "user"}, "isDefault": true, )"
        R"("tenantId": "9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f", "environmentName": "AzureChinaCloud", )"
        R"("homeTenantId": "9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f", "managedByTenants": []}, )"
        R"({"id": "44444444-0000-4000-8000-000000000001", "name": "MSI sub", "state": "Enabled", )"
        R"("user": {"name": "systemAssignedIdentity", "type": "servicePrincipal", "assignedIdentityInfo": "MSI"}, )"
        R"("isDefault": false, "tenantId": "9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f", "environmentName": "AzureCloud", )"
        R"("homeTenantId": "9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f", "managedByTenants": []}], )"
        R"("installationId": "b4b92d00-e716-11f1-aa58-02fc00000001", "someOtherTool": true})");

} // namespace

class TestAzureProfile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    QString path(const QString& name = QStringLiteral("azureProfile.json")) const
    {
        return m_tmp.path() + QLatin1Char('/') + name;
    }

    AzureProfile loadBytes(const QByteArray& bytes)
    {
        writeFile(path(), bytes);
        AzureProfile profile;
        QString error;
        const auto status = profile.load(path(), &error);
        if (status != AzureProfile::LoadStatus::Ok)
            qFatal("does not load: %s", qPrintable(error));
        return profile;
    }

private slots:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        const QStringList entries = QDir(m_tmp.path()).entryList(QDir::Files | QDir::Hidden | QDir::System);
        for (const QString& name : entries)
            QFile::remove(m_tmp.path() + QLatin1Char('/') + name);
    }

    void roundTripOfAzSampleIsByteIdentical()
    {
        const QByteArray original = readFile(samplePath());
        QVERIFY(original.startsWith(kBom));
        AzureProfile profile = loadSample();
        QVERIFY(profile.hadBom());
        QCOMPARE(saveBytes(profile, path()), original);
    }

    void roundTripKeepsUnknownFieldsAndOtherIdentities()
    {
        const AzureProfile profile = loadBytes(kMixed);
        // Non-ASCII as \uXXXX (surrogate pairs beyond the BMP), floats, nulls, unknown keys: all as they were.
        QCOMPARE(saveBytes(profile, path(QStringLiteral("copy.json"))), kMixed);
        const QList<Subscription> subs = profile.subscriptions();
        QCOMPARE(subs.size(), 4);
        QCOMPARE(subs.at(1).name, QStringLiteral("Build \u00e9quipe \U0001F680"));
        QCOMPARE(subs.at(1).userType, QStringLiteral("servicePrincipal"));
        QCOMPARE(subs.at(0).tenantDisplayName, QStringLiteral("Northwind"));
        QCOMPARE(subs.at(0).tenantDefaultDomain, QStringLiteral("northwind.example"));
        QCOMPARE(subs.at(0).managedByTenants, QStringList{kWoodgrove});
        QCOMPARE(profile.installationId(), QStringLiteral("b4b92d00-e716-11f1-aa58-02fc00000001"));
    }

    void fileWithoutBomIsReadAndWrittenWithOne()
    {
        const QByteArray original = readFile(samplePath());
        const AzureProfile profile = loadBytes(original.mid(3));
        QVERIFY(!profile.hadBom());
        QCOMPARE(profile.subscriptions().size(), 3);
        QCOMPARE(saveBytes(profile, path()), original); // az would add it back too
    }

    void typedViewOfSample()
    {
        const AzureProfile profile = loadSample();
        const QList<Subscription> subs = profile.subscriptions();
        QCOMPARE(subs.size(), 3);
        QCOMPARE(subs.at(0).id, kProduction);
        QCOMPARE(subs.at(0).name, QStringLiteral("Northwind Production"));
        QCOMPARE(subs.at(0).state, QStringLiteral("Enabled"));
        QCOMPARE(subs.at(0).userName, kSam);
        QCOMPARE(subs.at(0).userType, QStringLiteral("user"));
        QCOMPARE(subs.at(0).tenantId, kNorthwind);
        QCOMPARE(subs.at(0).homeTenantId, kNorthwind);
        QCOMPARE(subs.at(0).environmentName, QStringLiteral("AzureCloud"));
        QVERIFY(subs.at(0).managedByTenants.isEmpty());
        QVERIFY(!subs.at(0).isDefault);
        QVERIFY(subs.at(1).isDefault);
        QCOMPARE(subs.at(2).tenantId, kWoodgrove);
        QCOMPARE(profile.defaultSubscription(QStringLiteral("AzureCloud"))->id, kSandbox);
        QVERIFY(!profile.defaultSubscription(QStringLiteral("AzureChinaCloud")));
        QCOMPARE(profile.installationId(), QStringLiteral("b4b92d00-e716-11f1-aa58-02fc00000001"));
    }

    void missingFileIsAnEmptyProfileAndNewFilesAre0600()
    {
        AzureProfile profile;
        QString error;
        QCOMPARE(profile.load(path(), &error), AzureProfile::LoadStatus::Missing);
        QVERIFY(profile.subscriptions().isEmpty());
        QVERIFY(!profile.defaultSubscription({}));
        QCOMPARE(saveBytes(profile, path()), kBom + "{}");
        QCOMPARE(QFile::permissions(path()), mode0600());
        QCOMPARE(profile.merge({sub(kNew1, QStringLiteral("One"))}), kNew1);
        QVERIFY(profile.save(path(), &error));
        QCOMPARE(QFile::permissions(path()), mode0600());
    }

    void saveKeepsTheFileMode()
    {
        writeFile(path(), readFile(samplePath()));
        QVERIFY(QFile::setPermissions(path(), mode0644()));
        AzureProfile profile;
        QString error;
        QCOMPARE(profile.load(path(), &error), AzureProfile::LoadStatus::Ok);
        QVERIFY(profile.setDefault(kShared));
        QVERIFY(profile.save(path(), &error));
        QCOMPARE(QFile::permissions(path()), mode0644());
        // Nothing left behind from the atomic write.
        QCOMPARE(QDir(m_tmp.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"azureProfile.json"});
    }

    void saveFollowsASymlink()
    {
        QVERIFY(QDir(m_tmp.path()).mkpath(QStringLiteral("real")));
        const QString real = path(QStringLiteral("real/azureProfile.json"));
        writeFile(real, readFile(samplePath()));
        QVERIFY(QFile::link(real, path()));
        AzureProfile profile;
        QString error;
        QCOMPARE(profile.load(path(), &error), AzureProfile::LoadStatus::Ok);
        QVERIFY(profile.setDefault(kShared));
        QVERIFY(profile.save(path(), &error));
        QVERIFY(QFileInfo(path()).isSymLink());
        AzureProfile again;
        QCOMPARE(again.load(real, &error), AzureProfile::LoadStatus::Ok);
        QCOMPARE(again.defaultSubscription({})->id, kShared);
        QFile::remove(path());
        QFile::remove(real);
    }

    void corruptFileIsReportedWithoutItsContentAndBackedUpBeforeOverwrite()
    {
        const QByteArray garbage = kBom + QByteArrayLiteral("{\"subscriptions\": [{\"id\": \"sekrit-token-abc\", ");
        writeFile(path(), garbage);
        AzureProfile profile;
        QString error;
        QCOMPARE(profile.load(path(), &error), AzureProfile::LoadStatus::Corrupt);
        QVERIFY2(error.contains(path()), qPrintable(error));
        QVERIFY(!error.contains(QStringLiteral("sekrit")));
        QVERIFY(profile.subscriptions().isEmpty());
        QCOMPARE(readFile(path()), garbage); // load leaves it alone

        QCOMPARE(profile.merge({sub(kNew1, QStringLiteral("One"))}), kNew1);
        QVERIFY(profile.save(path(), &error));
        QCOMPARE(readFile(path(QStringLiteral("azureProfile.json.bak"))), garbage);
        AzureProfile reread;
        QCOMPARE(reread.load(path(), &error), AzureProfile::LoadStatus::Ok);
        QCOMPARE(reread.subscriptions().size(), 1);

        // Saving again does not back up our own good file.
        QVERIFY(profile.save(path(), &error));
        QVERIFY(!QFile::exists(path(QStringLiteral("azureProfile.json.bak.1"))));

        // A second corrupt file does not overwrite the first backup.
        const QByteArray other = QByteArrayLiteral("not json at all");
        writeFile(path(), other);
        AzureProfile second;
        QCOMPARE(second.load(path(), &error), AzureProfile::LoadStatus::Corrupt);
        QVERIFY(second.save(path(), &error));
        QCOMPARE(readFile(path(QStringLiteral("azureProfile.json.bak"))), garbage);
        QCOMPARE(readFile(path(QStringLiteral("azureProfile.json.bak.1"))), other);
    }

    void wrongShapesAreCorrupt_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("bom only") << kBom;
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("subscriptions not a list") << QByteArray(R"({"subscriptions": {"a": 1}})");
        QTest::newRow("invalid utf-8") << QByteArray("{\"subscriptions\": [], \"x\": \"\xC3\x28\"}");
        QTest::newRow("number") << QByteArray("42");
        QTest::newRow("string") << QByteArray("\"subscriptions\"");
        QTest::newRow("subscriptions a string") << QByteArray(R"({"subscriptions": "none"})");
        QTest::newRow("nested too deep") << QByteArray("{\"subscriptions\": [], \"x\": " + QByteArray(100000, '[') +
                                                       QByteArray(100000, ']') + "}");
    }

    void wrongShapesAreCorrupt()
    {
        QFETCH(QByteArray, bytes);
        writeFile(path(), bytes);
        AzureProfile profile;
        QString error;
        QCOMPARE(profile.load(path(), &error), AzureProfile::LoadStatus::Corrupt);
        QVERIFY(error.contains(path()));
    }

    void unreadableFileIsNeverOverwritten()
    {
        QVERIFY(QDir(m_tmp.path()).mkpath(QStringLiteral("dir.json"))); // exists, cannot be read as a file
        AzureProfile profile;
        QString error;
        QCOMPARE(profile.load(path(QStringLiteral("dir.json")), &error), AzureProfile::LoadStatus::IoError);
        QVERIFY(error.contains(QStringLiteral("dir.json")));
        QVERIFY(!profile.save(path(QStringLiteral("dir.json")), &error));
        QVERIFY(QFileInfo(path(QStringLiteral("dir.json"))).isDir());
        QDir(path(QStringLiteral("dir.json"))).removeRecursively();
    }

    void entriesOfTheWrongShapeAreIgnoredOnRead()
    {
        AzureProfile profile = loadBytes(readFile(junkPath()));
        QCOMPARE(profile.subscriptions().size(), 2);
        QCOMPARE(profile.subscriptions().at(0).id, kProduction);
        QCOMPARE(profile.subscriptions().at(1).id, kSandbox);
        QCOMPARE(profile.defaultSubscription({})->id, kSandbox); // not the one whose isDefault is "true"
        QString error;
        QVERIFY(!profile.find(QStringLiteral("IsDefault Is A String"), {}, &error));
        QVERIFY(!profile.find(QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001"), {}, &error));
        QCOMPARE(profile.find(QStringLiteral("northwind production"))->id, kProduction);
        QCOMPARE(profile.storedEntry(kProduction.toUpper()), profile.document()["subscriptions"][10]);
        QCOMPARE(profile.storedEntry(QStringLiteral("aaaaaaaa-0000-4000-8000-000000000003")), Json::object());
        QCOMPARE(profile.installationId(), QStringLiteral("b4b92d00-e716-11f1-aa58-02fc00000001"));

        // The same from bytes (what a fuzzer feeds), and a second parse forgets the first.
        AzureProfile fromBytes;
        QCOMPARE(fromBytes.parse(readFile(junkPath()), junkPath(), &error), AzureProfile::LoadStatus::Ok);
        QCOMPARE(fromBytes.subscriptions().size(), 2);
        QCOMPARE(fromBytes.parse("[null]", QStringLiteral("p.json"), &error), AzureProfile::LoadStatus::Corrupt);
        QVERIFY(fromBytes.subscriptions().isEmpty());
        QVERIFY2(error.startsWith(QStringLiteral("The Azure CLI profile p.json cannot be read")), qPrintable(error));

        for (const Json& entry : profile.document()["subscriptions"]) {
            const std::optional<Subscription> s = AzureProfile::fromJson(entry);
            QCOMPARE(s.has_value(), entry.is_object() && !entry.empty() && entry["name"].is_string() &&
                                        entry["name"].get<std::string>().rfind("Northwind", 0) == 0);
        }
    }

    void entriesOfTheWrongShapeAreKeptInPlaceOnWrite()
    {
        const QByteArray original = readFile(junkPath());
        AzureProfile profile = loadBytes(original);
        const Json before = profile.document();

        // az account set: only the two readable entries' flags change; the file is otherwise byte-identical.
        QVERIFY(profile.setDefault(kProduction));
        QByteArray expected = original;
        const qsizetype production = expected.indexOf("\"name\": \"Northwind Production\"");
        expected.replace(expected.indexOf("\"isDefault\": false", production), 18, "\"isDefault\": true");
        const qsizetype sandbox = expected.indexOf("\"name\": \"Northwind Sandbox\"");
        expected.replace(expected.indexOf("\"isDefault\": true", sandbox), 17, "\"isDefault\": false");
        QCOMPARE(saveBytes(profile, path()), expected);

        // az login's merge and az logout: the unreadable entries stay, in their places.
        QCOMPARE(profile.merge({sub(kNew1, QStringLiteral("New"))}), kNew1);
        QCOMPARE(profile.removeUser(kSam), 3); // Production, Sandbox, New
        const Json& after = profile.document()["subscriptions"];
        QCOMPARE(after.size(), before["subscriptions"].size() - 2);
        for (size_t i = 0; i < 10; ++i)
            QCOMPARE(after[i], before["subscriptions"][i]);
        QCOMPARE(after[10], before["subscriptions"][12]);
        QVERIFY(profile.subscriptions().isEmpty());
    }

    void oversizedProfileIsNeverReadNorWritten()
    {
        QFile huge(path());
        QVERIFY(huge.open(QIODevice::WriteOnly));
        QVERIFY(huge.resize(json::kMaxDocumentBytes + 1)); // sparse
        huge.close();
        AzureProfile profile;
        QString error;
        QCOMPARE(profile.load(path(), &error), AzureProfile::LoadStatus::IoError);
        QCOMPARE(error, QStringLiteral("Cannot read the Azure CLI profile %1: it is larger than 64 MiB").arg(path()));
        profile.merge({sub(kNew1, QStringLiteral("New"))});
        QVERIFY(!profile.save(path(), &error));
        QCOMPARE(QFileInfo(path()).size(), json::kMaxDocumentBytes + 1);
        QVERIFY(!QFile::exists(path(QStringLiteral("azureProfile.json.bak"))));
    }

    void newEntriesHaveAz245KeyOrder()
    {
        AzureProfile profile;
        Subscription s = sub(kNew1, QStringLiteral("Caf\u00e9"));
        s.managedByTenants = {kWoodgrove};
        QCOMPARE(profile.merge({s}), kNew1);
        QCOMPARE(
            json::dumpPythonCompact(profile.document()),
            QByteArray(R"({"subscriptions": [{"id": "11111111-0000-4000-8000-000000000001", "name": "Caf\u00e9", )"
                       R"("state": "Enabled", "user": {"name": "sam@northwind.example", "type": "user"}, )"
                       R"("isDefault": true, "tenantId": "9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f", )"
                       R"("environmentName": "AzureCloud", "homeTenantId": "9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f", )"
                       R"("managedByTenants": [{"tenantId": "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7"}]}]})"));
    }

    void tenantNamesGoWhereNewerAzPutsThem()
    {
        Subscription s = sub(kNew1, QStringLiteral("One"));
        s.tenantDisplayName = QStringLiteral("Northwind");
        s.tenantDefaultDomain = QStringLiteral("northwind.example");
        QCOMPARE(json::dumpPythonCompact(AzureProfile::toJson(s)),
                 QByteArray(R"({"id": "11111111-0000-4000-8000-000000000001", "name": "One", "state": "Enabled", )"
                            R"("user": {"name": "sam@northwind.example", "type": "user"}, "isDefault": false, )"
                            R"("tenantId": "9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f", "environmentName": "AzureCloud", )"
                            R"("homeTenantId": "9c1d0f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f", )"
                            R"("tenantDefaultDomain": "northwind.example", "tenantDisplayName": "Northwind", )"
                            R"("managedByTenants": []})"));
        const std::optional<Subscription> back = AzureProfile::fromJson(AzureProfile::toJson(s));
        QVERIFY(back);
        QCOMPARE(back->tenantDisplayName, s.tenantDisplayName);
        QCOMPARE(back->tenantDefaultDomain, s.tenantDefaultDomain);
    }

    void tenantLevelAccountHasNoHomeTenant()
    {
        Subscription s = sub(kWoodgrove, AzureProfile::kTenantLevelAccountName, QStringLiteral("Enabled"), kWoodgrove);
        s.tenantDisplayName = QStringLiteral("ignored for tenant-level entries, as in az");
        QCOMPARE(json::dumpPythonCompact(AzureProfile::toJson(s)),
                 QByteArray(R"x({"id": "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7", "name": "N/A(tenant level account)", )x"
                            R"("state": "Enabled", "user": {"name": "sam@northwind.example", "type": "user"}, )"
                            R"("isDefault": false, "tenantId": "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7", )"
                            R"("environmentName": "AzureCloud"})"));
        QVERIFY(AzureProfile::fromJson(AzureProfile::toJson(s))->isTenantLevel());
    }

    void mergeIntoEmptyPicksFirstEnabled()
    {
        AzureProfile profile;
        const QString id = profile.merge(
            {sub(kNew1, QStringLiteral("Off"), QStringLiteral("Disabled")), sub(kNew2, QStringLiteral("On"))});
        QCOMPARE(id, kNew2);
        QCOMPARE(defaults(profile), QStringList{kNew2});
    }

    void mergeWithNoneEnabledPicksTheFirst()
    {
        AzureProfile profile;
        QCOMPARE(profile.merge({sub(kNew1, QStringLiteral("A"), QStringLiteral("Warned")),
                                sub(kNew2, QStringLiteral("B"), QStringLiteral("Disabled"))}),
                 kNew1);
        QCOMPARE(defaults(profile), QStringList{kNew1});
    }

    void mergeKeepsPreviousDefaultWhenTheLoginListsIt()
    {
        AzureProfile profile = loadSample();
        Subscription renamed = sub(kSandbox, QStringLiteral("Northwind Sandbox (renamed)"));
        QCOMPARE(profile.merge({sub(kNew1, QStringLiteral("New")), renamed}), kSandbox);
        const QList<Subscription> subs = profile.subscriptions();
        QCOMPARE(subs.size(), 4);
        // In place for known ids, new ids appended.
        QCOMPARE(subs.at(0).id, kProduction);
        QCOMPARE(subs.at(1).id, kSandbox);
        QCOMPARE(subs.at(1).name, QStringLiteral("Northwind Sandbox (renamed)"));
        QCOMPARE(subs.at(2).id, kShared);
        QCOMPARE(subs.at(3).id, kNew1);
        QCOMPARE(defaults(profile), QStringList{kSandbox});
    }

    void mergeMovesTheDefaultWhenTheLoginDoesNotListIt()
    {
        // az's _set_subscriptions looks for the previous default among the *new* subscriptions only: a login
        // that does not list it makes the first Enabled new one the default, although the old entry stays.
        AzureProfile profile = loadSample();
        QCOMPARE(profile.merge({sub(kNew1, QStringLiteral("Off"), QStringLiteral("Disabled")),
                                sub(kNew2, QStringLiteral("On"), QStringLiteral("Enabled"), kWoodgrove)}),
                 kNew2);
        QCOMPARE(profile.subscriptions().size(), 5);
        QCOMPARE(defaults(profile), QStringList{kNew2});
        QVERIFY(profile.find(kSandbox).has_value());
    }

    void mergeLeavesOtherEntriesUntouched()
    {
        AzureProfile profile = loadBytes(kMixed);
        const Json before = profile.document();
        Subscription replaced = sub(kProduction, QStringLiteral("Northwind Production"));
        QCOMPARE(profile.merge({replaced}), kProduction); // the default (AzureCloud) is listed: it stays
        const Json& after = profile.document();
        const Json& list = after["subscriptions"];
        QCOMPARE(list.size(), size_t(4));
        // The replaced entry is az's new dict (newer-az fields it no longer knows are gone, as in az).
        Json expectedFirst = AzureProfile::toJson(replaced);
        expectedFirst["isDefault"] = true;
        QCOMPARE(list[0], expectedFirst);
        // The service principal, China cloud and MSI entries keep every field; az's merge clears the
        // other default flags in every cloud.
        QCOMPARE(list[1], before["subscriptions"][1]);
        Json china = before["subscriptions"][2];
        china["isDefault"] = false;
        QCOMPARE(list[2], china);
        QCOMPARE(list[3], before["subscriptions"][3]);
        QCOMPARE(after["installationId"], before["installationId"]);
        QCOMPARE(after["someOtherTool"], before["someOtherTool"]);
        QCOMPARE(after.begin().key(), std::string("subscriptions"));
    }

    void mergeOfDuplicatesKeepsOneEntry()
    {
        AzureProfile profile;
        QCOMPARE(profile.merge({sub(kNew1, QStringLiteral("First")), sub(kNew1, QStringLiteral("Second"))}), kNew1);
        QCOMPARE(profile.subscriptions().size(), 1);
        QCOMPARE(profile.subscriptions().first().name, QStringLiteral("Second"));
        QVERIFY(profile.subscriptions().first().isDefault);
    }

    void mergeOfNothingChangesNothing()
    {
        AzureProfile profile = loadSample();
        const Json before = profile.document();
        QCOMPARE(profile.merge({}), QString());
        QCOMPARE(profile.document(), before);
    }

    void setDefaultClearsEveryCloud()
    {
        AzureProfile profile = loadBytes(kMixed);
        QVERIFY(profile.setDefault(QStringLiteral("44444444-0000-4000-8000-000000000001").toUpper(),
                                   QStringLiteral("AzureCloud")));
        QCOMPARE(defaults(profile), QStringList{"44444444-0000-4000-8000-000000000001"});
        // az account set only finds subscriptions of the active cloud.
        QVERIFY(
            !profile.setDefault(QStringLiteral("33333333-0000-4000-8000-000000000001"), QStringLiteral("AzureCloud")));
        QVERIFY(!profile.setDefault(QStringLiteral("00000000-0000-0000-0000-000000000000")));
        QCOMPARE(defaults(profile), QStringList{"44444444-0000-4000-8000-000000000001"});
        QVERIFY(profile.setDefault(QStringLiteral("33333333-0000-4000-8000-000000000001")));
        QCOMPARE(defaults(profile), QStringList{"33333333-0000-4000-8000-000000000001"});
    }

    void setDefaultChangesOnlyTheFlags()
    {
        AzureProfile profile = loadSample();
        QVERIFY(profile.setDefault(kShared));
        const QByteArray saved = saveBytes(profile, path());
        QByteArray expected = readFile(samplePath());
        expected.replace("\"isDefault\": true", "\"isDefault\": false");
        const qsizetype shared = expected.indexOf(kShared.toLatin1());
        const qsizetype flag = expected.indexOf("\"isDefault\": false", shared);
        expected.replace(flag, qsizetype(sizeof("\"isDefault\": false") - 1), "\"isDefault\": true");
        QCOMPARE(saved, expected);
    }

    void findResolvesLikeAzAccountSet()
    {
        AzureProfile profile = loadBytes(kMixed);
        QString error;
        QCOMPARE(profile.find(QStringLiteral("northwind PRODUCTION"), QStringLiteral("AzureCloud"))->id, kProduction);
        QCOMPARE(profile.find(kProduction.toUpper(), QStringLiteral("AzureCloud"))->id, kProduction);
        QCOMPARE(profile.find(QStringLiteral("BUILD \u00c9QUIPE \U0001F680"))->id,
                 QStringLiteral("22222222-0000-4000-8000-000000000001"));
        QVERIFY(!profile.find(QStringLiteral("China Dev"), QStringLiteral("AzureCloud"), &error));
        QCOMPARE(error, QStringLiteral("The subscription of 'china dev' doesn't exist in cloud 'AzureCloud'."));
        QCOMPARE(profile.find(QStringLiteral("China Dev"), QStringLiteral("AzureChinaCloud"))->id,
                 QStringLiteral("33333333-0000-4000-8000-000000000001"));
        QCOMPARE(profile.find({}, QStringLiteral("AzureCloud"))->id, kProduction); // empty: the default

        // Two with the same name (or a name equal to another's id) are ambiguous, as in az.
        profile.merge({sub(kNew1, QStringLiteral("Northwind Production"))});
        QVERIFY(!profile.find(QStringLiteral("Northwind Production"), QStringLiteral("AzureCloud"), &error));
        QCOMPARE(error,
                 QStringLiteral(
                     "The subscription of 'northwind production' has more than one match in cloud 'AzureCloud'."));
        QCOMPARE(profile.find(kNew1, QStringLiteral("AzureCloud"))->id, kNew1);
    }

    void removeUserLeavesOthersAndTheDefaultFlags()
    {
        AzureProfile profile = loadBytes(kMixed);
        QCOMPARE(profile.removeUser(QStringLiteral("SAM@northwind.example"), kWoodgrove), 0);
        QCOMPARE(profile.removeUser(QStringLiteral("SAM@northwind.example")), 2);
        const QList<Subscription> subs = profile.subscriptions();
        QCOMPARE(subs.size(), 2);
        QCOMPARE(subs.at(0).userType, QStringLiteral("servicePrincipal"));
        QCOMPARE(subs.at(1).userName, QStringLiteral("systemAssignedIdentity"));
        QVERIFY(defaults(profile).isEmpty()); // az logout does not pick a new default either
        QCOMPARE(profile.installationId(), QStringLiteral("b4b92d00-e716-11f1-aa58-02fc00000001"));
    }

    void removeUserOfOneTenant()
    {
        AzureProfile profile = loadSample();
        QCOMPARE(profile.removeUser(kSam, kWoodgrove), 1);
        QCOMPARE(profile.subscriptions().size(), 2);
        QCOMPARE(profile.subscriptions().at(1).id, kSandbox);
    }

    // The index `account list` and `login` print from gives, for every id, the entry storedEntry() gives: the
    // first readable one, ids compared case-insensitively, junk entries skipped -- in a 1,000-entry profile.
    void storedEntriesByIdAgreesWithStoredEntry()
    {
        QList<Subscription> many;
        for (int i = 0; i < 1000; ++i)
            many.append(sub(QStringLiteral("00000001-0000-4000-8000-%1").arg(i, 12, 16, QLatin1Char('0')),
                            QStringLiteral("Bench %1").arg(i)));
        AzureProfile profile = loadBytes(readFile(junkPath()));
        profile.merge(many);
        Json doc = profile.document();
        // A second entry for an id, upper-cased, as another tool might leave it: the first one is shown.
        Json twin = doc["subscriptions"].back();
        twin["id"] = "00000001-0000-4000-8000-0000000003E7";
        twin["name"] = "Shadowed";
        doc["subscriptions"].push_back(twin);
        profile = loadBytes(kBom + json::dumpPythonCompact(doc));

        const QHash<QString, const Json*> index = profile.storedEntriesById();
        QStringList ids;
        QSet<QString> distinct;
        for (const Subscription& s : profile.subscriptions()) {
            ids << s.id << s.id.toUpper();
            distinct.insert(s.id.toLower());
        }
        QCOMPARE(index.size(), distinct.size());
        ids << QStringLiteral("not-listed");
        for (const QString& id : ids) {
            const Json* found = index.value(AzureProfile::idKey(id));
            QCOMPARE(found ? *found : Json::object(), profile.storedEntry(id));
        }
        QCOMPARE(json::toQString((*index.value(AzureProfile::idKey(json::toQString(twin["id"]))))["name"]),
                 QStringLiteral("Bench 999"));
    }

    void clearKeepsInstallationId()
    {
        AzureProfile profile = loadSample();
        profile.clear();
        QVERIFY(profile.subscriptions().isEmpty());
        QCOMPARE(saveBytes(profile, path()),
                 kBom + R"({"subscriptions": [], "installationId": "b4b92d00-e716-11f1-aa58-02fc00000001"})");
    }
};

QTEST_GUILESS_MAIN(TestAzureProfile)
#include "TestAzureProfile.moc"
