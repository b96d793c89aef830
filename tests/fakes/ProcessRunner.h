#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

namespace tenantry::test {

// Runs a program to completion (tests only) and keeps what it printed.
struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool started = false;
};

// For failure messages: the exit code, stdout (leave it out where it may hold a token) and stderr, cut short.
QByteArray describe(const ProcessResult& run, bool withOutput = true);

ProcessResult runProcess(const QString& program, const QStringList& args, const QProcessEnvironment& env,
                         int timeoutMs = 120000, const QByteArray& stdinData = {});

// As runProcess, but waits in this thread's event loop, so fakes living in it (the test identity
// provider, a proxy) keep answering the program.
ProcessResult runProcessServing(const QString& program, const QStringList& args, const QProcessEnvironment& env,
                                int timeoutMs = 120000);

// An environment for az / tenantry-cli confined to `configDir`: no telemetry, no colour, no
// update checks, HOME inside the temp dir so nothing of the user's is read.
QProcessEnvironment azEnvironment(const QString& configDir);

// A whole user confined to `home`, for tests that run az and tenantry-cli with other tools: azEnvironment()
// for home/.azure, HOME and XDG_CONFIG_HOME inside it, keychain-and-file (az reads the file), and none of the
// machine's proxies or TENANTRY_CLIENT_ID (NO_PROXY=*: the test identity provider is reached directly).
QProcessEnvironment confinedUserEnvironment(const QString& home);

QString tenantryCli(); // build/bin/tenantry-cli

// Where a CLI test runs tenantry-cli: a fresh az config directory for each test function, inside one
// temporary directory, and the environment confining az and tenantry-cli to it (keychain-and-file, so
// msal_token_cache.json stays in step with the keychain, as az reads it).
class CliSandbox
{
public:
    QString renew(); // a new, empty config directory; empty when it could not be made
    QProcessEnvironment& environment() { return m_env; }
    ProcessResult cli(const QStringList& args) const { return runProcess(tenantryCli(), args, m_env, 60000); }

private:
    QTemporaryDir m_root;
    int m_count = 0;
    QProcessEnvironment m_env;
};
bool azAvailable(); // Debian's azure-cli at /usr/bin/az

} // namespace tenantry::test
