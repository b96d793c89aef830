#include "fakes/ProcessRunner.h"

#include "TestConfig.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QTimer>

namespace tenantry::test {

namespace {

// What a finished (or killed) process left: its exit code and output.
void collect(QProcess& process, ProcessResult& result)
{
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
}

} // namespace

ProcessResult runProcess(const QString& program, const QStringList& args, const QProcessEnvironment& env, int timeoutMs,
                         const QByteArray& stdinData)
{
    ProcessResult result;
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, args);
    result.started = process.waitForStarted(10000);
    if (!result.started)
        return result;
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
    }
    collect(process, result);
    return result;
}

ProcessResult runProcessServing(const QString& program, const QStringList& args, const QProcessEnvironment& env,
                                int timeoutMs)
{
    ProcessResult result;
    QProcess process;
    process.setProcessEnvironment(env);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    process.start(program, args);
    process.closeWriteChannel();
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    result.started = process.error() != QProcess::FailedToStart;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
    }
    collect(process, result);
    return result;
}

QProcessEnvironment azEnvironment(const QString& configDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("AZURE_CONFIG_DIR"), configDir);
    env.insert(QStringLiteral("AZURE_CORE_COLLECT_TELEMETRY"), QStringLiteral("no"));
    env.insert(QStringLiteral("AZURE_CORE_NO_COLOR"), QStringLiteral("1"));
    env.insert(QStringLiteral("AZURE_CORE_SURVEY_MESSAGE"), QStringLiteral("no"));
    env.insert(QStringLiteral("AZURE_CORE_DISABLE_CONFIRM_PROMPT"), QStringLiteral("yes"));
    env.insert(QStringLiteral("AZURE_CORE_ONLY_SHOW_ERRORS"), QStringLiteral("yes"));
    // The Debian interpreter has the azure and msal packages; another python first on PATH may not.
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin:") + env.value(QStringLiteral("PATH")));
    env.remove(QStringLiteral("PYTHONPATH"));
    env.remove(QStringLiteral("PYTHONHOME"));
    return env;
}

QString tenantryCli()
{
    return QStringLiteral(TENANTRY_BIN_DIR "/tenantry-cli");
}

QProcessEnvironment confinedUserEnvironment(const QString& home)
{
    QProcessEnvironment env = azEnvironment(home + QStringLiteral("/.azure"));
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    env.insert(QStringLiteral("TENANTRY_STORAGE_MODE"), QStringLiteral("keychain-and-file"));
    env.insert(QStringLiteral("NO_PROXY"), QStringLiteral("*"));
    for (const char* name :
         {"TENANTRY_CLIENT_ID", "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
        env.remove(QString::fromLatin1(name));
    return env;
}

QString CliSandbox::renew()
{
    const QString config = m_root.filePath(QStringLiteral("azure-%1").arg(++m_count));
    if (!m_root.isValid() || !QDir().mkpath(config))
        return QString();
    m_env = azEnvironment(config);
    m_env.insert(QStringLiteral("TENANTRY_STORAGE_MODE"), QStringLiteral("keychain-and-file"));
    return config;
}

bool azAvailable()
{
    return QFileInfo(QStringLiteral("/usr/bin/az")).isExecutable();
}

QByteArray describe(const ProcessResult& run, bool withOutput)
{
    return "exit " + QByteArray::number(run.exitCode) +
           (withOutput ? QByteArray("\nstdout: ") + run.out.left(2000) : QByteArray()) +
           "\nstderr: " + run.err.left(4000);
}

} // namespace tenantry::test
