#include "MainWindow.h"
#include "SampleDesktopApp.h"
#include "Translations.h"
#include "WelcomePanel.h"
#include "account/AzureCliState.h"
#include "account/CachedTokenLookup.h"
#include "auth/TokenGrantResult.h"
#include "fakes/MockClock.h"
#include "signin/DeviceCodeDialog.h"
#include "store/MsalCacheFile.h"
#include "util/Result.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

using namespace tenantry;

namespace {

const QString kSourceRoot = QStringLiteral(QT_TESTCASE_SOURCEDIR "/..");

// The contexts of the German catalogue, each with its messages' source texts and whether any is unfinished.
struct Catalogue
{
    QSet<QString> contexts;
    QMultiMap<QString, QString> sources; // context -> source text
    QStringList unfinished;              // "context: source"
};

Catalogue readCatalogue(const QString& path)
{
    Catalogue out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
            out.contexts.insert(context);
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
            out.sources.insert(context, source);
        } else if (xml.name() == QLatin1String("translation") &&
                   xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished")) {
            out.unfinished.append(context + QStringLiteral(": ") + source);
        }
    }
    return out;
}

// Every translation context core's sources use: explicit ones (QCoreApplication::translate,
// QT_TRANSLATE_NOOP) and, for tr() in a QObject class, the class's own (tenantry::Class).
QMap<QString, QString> coreContexts()
{
    QMap<QString, QString> contexts; // context -> a file that uses it
    const QRegularExpression explicitContext(QStringLiteral("(?:translate|QT_TRANSLATE_NOOP)\\(\\s*\"([^\"]+)\""));
    const QRegularExpression trCall(QStringLiteral("(?<![\\w:])tr\\(\\s*\""));
    QDirIterator it(kSourceRoot + QStringLiteral("/core"), {QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile source(path);
        if (!source.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(source.readAll());
        for (auto match = explicitContext.globalMatch(text); match.hasNext();)
            contexts.insert(match.next().captured(1), path);
        // Foo.cpp and its platform parts (Foo_unix.cpp) define class tenantry::Foo.
        if (text.contains(trCall))
            contexts.insert(QStringLiteral("tenantry::") +
                                QFileInfo(path).completeBaseName().section(QLatin1Char('_'), 0, 0),
                            path);
    }
    return contexts;
}

} // namespace

class TestTranslations : public QObject, private test::SampleDesktopApp
{
    Q_OBJECT

private slots:
    void initTestCase() { blockNetwork(); }

    void cleanup() { stopApp(); }

    void shipsEnglishAndGerman()
    {
        const QStringList languages = Translations::availableLanguages();
        QVERIFY2(languages.contains(QStringLiteral("de")), qPrintable(languages.join(QLatin1Char(','))));
        QVERIFY(languages.contains(QStringLiteral("en")));
    }

    // The catalogues are files in share/tenantry/translations beside bin/, where the package installs
    // them (/usr/bin/tenantry: /usr/share/tenantry/translations), not resources built into the program.
    void cataloguesAreFilesBesideBin()
    {
        const QString expected =
            QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/tenantry/translations"));
        QCOMPARE(Translations::directory(), expected);
        QVERIFY(QFileInfo(expected + QStringLiteral("/tenantry_de.qm")).isFile());
        const QStringList loaded = Translations::install(qApp, QLocale(QLocale::German, QLocale::Germany));
        QVERIFY2(loaded.value(0) == expected + QStringLiteral("/tenantry_de.qm"),
                 qPrintable(loaded.join(QLatin1Char(','))));
    }

    void pluralsInEnglishAndGerman()
    {
        QTranslator english;
        QVERIFY(english.load(Translations::directory() + QStringLiteral("/tenantry_en.qm")));
        QCOMPARE(english.translate("tenantry::AccountTreeModel", "%n tenant(s)", nullptr, 1),
                 QStringLiteral("%n tenant"));
        QCOMPARE(english.translate("tenantry::AccountTreeModel", "%n tenant(s)", nullptr, 2),
                 QStringLiteral("%n tenants"));
        QTranslator german;
        QVERIFY(german.load(Translations::directory() + QStringLiteral("/tenantry_de.qm")));
        QCOMPARE(german.translate("tenantry::AccountTreeModel", "%n tenant(s)", nullptr, 2),
                 QStringLiteral("%n Mandanten"));
        // The accounts tree's texts come from the core's model: translated too.
        QCOMPARE(german.translate("tenantry::AccountTreeModel", "expired — renews on use"),
                 QStringLiteral("abgelaufen — wird bei Bedarf erneuert"));
        QCOMPARE(german.translate("tenantry::AccountActions", "&Copy token…"), QStringLiteral("&Token kopieren …"));
    }

    void germanLocaleTranslatesTheUi()
    {
        const QStringList loaded = Translations::install(qApp, QLocale(QLocale::German, QLocale::Germany));
        QVERIFY2(loaded.contains(Translations::directory() + QStringLiteral("/tenantry_de.qm")),
                 qPrintable(loaded.join(QLatin1Char(','))));
        WelcomePanel panel;
        QCOMPARE(panel.browserButton()->text(), QStringLiteral("Mit einem Browser anmelden"));
        QCOMPARE(panel.codeButton()->text(), QStringLiteral("Mit einem Code anmelden"));
    }

    // Qt's own buttons (QDialogButtonBox, QMessageBox) are German too: qtbase's catalogue is loaded
    // (Debian's qt6-translations-l10n, which scripts/install-deps.sh installs).
    void germanRunHasGermanQtButtons()
    {
        const QStringList loaded = Translations::install(qApp, QLocale(QLocale::German, QLocale::Germany));
        QVERIFY2(loaded.filter(QStringLiteral("qtbase_de.qm")).size() == 1, qPrintable(loaded.join(QLatin1Char(','))));
        QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Close);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
        QCOMPARE(buttons.button(QDialogButtonBox::Close)->text(), QStringLiteral("Schließen"));
    }

    void germanDeviceCodeWarningNamesTheHost()
    {
        Translations::install(qApp, QLocale(QLocale::German, QLocale::Germany));
        DeviceCodePrompt prompt;
        prompt.userCode = QStringLiteral("GQ5ZKWPLX");
        prompt.verificationUri = QUrl(QStringLiteral("https://microsoft.com/devicelogin"));
        prompt.verificationHost = QStringLiteral("microsoft.com");
        prompt.expiresAt = 1795422900;
        test::MockClock clock(1795422000);
        DeviceCodeDialog dialog(prompt, clock);
        QCOMPARE(dialog.warningText(),
                 QStringLiteral("Geben Sie diesen Code nur ein, wenn Sie diese Anmeldung gerade eben selbst in "
                                "Tenantry gestartet haben. Der Code gehört zu microsoft.com: Geben Sie ihn nur auf "
                                "der oben verlinkten Seite ein. Wenn Ihnen jemand diesen Code geschickt oder Sie "
                                "gebeten hat, ihn einzugeben, brechen Sie ab: Der Code würde dieser Person Zugriff "
                                "auf Ihr Konto geben."));
    }

    void everyGermanTextIsTranslated()
    {
        QFile ts(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../translations/tenantry_de.ts"));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        const QByteArray text = ts.readAll();
        const qsizetype unfinished = text.indexOf("type=\"unfinished\"");
        QVERIFY2(unfinished < 0, text.mid(qMax<qsizetype>(0, unfinished - 300), 300).constData());
    }

    // English is a translation for its plurals: a "%n subscription(s)" without forms would show as is.
    void everyEnglishPluralHasItsForms()
    {
        QFile ts(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../translations/tenantry_en.ts"));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        const QByteArray text = ts.readAll();
        const qsizetype empty = text.indexOf("<numerusform></numerusform>");
        QVERIFY2(empty < 0, text.mid(qMax<qsizetype>(0, empty - 300), 300).constData());
    }

    // A German run shows no English sentence from core: the errors the GUI shows (a token copy for
    // someone not signed in, an unreadable token cache, an unreadable azureProfile.json, an identity
    // provider that does not answer) come translated, and none tells the user to run a command.
    void germanRunShowsCoreMessagesInGerman()
    {
        const QStringList loaded = Translations::install(qApp, QLocale(QLocale::German, QLocale::Germany));
        QVERIFY2(loaded.contains(Translations::directory() + QStringLiteral("/tenantry_de.qm")),
                 qPrintable(loaded.join(QLatin1Char(','))));

        TokenRequest request;
        request.scopes = {QStringLiteral("https://management.core.windows.net//.default")};
        request.tenantId = QStringLiteral("organizations");
        request.username = QStringLiteral("sam@contoso.example");
        const TokenResponse notSignedIn =
            CachedTokenLookup(QStringLiteral("login.microsoftonline.com"), kAzureCliClientId)
                .lookup(MsalCache(), request, 1795422000);
        QCOMPARE(notSignedIn.error, TokenResponse::Error::NotSignedIn);
        QCOMPARE(notSignedIn.message, QStringLiteral("Der Benutzer „sam@contoso.example“ ist nicht angemeldet."));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString cacheFolder = dir.filePath(QStringLiteral("msal_token_cache.json"));
        QVERIFY(QDir().mkpath(cacheFolder));
        const MsalCacheFile::ReadResult cache = MsalCacheFile(cacheFolder).read();
        QCOMPARE(cache.status, MsalCacheFile::Status::IoError);
        QCOMPARE(
            cache.error,
            QStringLiteral("Die Token-Cache-Datei %1 kann nicht gelesen werden: es ist ein Ordner").arg(cacheFolder));

        const QString configDir = dir.filePath(QStringLiteral("azure"));
        QVERIFY(QDir().mkpath(configDir));
        QFile profile(configDir + QStringLiteral("/azureProfile.json"));
        QVERIFY(profile.open(QIODevice::WriteOnly));
        profile.write("{\"subscriptions\": [");
        profile.close();
        AzureCliState state{AzureConfigDir(configDir)};
        QString error;
        QVERIFY(!state.load(&error));
        QCOMPARE(error, QStringLiteral("Das Azure-CLI-Profil %1 kann nicht gelesen werden: die Datei ist kein gültiges "
                                       "JSON (abgeschnitten oder beschädigt). Es bleibt unverändert und wird vor dem "
                                       "nächsten Schreiben als .bak-Kopie aufbewahrt.")
                            .arg(profile.fileName()));

        HttpResponse unavailable;
        unavailable.status = 503;
        QCOMPARE(TokenGrantResult::fromHttp(unavailable, 1795422000).message(),
                 QStringLiteral("Der Identitätsanbieter hat nicht geantwortet (HTTP 503)."));
        const Error notSignedInError{Error::Code::NotSignedIn, {}, {}};
        QCOMPARE(notSignedInError.message(), QStringLiteral("Dieses Konto ist nicht angemeldet."));
    }

    // The tray copies a token for someone the token cache does not know: the window says so in German,
    // core's words and then the GUI's own advice, not a command to run.
    void germanTokenCopyFailureAdvisesTheAccountMenu()
    {
        Translations::install(qApp, QLocale(QLocale::German, QLocale::Germany));
        copySample(1795422000);
        startApp();
        TokenCopyRequest request;
        request.username = QStringLiteral("kim@northwind.example");
        request.tenantId = test::sample::kNorthwind;
        request.scope = QStringLiteral("https://management.core.windows.net//.default");
        request.description = QStringLiteral("Azure Resource Manager");
        m_app->copier()->copy(request);
        QTRY_COMPARE(m_app->window()->problemText(),
                     QStringLiteral("Kein Token für Azure Resource Manager: Der Benutzer „kim@northwind.example“ ist "
                                    "nicht angemeldet. Melden Sie sich über das Menü „Konto“ erneut an."));
    }

    // Every context core's sources translate in is in the catalogue the GUI ships, finished in German,
    // and no text there advises a command-line command (tenantry-cli adds its own advice).
    void everyCoreContextIsInTheGermanCatalogue()
    {
        const Catalogue german = readCatalogue(kSourceRoot + QStringLiteral("/translations/tenantry_de.ts"));
        QVERIFY(!german.contexts.isEmpty());
        const QMap<QString, QString> contexts = coreContexts();
        QVERIFY2(contexts.contains(QStringLiteral("tenantry::Error")),
                 qPrintable(contexts.keys().join(QLatin1Char(','))));
        QVERIFY2(contexts.contains(QStringLiteral("tenantry::TokenCacheService")),
                 qPrintable(contexts.keys().join(QLatin1Char(','))));
        for (auto it = contexts.cbegin(); it != contexts.cend(); ++it)
            QVERIFY2(german.contexts.contains(it.key()),
                     qPrintable(it.key() + QStringLiteral(" (") + it.value() + QLatin1Char(')')));
        QVERIFY2(german.unfinished.isEmpty(), qPrintable(german.unfinished.join(QLatin1Char('\n'))));
        const QRegularExpression cliAdvice(QStringLiteral("tenantry-cli|\\baz (login|account|logout)\\b"));
        for (auto it = contexts.cbegin(); it != contexts.cend(); ++it) {
            const QStringList sources = german.sources.values(it.key());
            for (const QString& source : sources)
                QVERIFY2(!source.contains(cliAdvice), qPrintable(it.key() + QStringLiteral(": ") + source));
        }
    }

    void otherLocalesFallBackToEnglish()
    {
        const QStringList loaded = Translations::install(qApp, QLocale::c());
        QVERIFY2(loaded.contains(Translations::directory() + QStringLiteral("/tenantry_en.qm")),
                 qPrintable(loaded.join(QLatin1Char(','))));
        QCOMPARE(QCoreApplication::translate("tenantry::AccountTreeModel", "%n tenant(s)", nullptr, 2),
                 QStringLiteral("2 tenants"));
    }
};

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
