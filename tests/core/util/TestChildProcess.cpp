#include "util/ChildProcess.h"

#include <QElapsedTimer>
#include <QTest>

#include <sys/resource.h>

using namespace tenantry;

namespace {

// This process's CPU time so far, user and system, in milliseconds.
qint64 cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval& t) { return qint64(t.tv_sec) * 1000 + t.tv_usec / 1000; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

} // namespace

class TestChildProcess : public QObject
{
    Q_OBJECT

private slots:
    void returnsOutputAndExitCode()
    {
        const auto result =
            runChildProcess(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("cat; echo oops >&2; exit 3")},
                            {}, QByteArrayLiteral("hello\n"));
        QVERIFY(result);
        QCOMPARE(result->exitCode, 3);
        QCOMPARE(result->out, QByteArrayLiteral("hello\n"));
        QCOMPARE(result->err, QByteArrayLiteral("oops\n"));
    }

    // A child that closes stdout and stderr and then works on (a daemonising tool, git's credential cache)
    // is waited for, not polled in a busy loop (QProcess waits on its exit notifier then).
    void waitsQuietlyForAChildThatClosedItsOutput()
    {
        const qint64 cpuBefore = cpuMs();
        QElapsedTimer wall;
        wall.start();
        const auto result = runChildProcess(
            QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("echo early; exec >&- 2>&-; sleep 1; exit 4")});
        QVERIFY(result);
        QCOMPARE(result->exitCode, 4);
        QCOMPARE(result->out, QByteArrayLiteral("early\n"));
        QVERIFY(wall.elapsed() >= 900);
        const qint64 cpu = cpuMs() - cpuBefore;
        QVERIFY2(cpu < 300, qPrintable(QStringLiteral("%1 ms of CPU while waiting 1 s").arg(cpu)));
    }

    void killsAChildPastItsTime()
    {
        ChildProcessLimits limits;
        limits.timeoutMs = 300;
        QElapsedTimer wall;
        wall.start();
        const auto result = runChildProcess(QStringLiteral("sleep"), {QStringLiteral("10")}, limits);
        QVERIFY(!result);
        QCOMPARE(result.error().code, Error::Code::TimedOut);
        QVERIFY(wall.elapsed() < 5000);
    }

    void stopsAChildThatPrintsTooMuch()
    {
        ChildProcessLimits limits;
        limits.maxOutputBytes = 64 * 1024;
        const auto result = runChildProcess(QStringLiteral("yes"), {}, limits);
        QVERIFY(!result);
        QCOMPARE(result.error().code, Error::Code::InvalidResponse);
    }

    void namesAProgramThatCannotStart()
    {
        const auto result = runChildProcess(QStringLiteral("tenantry-no-such-program"), {});
        QVERIFY(!result);
        QCOMPARE(result.error().code, Error::Code::Storage);
        QVERIFY(result.error().detail.contains(QStringLiteral("tenantry-no-such-program")));
    }
};

QTEST_GUILESS_MAIN(TestChildProcess)
#include "TestChildProcess.moc"
