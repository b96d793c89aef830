#include "fakes/FakeAzureHosts.h"

#include "TestConfig.h"
#include "fakes/HttpServer.h"
#include "fakes/TestIdentityProvider.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString> // QStringBuilder: the byte arrays below are joined with +
#include <QUrl>
#include <QtGlobal>

#include <cstdio>
#include <unistd.h>
#include <vector>

namespace tenantry::test {

bool serveSampleDirectoryAtRealHostNames(TestIdentityProvider& idp, QString* error)
{
    if (!idp.loadConfig(TestIdentityProvider::sampleConfig(), error))
        return false;
    idp.setAuthorityUrl(QUrl(QStringLiteral("https://login.microsoftonline.com")));
    idp.setArmUrl(QUrl(QStringLiteral("https://management.azure.com")));
    if (!idp.enableTls(qEnvironmentVariable("TENANTRY_TEST_TLS_CERT"), qEnvironmentVariable("TENANTRY_TEST_TLS_KEY"),
                       error))
        return false;
    if (!idp.listen(QHostAddress::LocalHost, 443)) {
        *error = idp.server()->errorString();
        return false;
    }
    return true;
}

void reexecInsideFakeAzureHosts(int argc, char** argv)
{
    if (qgetenv(kFakeAzureHostsVariable) == "1" || !qEnvironmentVariableIsEmpty(kFakeAzureHostsSkipVariable))
        return;
    const QByteArray script = TENANTRY_SOURCE_DIR "/scripts/fake-azure-hosts.sh";
    const QByteArray check = "'" + script + "' --isolate-net --check 2>&1";
    QByteArray why;
    if (FILE* pipe = ::popen(check.constData(), "r")) {
        char buffer[512];
        while (std::fgets(buffer, sizeof buffer, pipe))
            why += buffer;
        if (::pclose(pipe) == 0) {
            char self[4096];
            const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
            self[length > 0 ? length : 0] = '\0';
            std::vector<char*> args = {const_cast<char*>("bash"),     const_cast<char*>(script.constData()),
                                       const_cast<char*>("--no-nss"), const_cast<char*>("--isolate-net"),
                                       const_cast<char*>("--"),       self};
            for (int i = 1; i < argc; ++i)
                args.push_back(argv[i]);
            args.push_back(nullptr);
            ::execv("/bin/bash", args.data());
            why = "cannot run " + script;
        }
    }
    qputenv(kFakeAzureHostsSkipVariable, "no private mount namespace for the fake Azure hosts: " + why.trimmed());
}

} // namespace tenantry::test
