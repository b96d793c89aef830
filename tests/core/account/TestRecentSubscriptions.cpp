// The subscriptions last switched to, as Tenantry's setting: newest first, each once, at most five, ids
// only; what a hand edit or a garbled file holds instead is skipped. Another process's switch (the CLI)
// is seen after reload().
#include "account/RecentSubscriptions.h"
#include "util/AppSettings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace tenantry;

namespace {

QString id(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

} // namespace

class TestRecentSubscriptions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString settingsFile(const QByteArray& content = {})
    {
        const QString path = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_files));
        QFile file(path);
        if (!content.isEmpty() && (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()))
            return {};
        return path;
    }

private slots:
    void newestFirstEachOnce()
    {
        AppSettings settings(settingsFile());
        RecentSubscriptions recent(settings);
        QVERIFY(recent.ids().isEmpty());
        recent.remember(id(1));
        recent.remember(id(2));
        recent.remember(id(1).toUpper()); // az's ids are case-insensitive
        QCOMPARE(recent.ids(), (QStringList{id(1), id(2)}));
    }

    void keepsTheLastFive()
    {
        const QString path = settingsFile();
        {
            AppSettings settings(path);
            RecentSubscriptions recent(settings);
            for (int n = 1; n <= 8; ++n)
                recent.remember(id(n));
            QCOMPARE(recent.ids(), (QStringList{id(8), id(7), id(6), id(5), id(4)}));
        }
        // On disk, for the next start: the five, nothing more.
        AppSettings again(path);
        QCOMPARE(again.value(AppSettings::Key::RecentSubscriptions).toStringList().size(), RecentSubscriptions::kMax);
        QCOMPARE(RecentSubscriptions(again).ids().first(), id(8));
    }

    void skipsWhatIsNotASubscriptionId()
    {
        // A hand edit: a name, a GUID in braces, a number, an empty entry, a repeat, then more ids than kept.
        const QByteArray content = "[subscriptions]\nrecent=Production, {" + id(1).toLatin1() + "}, 42, , " +
                                   id(2).toLatin1() + ", " + id(2).toUpper().toLatin1() + ", " + id(3).toLatin1() +
                                   ", " + id(4).toLatin1() + ", " + id(5).toLatin1() + ", " + id(6).toLatin1() + ", " +
                                   id(7).toLatin1() + "\n";
        AppSettings settings(settingsFile(content));
        RecentSubscriptions recent(settings);
        QCOMPARE(recent.ids(), (QStringList{id(2), id(3), id(4), id(5), id(6)}));
        recent.remember(QStringLiteral("not an id")); // nothing is written for it
        QCOMPARE(recent.ids().first(), id(2));
    }

    void garbledValuesReadAsNone_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("number") << QByteArray("[subscriptions]\nrecent=12345\n");
        QTest::newRow("variant") << QByteArray("[subscriptions]\nrecent=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\xff)\n");
        QTest::newRow("byte array") << QByteArray("[subscriptions]\nrecent=@ByteArray(\\x1\\x2)\n");
        QTest::newRow("binary") << QByteArray("[subscriptions]\nrecent=\x01\x02\xff\xfe\n");
        QTest::newRow("huge") << "[subscriptions]\nrecent=" + QByteArray(100000, 'a') + "\n";
    }

    void garbledValuesReadAsNone()
    {
        QFETCH(QByteArray, content);
        AppSettings settings(settingsFile(content));
        RecentSubscriptions recent(settings);
        QVERIFY(recent.ids().isEmpty());
        recent.remember(id(1)); // and a switch still gets remembered
        QCOMPARE(recent.ids(), QStringList{id(1)});
    }

    void seesAnotherProcessAfterReload()
    {
        const QString path = settingsFile();
        AppSettings app(path);
        RecentSubscriptions appRecent(app);
        appRecent.remember(id(1));
        {
            AppSettings cli(path); // `tenantry-cli account set` meanwhile
            RecentSubscriptions(cli).remember(id(2));
        }
        appRecent.reload();
        QCOMPARE(appRecent.ids(), (QStringList{id(2), id(1)}));
    }
};

QTEST_GUILESS_MAIN(TestRecentSubscriptions)
#include "TestRecentSubscriptions.moc"
