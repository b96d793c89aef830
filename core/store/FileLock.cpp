#include "store/FileLock.h"

#include "store/FileLockPlatform.h"
#include "util/Logging.h"

#include <QCoreApplication>

#include <optional>
#include <thread>

namespace tenantry {

namespace {

using SteadyClock = std::chrono::steady_clock;

using namespace filelock;

// ---- Protocol ----

// Leading decimal digits of "<pid> <argv0>" (Python) or "<pid> <name>\n" (.NET); 0 when there are none.
qint64 leadingPid(const QByteArray& text)
{
    qint64 pid = 0;
    int digits = 0;
    for (char c : text) {
        if (c < '0' || c > '9' || digits == 18)
            break;
        pid = pid * 10 + (c - '0');
        ++digits;
    }
    return digits > 0 && (digits == text.size() || text.at(digits) == ' ' || text.at(digits) == '\n') ? pid : 0;
}

// The holder as the lock file names it, fit for an error message (a pid and a program path).
QString describeOwner(const QByteArray& text)
{
    QString owner = QString::fromUtf8(text.left(200)).trimmed();
    for (QChar& c : owner) {
        if (!c.isPrint())
            c = QLatin1Char('?');
    }
    return owner;
}

enum class Probe { Held, Vanished, Stale, Unfit };

// Opens the lock file at `path`; kInvalid with `unfit` saying why when what is there must not be used.
Handle openFitFile(const QString& path, bool create, int* err, QString* unfit)
{
    const Handle h = openFile(path, create, err);
    if (h == kInvalid) {
        *unfit = openRefusal(*err);
        return kInvalid;
    }
    *unfit = unfitReason(h);
    if (unfit->isEmpty())
        return h;
    closeFile(h);
    return kInvalid;
}

QString unfitError(const QString& path, const QString& reason)
{
    return QCoreApplication::translate(
               "tenantry::FileLock", "Refusing to use the lock file %1: %2. Nothing was written to it; remove it if no "
                                     "program of yours is using it")
        .arg(path, reason);
}

// A lock file that could not be created exclusively: is its owner gone? Returns Stale with `handle`
// holding the flock and `detail` naming its owner when a dead process left it behind, Unfit with
// `detail` saying why when what is at the path is not a lock file Tenantry may take over.
Probe probeExisting(const QString& path, const FileLockOptions& options, Handle* handle, QString* detail)
{
    int err = 0;
    QString unfit;
    const Handle h = openFitFile(path, /*create=*/false, &err, &unfit);
    if (!unfit.isEmpty()) {
        *detail = unfit;
        return Probe::Unfit;
    }
    if (h == kInvalid)
        return isVanished(err) ? Probe::Vanished : Probe::Held;
    if (tryLock(h, &err) != LockOutcome::Locked) {
        closeFile(h);
        return Probe::Held;
    }
    if (!isStillAt(h, path)) {
        unlockFile(h);
        closeFile(h);
        return Probe::Vanished;
    }
    // Nobody holds it. A live owner is in this state only between its steps (create -> flock, or
    // unlock -> delete), for microseconds; a crashed one forever (the OS dropped its flock).
    const QByteArray text = readHead(h);
    const qint64 pid = leadingPid(text);
    bool stale = false;
    if (pid > 0) {
        stale = !processAlive(pid);
    } else {
        const auto age = fileAge(h);
        stale = age && *age >= options.staleEmptyFileAge;
    }
    if (!stale) {
        unlockFile(h);
        closeFile(h);
        return Probe::Held;
    }
    *detail = describeOwner(text);
    *handle = h;
    return Probe::Stale;
}

void sleepFor(std::chrono::milliseconds interval)
{
    std::this_thread::sleep_for(interval);
}

qint64 elapsedMs(SteadyClock::time_point since)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - since).count();
}

QString argv0()
{
    if (QCoreApplication::instance()) {
        const QStringList args = QCoreApplication::arguments();
        if (!args.isEmpty())
            return args.first();
    }
    const QString fromSystem = programPathFromSystem();
    return fromSystem.isEmpty() ? QStringLiteral("tenantry") : fromSystem;
}

} // namespace

FileLock::FileLock(QString lockPath)
    : FileLock(std::move(lockPath), Options())
{}

FileLock::FileLock(QString lockPath, Options options)
    : m_path(std::move(lockPath))
    , m_options(options)
{}

FileLock::~FileLock()
{
    release();
}

QByteArray FileLock::ownerText()
{
    return QByteArray::number(QCoreApplication::applicationPid()) + ' ' + argv0().toUtf8();
}

bool FileLock::fail(Status status, const QString& error)
{
    m_status = status;
    m_error = error;
    qCWarning(lcStore).noquote() << error;
    return false;
}

bool FileLock::acquire()
{
    if (isLocked())
        return true;
    m_error.clear();
    m_recoveredStale = false;
    const auto start = SteadyClock::now();
    Handle handle = kInvalid;
    int err = 0;

    // Phase 1: the exclusive create. This, not the flock, is what serialises against msal-extensions.
    bool created = false;
    const auto createDeadline = start + m_options.createTimeout;
    for (;;) {
        const CreateOutcome outcome = createExclusive(m_path, &err);
        if (outcome == CreateOutcome::Created) {
            created = true;
            break;
        }
        if (outcome == CreateOutcome::Error) {
            return fail(Status::Failed,
                        QCoreApplication::translate("tenantry::FileLock", "Cannot create the lock file %1: %2")
                            .arg(m_path, qt_error_string(err)));
        }
        QString detail;
        const Probe probe = probeExisting(m_path, m_options, &handle, &detail);
        if (probe == Probe::Unfit)
            return fail(Status::Failed, unfitError(m_path, detail));
        if (probe == Probe::Stale) {
            m_recoveredStale = true;
            qCInfo(lcStore).noquote() << "Took over the lock file" << m_path << "left behind by"
                                      << (detail.isEmpty() ? QStringLiteral("a process that is gone")
                                                           : QStringLiteral("\"%1\", no longer running").arg(detail));
            break;
        }
        if (SteadyClock::now() >= createDeadline) {
            // As msal-extensions: carry on to the flock, which is the real arbiter from here.
            qCDebug(lcStore).noquote() << "Could not create the lock file" << m_path << "within"
                                       << m_options.createTimeout.count() << "ms; trying to lock it anyway";
            break;
        }
        if (probe == Probe::Held)
            sleepFor(m_options.retryInterval);
    }

    // Phase 2: flock, unless the stale take-over already holds it.
    if (handle == kInvalid) {
        const auto lockDeadline = SteadyClock::now() + m_options.lockTimeout;
        for (;;) {
            QString unfit;
            handle = openFitFile(m_path, /*create=*/true, &err, &unfit);
            if (!unfit.isEmpty())
                return fail(Status::Failed, unfitError(m_path, unfit));
            if (handle == kInvalid) {
                return fail(Status::Failed,
                            QCoreApplication::translate("tenantry::FileLock", "Cannot open the lock file %1: %2")
                                .arg(m_path, qt_error_string(err)));
            }
            const LockOutcome outcome = tryLock(handle, &err);
            if (outcome == LockOutcome::Locked && isStillAt(handle, m_path))
                break;
            QString owner;
            if (outcome == LockOutcome::Locked)
                unlockFile(handle); // its holder deleted it under us: lock the file now at the path
            else
                owner = describeOwner(readHead(handle));
            closeFile(handle);
            handle = kInvalid;
            if (outcome == LockOutcome::Error) {
                return fail(Status::Failed,
                            QCoreApplication::translate("tenantry::FileLock", "Cannot lock the lock file %1: %2")
                                .arg(m_path, qt_error_string(err)));
            }
            if (SteadyClock::now() >= lockDeadline) {
                const QString heldBy =
                    owner.isEmpty() ? QString()
                                    : QCoreApplication::translate("tenantry::FileLock", " (held by %1)").arg(owner);
                return fail(
                    Status::TimedOut,
                    QCoreApplication::translate("tenantry::FileLock",
                                                "Timed out after %1 s waiting for the lock file %2%3; "
                                                "another program is using the token cache")
                        .arg(QString::number(static_cast<double>(elapsedMs(start)) / 1000.0, 'f', 1), m_path, heldBy));
            }
            if (outcome == LockOutcome::Busy)
                sleepFor(m_options.retryInterval);
        }
    }

    if (!writeOwner(handle, ownerText(), &err)) {
        // The lock is held all the same; the text only tells people who holds it.
        qCWarning(lcStore).noquote() << "Could not write to the lock file" << m_path << ":" << qt_error_string(err);
    }
    m_handle = handle;
    m_status = Status::Locked;
    qCDebug(lcStore).noquote() << "Locked" << m_path << "in" << elapsedMs(start) << "ms"
                               << (created ? "" : "(without creating it)");
    return true;
}

void FileLock::release()
{
    if (m_handle == kInvalid)
        return;
    releaseFile(m_handle, m_path);
    m_handle = kInvalid;
    m_status = Status::Unlocked;
    qCDebug(lcStore).noquote() << "Released" << m_path;
}

} // namespace tenantry
