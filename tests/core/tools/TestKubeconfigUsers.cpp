// Which kubeconfig users `kubeconfig convert` rewrites, how, and what kube-token prints for kubectl.
#include "tools/ExecCredential.h"
#include "tools/KubeconfigUsers.h"
#include "util/Json.h"

#include <QtTest>

using namespace tenantry;

namespace {

const QString kServer = QStringLiteral("6dae42f8-4368-4678-94ff-3960e28e3630");

QByteArray view(const Json& users)
{
    return QByteArray::fromStdString(Json({{"users", users}}).dump());
}

Json execUser(const std::string& name, const std::string& command, const Json& args)
{
    return {{"name", name}, {"user", {{"exec", {{"command", command}, {"args", args}}}}}};
}

} // namespace

class TestKubeconfigUsers : public QObject
{
    Q_OBJECT

private slots:
    void picksKubeloginAzAndAuthProviderUsers()
    {
        const std::string id = kServer.toStdString();
        const Json users = Json::array(
            {execUser("kl", "/usr/local/bin/kubelogin",
                      {"get-token", "--server-id", id, "--tenant-id", "contoso.onmicrosoft.com", "-l", "azurecli"}),
             execUser("kl-eq", "kubelogin.exe", {"get-token", "--server-id=" + id}),
             execUser("az", "az", {"account", "get-access-token", "--resource", id, "-o", "json"}),
             {{"name", "legacy"},
              {"user",
               {{"auth-provider",
                 {{"name", "azure"}, {"config", {{"apiserver-id", id}, {"tenant-id", "t.example"}}}}}}}},
             execUser("spn", "kubelogin", {"get-token", "--server-id", id, "--login", "spn"}),
             execUser("shell", "kubelogin", {"get-token", "--server-id", "$(rm -rf ~)"}),
             execUser("-flag", "kubelogin", {"get-token", "--server-id", id}),
             {{"name", "dotted.name"},
              {"user", {{"auth-provider", {{"name", "azure"}, {"config", {{"apiserver-id", id}}}}}}}},
             execUser("gke", "gke-gcloud-auth-plugin", Json::array()),
             {{"name", "cert"}, {"user", {{"client-certificate-data", "x"}}}},
             42,
             {{"name", "junk"}, {"user", "x"}}});
        const auto plan = planKubeconfigConversion(view(users));
        QVERIFY(plan.has_value());
        QStringList names;
        for (const KubeconfigUser& user : plan->users)
            names.append(user.name);
        QCOMPARE(names, (QStringList{"kl", "kl-eq", "az", "legacy"}));
        QCOMPARE(plan->users[0].tenantId, QStringLiteral("contoso.onmicrosoft.com"));
        QCOMPARE(plan->users[1].serverId, kServer);
        QCOMPARE(plan->users[3].source, KubeconfigUser::Source::AzAuthProvider);
        QStringList skipped;
        for (const KubeconfigSkippedUser& user : plan->skipped)
            skipped.append(user.name);
        QCOMPARE(skipped, (QStringList{"spn", "shell", "-flag", "dotted.name"}));

        QCOMPARE(kubectlConversionCommands(plan->users[3], QStringLiteral("/bin/tenantry-cli")),
                 (QList<QStringList>{{"config", "unset", "users.legacy.auth-provider"},
                                     {"config", "set-credentials", "--exec-command=/bin/tenantry-cli",
                                      "--exec-arg=kube-token", "--exec-arg=--server-id", "--exec-arg=" + kServer,
                                      "--exec-arg=--tenant", "--exec-arg=t.example",
                                      "--exec-api-version=client.authentication.k8s.io/v1beta1", "--", "legacy"}}));
    }

    void refusesWhatIsNoKubeconfig()
    {
        QVERIFY(!planKubeconfigConversion("[]").has_value());
        QVERIFY(!planKubeconfigConversion("{").has_value());
        QVERIFY(planKubeconfigConversion("{\"users\":null}").has_value());
    }

    void execCredentialForKubectl()
    {
        QCOMPARE(execCredentialVersionAsked(QByteArray()).value(), ExecCredentialVersion::V1Beta1);
        QCOMPARE(execCredentialVersionAsked(R"({"apiVersion":"client.authentication.k8s.io/v1"})").value(),
                 ExecCredentialVersion::V1);
        QVERIFY(!execCredentialVersionAsked(R"({"apiVersion":7})").has_value());
        QVERIFY(!execCredentialVersionAsked(QByteArray(300 * 1024, ' ') + "{}").has_value());
        const QByteArray credential =
            execCredentialJson(ExecCredentialVersion::V1, Secret(QStringLiteral("tok")), 1800000000);
        QCOMPARE(credential, QByteArray(R"({"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1",)"
                                        R"("spec":{},"status":{"expirationTimestamp":"2027-01-15T08:00:00Z",)"
                                        R"("token":"tok"}})"
                                        "\n"));
    }
};

QTEST_GUILESS_MAIN(TestKubeconfigUsers)
#include "TestKubeconfigUsers.moc"
