#include "util/ProcessGuard.h"

#include <QCoreApplication>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <typeinfo>

#if __has_include(<cxxabi.h>)
#include <cxxabi.h>
#define TENANTRY_HAS_CXXABI 1
#endif

namespace tenantry {

namespace {

const char* g_programName = "tenantry";
std::atomic<bool> g_escaped{false};

QString readableTypeName(const char* name)
{
#ifdef TENANTRY_HAS_CXXABI
    int status = 0;
    char* demangled = abi::__cxa_demangle(name, nullptr, nullptr, &status);
    if (status == 0 && demangled) {
        const QString readable = QString::fromLatin1(demangled);
        std::free(demangled);
        return readable;
    }
    std::free(demangled);
#endif
    return QString::fromLatin1(name);
}

QString exceptionTypeName(std::exception_ptr exception)
{
    if (!exception)
        return {};
    try {
        std::rethrow_exception(exception);
    } catch (const std::exception& e) {
        return readableTypeName(typeid(e).name()); // the dynamic type, e.g. nlohmann's type_error
    } catch (...) {
#ifdef TENANTRY_HAS_CXXABI
        if (const std::type_info* type = abi::__cxa_current_exception_type())
            return readableTypeName(type->name());
#endif
    }
    return QStringLiteral("unknown type");
}

void writeLine(const QString& line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}

[[noreturn]] void onTerminate()
{
    writeLine(ProcessGuard::describe(std::current_exception(), "was not handled"));
    std::_Exit(ProcessGuard::kExitCode); // no destructors: the state that led here is unknown
}

} // namespace

void ProcessGuard::install(const char* programName)
{
    g_programName = programName;
    std::set_terminate(onTerminate);
}

void ProcessGuard::handleEscapedException(std::exception_ptr exception) noexcept
{
    g_escaped = true;
    writeLine(describe(exception, "reached the event loop"));
    QCoreApplication* app = QCoreApplication::instance();
    if (!app)
        std::_Exit(kExitCode);
    if (QThread::currentThread() == app->thread())
        QCoreApplication::exit(kExitCode);
    // Queued too: before exec() an exit() is lost, and from another thread this is how to reach the loop.
    QMetaObject::invokeMethod(
        app, [] { QCoreApplication::exit(kExitCode); }, Qt::QueuedConnection);
}

int ProcessGuard::exitCode(int eventLoopResult)
{
    return g_escaped ? kExitCode : eventLoopResult;
}

QString ProcessGuard::describe(std::exception_ptr exception, const char* where)
{
    const QString type = exceptionTypeName(exception);
    const QString what = type.isEmpty() ? QStringLiteral("std::terminate was called")
                                        : QStringLiteral("an exception of type %1 %2").arg(type, QLatin1String(where));
    return QStringLiteral("ERROR: internal error: %1; %2 stopped.").arg(what, QLatin1String(g_programName));
}

} // namespace tenantry
