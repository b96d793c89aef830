#include "fakes/TestFiles.h"
#include "store/AtomicFile.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <ctime>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace tenantry;
using tenantry::test::readFile;
using tenantry::test::writeFile;

namespace {

struct stat statOf(const QString& path)
{
    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        st.st_mode = 0;
    return st;
}

int modeOf(const QString& path)
{
    return int(statOf(path).st_mode & 07777);
}

void chmodTo(const QString& path, int mode)
{
    QVERIFY(::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0);
}

// Everything in `dir`, hidden files included: no temporary file may be left behind.
QStringList entries(const QTemporaryDir& dir)
{
    return QDir(dir.path())
        .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

// Makes every file write beyond `bytes` fail with EFBIG (as a full disk would), for one scope.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        ::getrlimit(RLIMIT_FSIZE, &m_saved);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit limit = m_saved;
        limit.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    struct rlimit m_saved = {};
    void (*m_oldHandler)(int) = nullptr;
};

} // namespace

class TestAtomicFile : public QObject
{
    Q_OBJECT

private slots:
    void newFileGetsTheRequestedModeWhateverTheUmask()
    {
        QTemporaryDir dir;
        const mode_t saved = ::umask(0);
        QString error;
        const QString cache = dir.filePath(QStringLiteral("msal_token_cache.json"));
        const bool written = AtomicFile::write(cache, "{}", &error);
        const QString profile = dir.filePath(QStringLiteral("azureProfile.json"));
        const bool written644 = AtomicFile::write(profile, "{}", 0644, &error);
        ::umask(saved);
        QVERIFY2(written && written644, qPrintable(error));
        QCOMPARE(modeOf(cache), 0600);
        QCOMPARE(modeOf(profile), 0644);
        QCOMPARE(readFile(cache), QByteArray("{}"));
        QCOMPARE(entries(dir),
                 QStringList({QStringLiteral("azureProfile.json"), QStringLiteral("msal_token_cache.json")}));
    }

    void replaceKeepsTheExistingModeAndSwapsTheFileWhole()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("f.json"));
        writeFile(path, "old content");
        chmodTo(path, 0640);
        const ino_t before = statOf(path).st_ino;
        QString error;
        QVERIFY2(AtomicFile::write(path, "new", 0600, &error), qPrintable(error));
        QCOMPARE(readFile(path), QByteArray("new"));
        QCOMPARE(modeOf(path), 0640);           // kept, neither narrowed to 0600 nor widened
        QVERIFY(statOf(path).st_ino != before); // renamed over, never rewritten in place
        QCOMPARE(entries(dir), QStringList(QStringLiteral("f.json")));

        chmodTo(path, 04600); // a setuid bit is not carried over
        QVERIFY2(AtomicFile::write(path, "newer", 0644, &error), qPrintable(error));
        QCOMPARE(modeOf(path), 0600);
    }

    void alwaysPolicySetsTheModeWhateverTheOldOne()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secret.json"));
        writeFile(path, "old");
        chmodTo(path, 0666);
        QString error;
        QVERIFY2(AtomicFile::write(path, "new", 0600, AtomicFile::ModePolicy::Always, &error), qPrintable(error));
        QCOMPARE(readFile(path), QByteArray("new"));
        QCOMPARE(modeOf(path), 0600);
    }

    void mtimeIsThePreciseCurrentTime()
    {
        // msal-extensions reloads only when mtime > its last time.time(); a coarse kernel stamp can be
        // behind that. The written file's mtime is never before the moment the write started.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("f.json"));
        for (int i = 0; i < 20; ++i) {
            struct timespec before = {};
            ::clock_gettime(CLOCK_REALTIME, &before);
            QString error;
            QVERIFY(AtomicFile::write(path, QByteArray::number(i), &error));
            const struct stat st = statOf(path);
            const bool notBefore = st.st_mtim.tv_sec > before.tv_sec ||
                                   (st.st_mtim.tv_sec == before.tv_sec && st.st_mtim.tv_nsec >= before.tv_nsec);
            QVERIFY(notBefore);
        }
    }

    void failedWriteLeavesTheOriginalAndNoTemporaryFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("f.json"));
        writeFile(path, "original");
        QString error;
        bool written = true;
        {
            FileSizeLimit limit(16);
            written = AtomicFile::write(path, QByteArray(4096, 'x'), &error);
        }
        QVERIFY(!written);
        QCOMPARE(readFile(path), QByteArray("original"));
        QCOMPARE(entries(dir), QStringList(QStringLiteral("f.json")));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains(qt_error_string(EFBIG)), qPrintable(error)); // the OS reason
    }

    void errorsNameTheFileAndTheReason()
    {
        QTemporaryDir dir;
        QString error;
        const QString inMissingDir = dir.filePath(QStringLiteral("nope/f.json"));
        QVERIFY(!AtomicFile::write(inMissingDir, "x", &error));
        QVERIFY2(error.contains(inMissingDir) && error.contains(qt_error_string(ENOENT)), qPrintable(error));

        const QString aDirectory = dir.filePath(QStringLiteral("sub"));
        QVERIFY(QDir().mkpath(aDirectory));
        QVERIFY(!AtomicFile::write(aDirectory, "x", &error));
        QVERIFY2(error.contains(aDirectory) && error.contains(QStringLiteral("not a regular file")), qPrintable(error));
        QCOMPARE(entries(dir), QStringList(QStringLiteral("sub")));
        QVERIFY(QDir(aDirectory).isEmpty());
    }

    void symlinkStaysASymlink()
    {
        QTemporaryDir dir;
        const QString real = dir.filePath(QStringLiteral("real.json"));
        const QString link = dir.filePath(QStringLiteral("link.json"));
        writeFile(real, "old");
        chmodTo(real, 0600);
        QVERIFY(QFile::link(real, link));
        QString error;
        QVERIFY2(AtomicFile::write(link, "new", &error), qPrintable(error));
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(readFile(real), QByteArray("new"));
        QCOMPARE(modeOf(real), 0600);
    }

    void createNewNeverReplaces()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("f.json.bak"));
        QString error;
        QCOMPARE(AtomicFile::createNew(path, "first", 0600, &error), AtomicFile::CreateResult::Created);
        QCOMPARE(modeOf(path), 0600);
        QCOMPARE(AtomicFile::createNew(path, "second", 0600, &error), AtomicFile::CreateResult::Exists);
        QCOMPARE(readFile(path), QByteArray("first"));

        const QString other = dir.filePath(QStringLiteral("g.json.bak"));
        {
            FileSizeLimit limit(4);
            QCOMPARE(AtomicFile::createNew(other, "too long for the limit", 0600, &error),
                     AtomicFile::CreateResult::Failed);
        }
        QVERIFY(!QFileInfo::exists(other)); // nothing half-written left
        QVERIFY2(error.contains(other), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "TestAtomicFile.moc"
