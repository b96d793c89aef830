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

} // namespace tenantry::test
