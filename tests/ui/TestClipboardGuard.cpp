#include "ClipboardGuard.h"
#include "util/AppSettings.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace tenantry;
using namespace std::chrono_literals;

namespace {

// One countdown step in the tests: the guard counts steps, not wall time, so a short step tests the same.
constexpr auto kStep = 20ms;
constexpr int kStepMs = int(kStep.count());

} // namespace

class TestClipboardGuard : public QObject
{
    Q_OBJECT

private:
    QClipboard* clipboard() const { return QGuiApplication::clipboard(); }

private slots:
    void init()
    {
        clipboard()->clear();
        if (clipboard()->supportsSelection())
            clipboard()->clear(QClipboard::Selection);
    }

    void copiesWithThePasswordManagerHint()
    {
        ClipboardGuard guard;
        guard.copyToken(Secret(QStringLiteral("eyJ0eXAi.token")));
        QCOMPARE(clipboard()->text(), QStringLiteral("eyJ0eXAi.token"));
        const QMimeData* mime = clipboard()->mimeData();
        QVERIFY(mime);
#if defined(Q_OS_MACOS)
        QVERIFY(mime->hasFormat(QStringLiteral("application/x-nspasteboard-concealed-type")));
#elif defined(Q_OS_WIN)
        QVERIFY(mime->hasFormat(QStringLiteral("ExcludeClipboardContentFromMonitorProcessing")));
#else
        QCOMPARE(mime->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
#endif
        QVERIFY(guard.holdsSecret());
    }

    void leavesThePrimarySelectionAloneByDefault()
    {
        if (!clipboard()->supportsSelection())
            QSKIP("this platform has no PRIMARY selection (run under X11, e.g. scripts/with-test-session.sh)");
        clipboard()->setText(QStringLiteral("what the user selected"), QClipboard::Selection);
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini"))); // the defaults
        ClipboardGuard guard;
        guard.applySettings(settings);
        guard.copyToken(Secret(QStringLiteral("eyJ0eXAi.default-settings")));
        QCOMPARE(clipboard()->text(), QStringLiteral("eyJ0eXAi.default-settings"));
        // A middle click pastes what the user selected, never the token.
        QCOMPARE(clipboard()->text(QClipboard::Selection), QStringLiteral("what the user selected"));
    }

    void copiesToThePrimarySelectionWhenAskedAndClearsItToo()
    {
        if (!clipboard()->supportsSelection())
            QSKIP("this platform has no PRIMARY selection (run under X11, e.g. scripts/with-test-session.sh)");
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setValue(AppSettings::Key::CopyToPrimarySelection, true);
        settings.setValue(AppSettings::Key::ClipboardClearSeconds, 1);
        ClipboardGuard guard;
        guard.setTickInterval(kStep);
        guard.applySettings(settings);
        QVERIFY(guard.copiesToSelection());
        QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
        guard.copyToken(Secret(QStringLiteral("eyJ0eXAi.opted-in")));
        QCOMPARE(clipboard()->text(), QStringLiteral("eyJ0eXAi.opted-in"));
        QCOMPARE(clipboard()->text(QClipboard::Selection), QStringLiteral("eyJ0eXAi.opted-in"));
        QCOMPARE(clipboard()->mimeData(QClipboard::Selection)->data(QStringLiteral("x-kde-passwordManagerHint")),
                 QByteArray("secret"));
        QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, 50 * kStepMs);
        QVERIFY(clipboard()->text().isEmpty());
        QVERIFY(clipboard()->text(QClipboard::Selection).isEmpty());
    }

    void clearsASelectionCopiedBeforeTheOptionWasTurnedOff()
    {
        if (!clipboard()->supportsSelection())
            QSKIP("this platform has no PRIMARY selection (run under X11, e.g. scripts/with-test-session.sh)");
        ClipboardGuard guard;
        guard.setCopyToSelection(true);
        guard.copySecret(Secret(QStringLiteral("secret-5")));
        guard.setCopyToSelection(false); // the user unticks it while the token is still there
        guard.clear();
        QVERIFY(clipboard()->text().isEmpty());
        QVERIFY(clipboard()->text(QClipboard::Selection).isEmpty());
    }

    void copiesAsAnAuthorizationHeader()
    {
        ClipboardGuard guard;
        guard.copyToken(Secret(QStringLiteral("abc")), ClipboardGuard::TokenFormat::AuthorizationHeader);
        QCOMPARE(clipboard()->text(), QStringLiteral("Authorization: Bearer abc"));
    }

    void clearsAfterTheTimeoutCountingDown()
    {
        ClipboardGuard guard;
        guard.setTickInterval(kStep);
        guard.setClearAfterSeconds(2);
        QSignalSpy countdown(&guard, &ClipboardGuard::countdown);
        QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
        guard.copySecret(Secret(QStringLiteral("secret-1")));
        QCOMPARE(countdown.count(), 1);
        QCOMPARE(countdown.first().first().toInt(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, 100 * kStepMs);
        QVERIFY(clipboard()->text().isEmpty());
        QVERIFY(!guard.holdsSecret());
        // 2, 1, then 0 when cleared
        QList<int> seen;
        for (const QList<QVariant>& args : std::as_const(countdown))
            seen.append(args.first().toInt());
        QCOMPARE(seen, (QList<int>{2, 1, 0}));
    }

    void leavesWhatSomethingElseCopied()
    {
        ClipboardGuard guard;
        guard.setTickInterval(kStep);
        guard.setClearAfterSeconds(1);
        QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
        QSignalSpy countdown(&guard, &ClipboardGuard::countdown);
        guard.copySecret(Secret(QStringLiteral("secret-2")));
        clipboard()->setText(QStringLiteral("the user's own text"));
        QTRY_VERIFY_WITH_TIMEOUT(!countdown.isEmpty() && countdown.last().first().toInt() == 0, 50 * kStepMs);
        QTest::qWait(10 * kStepMs);
        QCOMPARE(clipboard()->text(), QStringLiteral("the user's own text"));
        QCOMPARE(cleared.count(), 0);
    }

    void neverClearsWithZero()
    {
        ClipboardGuard guard;
        guard.setTickInterval(kStep);
        guard.setClearAfterSeconds(0);
        QSignalSpy copied(&guard, &ClipboardGuard::copied);
        guard.copySecret(Secret(QStringLiteral("secret-3")));
        QCOMPARE(copied.first().first().toInt(), 0);
        QTest::qWait(10 * kStepMs); // many steps: none of them clears
        QCOMPARE(clipboard()->text(), QStringLiteral("secret-3"));
        guard.clear(); // as on quit
        QVERIFY(clipboard()->text().isEmpty());
    }

    void clearsWhenDestroyed()
    {
        {
            ClipboardGuard guard;
            guard.copySecret(Secret(QStringLiteral("secret-4")));
        }
        QVERIFY(clipboard()->text().isEmpty());
    }

    void readsTheTimeoutFromSettings()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        ClipboardGuard guard;
        guard.applySettings(settings);
        QCOMPARE(guard.clearAfterSeconds(), 30);
        settings.setValue(AppSettings::Key::ClipboardClearSeconds, 7);
        guard.applySettings(settings);
        QCOMPARE(guard.clearAfterSeconds(), 7);
    }
};

int main(int argc, char** argv)
{
    // Only X11 has the PRIMARY selection (offscreen, the default for UI tests, has the clipboard alone):
    // where a display is there (Xvfb in scripts/with-test-session.sh), test against the real one.
    if (qEnvironmentVariableIsSet("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "xcb");
    QGuiApplication app(argc, argv);
    TestClipboardGuard test;
    return QTest::qExec(&test, argc, argv);
}
#include "TestClipboardGuard.moc"
