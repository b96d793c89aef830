#include "Translations.h"

#include "UiLogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace tenantry {

namespace {

const QString kEmbeddedDir = QStringLiteral(":/i18n");

bool installOne(QCoreApplication* app, const QLocale& locale, const QString& name, const QString& dir,
                QStringList* loaded)
{
    auto* translator = new QTranslator(app);
    if (!translator->load(locale, name, QStringLiteral("_"), dir)) {
        delete translator;
        return false;
    }
    app->installTranslator(translator);
    loaded->append(translator->filePath());
    return true;
}

} // namespace

QStringList Translations::install(QCoreApplication* app, const QLocale& locale)
{
    QStringList loaded;
    // English is a translation too (plural forms: "1 tenant", "2 tenants"): the fallback for
    // languages Tenantry does not ship and for the C locale.
    if (!installOne(app, locale, QStringLiteral("tenantry"), kEmbeddedDir, &loaded))
        installOne(app, QLocale(QLocale::English), QStringLiteral("tenantry"), kEmbeddedDir, &loaded);
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    // qtbase has QDialogButtonBox's "Cancel", QFileDialog and the like; packaged separately on Linux.
    installOne(app, locale, QStringLiteral("qtbase"), qtDir, &loaded);
    installOne(app, locale, QStringLiteral("qtwebengine"), qtDir, &loaded);
    qCDebug(lcUi) << "translations for" << locale.name() << ":" << loaded;
    return loaded;
}

QStringList Translations::availableLanguages()
{
    QStringList languages;
    const QStringList files = QDir(kEmbeddedDir).entryList({QStringLiteral("tenantry_*.qm")}, QDir::Files);
    for (const QString& file : files)
        languages.append(file.mid(9, file.size() - 9 - 3)); // "tenantry_" ... ".qm"
    return languages;
}

} // namespace tenantry
