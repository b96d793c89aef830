#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace tenantry::test {

QByteArray readFile(const QString& path);
void writeFile(const QString& path, const QByteArray& bytes);
QString dataPath(const QString& relative); // under tests/data
// Copies tests/data/<sampleDir>/* into `dir` (a fresh AZURE_CONFIG_DIR).
void copySample(const QString& sampleDir, const QString& dir);
// An AZURE_CONFIG_DIR (created) whose active cloud "TestIdp" is the test identity provider at `url`
// (http on loopback), in az's own files and keys: a custom cloud az would accept too.
void writeTestIdpCloud(const QString& configDir, const QUrl& url);

} // namespace tenantry::test
