// The hardening both programs apply in main(): no core dumps, and an exception that escapes an event
// handler (or main) ends the process with one line on stderr and exit code 1, never SIGABRT. The
// exceptions are thrown in child runs of this test binary, so that each ends its own process.

#include "util/ProcessGuard.h"

#include <QCoreApplication>
#include <QEvent>
#include <QProcess>
#include <QTest>

#include <cstring>
#include <stdexcept>

#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

using namespace tenantry;

namespace {

const char* const kThrowInEventHandler = "--child-throws-in-event-handler";
const char* const kThrowNonStdInSlot = "--child-throws-int-in-slot";
const char* const kThrowInMain = "--child-throws-in-main";

// An object whose event handler fails in a way nobody catches; its text stands for data that must
// not reach the terminal.
class ThrowingObject : public QObject
{
public:
    bool event(QEvent* event) override
    {
        if (event->type() == QEvent::User)
            throw std::out_of_range("tenant 'Contoso' secret=abc");
        return QObject::event(event);
    }
};

int runChild(int argc, char** argv, const char* mode)
{
    ProcessGuard::install("guard-child");
    if (std::strcmp(mode, kThrowInMain) == 0)
        throw 42; // escapes main(): std::terminate
    GuardedApplication<QCoreApplication> app(argc, argv);
    ThrowingObject object;
    if (std::strcmp(mode, kThrowInEventHandler) == 0)
        QCoreApplication::postEvent(&object, new QEvent(QEvent::User));
    else
        QMetaObject::invokeMethod(
            &object, [] { throw 7; }, Qt::QueuedConnection);
    // A later exit(0) (a command finishing anyway) must not turn the failure into success.
    QMetaObject::invokeMethod(
        &object, [] { QCoreApplication::exit(0); }, Qt::QueuedConnection);
    return ProcessGuard::exitCode(QCoreApplication::exec());
}

} // namespace

class TestProcessGuard : public QObject
{
    Q_OBJECT

private slots:
    void coreDumpsAreOff()
    {
#if defined(Q_OS_UNIX)
        QString error;
        QVERIFY2(ProcessGuard::disableCoreDumps(&error), qPrintable(error));
        rlimit limit{};
        QCOMPARE(getrlimit(RLIMIT_CORE, &limit), 0);
        QCOMPARE(limit.rlim_cur, rlim_t(0));
        QCOMPARE(limit.rlim_max, rlim_t(0));
#if defined(Q_OS_LINUX)
        QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
#endif
#else
        QSKIP("core dumps are a Unix matter here");
#endif
    }

    void exceptionFromAnEventHandlerEndsTheProgramWithExitCode1()
    {
        expectExit1With(kThrowInEventHandler, "ERROR: internal error: an exception of type std::out_of_range reached "
                                              "the event loop; guard-child stopped.\n");
    }

    void anyThrownValueFromASlotIsCaughtToo()
    {
        expectExit1With(
            kThrowNonStdInSlot,
            "ERROR: internal error: an exception of type int reached the event loop; guard-child stopped.\n");
    }

    void exceptionEscapingMainExitsWith1InsteadOfAborting()
    {
        expectExit1With(kThrowInMain,
                        "ERROR: internal error: an exception of type int was not handled; guard-child stopped.\n");
    }

private:
    // The child ends normally (no SIGABRT) with exit code 1, and stderr holds exactly `line`.
    static void expectExit1With(const char* mode, const QByteArray& line)
    {
        QProcess process;
        process.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(mode)});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        QCOMPARE(process.readAllStandardError(), line);
    }
};

int main(int argc, char** argv)
{
    for (const char* mode : {kThrowInEventHandler, kThrowNonStdInSlot, kThrowInMain}) {
        if (argc == 2 && std::strcmp(argv[1], mode) == 0)
            return runChild(argc, argv, mode);
    }
    QCoreApplication app(argc, argv);
    TestProcessGuard test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestProcessGuard.moc"
