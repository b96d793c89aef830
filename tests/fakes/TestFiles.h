#pragma once

#include <QByteArray>
#include <QString>

namespace tenantry::test {

QByteArray readFile(const QString& path);
void writeFile(const QString& path, const QByteArray& bytes);
QString dataPath(const QString& relative); // under tests/data
// Copies tests/data/<sampleDir>/* into `dir` (a fresh AZURE_CONFIG_DIR).
void copySample(const QString& sampleDir, const QString& dir);

} // namespace tenantry::test
