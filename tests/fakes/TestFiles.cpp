#include "fakes/TestFiles.h"

#include "TestConfig.h"

#include <QDir>
#include <QFile>
#include <QtTest>

namespace tenantry::test {

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("test could not read %s", qPrintable(path));
    return file.readAll();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("test could not write %s", qPrintable(path));
}

QString dataPath(const QString& relative)
{
    return QStringLiteral(TENANTRY_TEST_DATA_DIR "/") + relative;
}

void copySample(const QString& sampleDir, const QString& dir)
{
    QDir source(dataPath(sampleDir));
    QDir().mkpath(dir);
    const QStringList files = source.entryList(QDir::Files);
    for (const QString& name : files)
        writeFile(dir + QLatin1Char('/') + name, readFile(source.filePath(name)));
}

void writeTestIdpCloud(const QString& configDir, const QUrl& url)
{
    QDir().mkpath(configDir);
    writeFile(configDir + QStringLiteral("/clouds.config"),
              QStringLiteral("[TestIdp]\nendpoint_active_directory = %1\nendpoint_resource_manager = %1/\n"
                             "endpoint_active_directory_resource_id = https://management.core.windows.net/\n")
                  .arg(url.toString())
                  .toUtf8());
    writeFile(configDir + QStringLiteral("/config"), "[cloud]\nname = TestIdp\n\n");
}

} // namespace tenantry::test
