#include "azure/AzureConfigDir.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace tenantry;

namespace {

QStringList g_warnings;
QtMessageHandler g_previousHandler = nullptr;

void recordWarning(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type == QtWarningMsg)
        g_warnings.append(message);
    g_previousHandler(type, context, message);
}

int modeOf(const QString& path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

// Sets the umask for one scope.
class ScopedUmask
{
public:
    explicit ScopedUmask(mode_t mask)
        : m_saved(::umask(mask))
    {}
    ~ScopedUmask() { ::umask(m_saved); }
    ScopedUmask(const ScopedUmask&) = delete;
    ScopedUmask& operator=(const ScopedUmask&) = delete;

private:
    mode_t m_saved;
};

} // namespace

class TestAzureConfigDir : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { g_previousHandler = qInstallMessageHandler(recordWarning); }
    void cleanupTestCase() { qInstallMessageHandler(g_previousHandler); }
    void init() { g_warnings.clear(); }

    void missingDirectoryIsCreatedPrivateWhateverTheUmask()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("home/.azure"));
        const ScopedUmask open(0);
        QString error;
        QVERIFY2(AzureConfigDir(path).ensureExists(&error), qPrintable(error));
        QCOMPARE(modeOf(path), 0700);
        QVERIFY(g_warnings.isEmpty());
    }

    void directoryOthersCanWriteIsWarnedAboutOnce()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral(".azure"));
        QVERIFY(::mkdir(QFile::encodeName(path).constData(), 0700) == 0);
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0777) == 0);
        QString error;
        QVERIFY2(AzureConfigDir(path).ensureExists(&error), qPrintable(error)); // still used: az uses it too
        QCOMPARE(g_warnings.size(), 1);
        QVERIFY2(g_warnings.first().contains(path) && g_warnings.first().contains(QStringLiteral("group can write")) &&
                     g_warnings.first().contains(QStringLiteral("everyone can write")),
                 qPrintable(g_warnings.first()));
        QVERIFY(AzureConfigDir(path).ensureExists(&error));
        QCOMPARE(g_warnings.size(), 1);
        QCOMPARE(modeOf(path), 0777); // the user's directory: told, not changed
    }

    void directoryOfAnotherUserIsWarnedAbout()
    {
        if (::geteuid() != 0)
            QSKIP("giving a directory to another user needs root");
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral(".azure"));
        QVERIFY(::mkdir(QFile::encodeName(path).constData(), 0700) == 0);
        QVERIFY(::chown(QFile::encodeName(path).constData(), 65534, 65534) == 0);
        QString error;
        QVERIFY2(AzureConfigDir(path).ensureExists(&error), qPrintable(error));
        QCOMPARE(g_warnings.size(), 1);
        QVERIFY2(g_warnings.first().contains(path) && g_warnings.first().contains(QStringLiteral("another user")),
                 qPrintable(g_warnings.first()));
    }

    void privateDirectoryIsNotWarnedAbout()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral(".azure"));
        QVERIFY(::mkdir(QFile::encodeName(path).constData(), 0755) == 0);
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0755) == 0);
        QString error;
        QVERIFY2(AzureConfigDir(path).ensureExists(&error), qPrintable(error));
        QVERIFY(g_warnings.isEmpty());
    }

    void fileInThePlaceOfTheDirectoryFailsNamingIt()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral(".azure"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QString error;
        QVERIFY(!AzureConfigDir(path).ensureExists(&error));
        QVERIFY2(error.contains(path), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestAzureConfigDir)
#include "TestAzureConfigDir.moc"
