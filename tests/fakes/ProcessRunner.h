#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

namespace tenantry::test {

// Runs a program to completion (tests only) and keeps what it printed.
struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool started = false;
};

ProcessResult runProcess(const QString& program, const QStringList& args, const QProcessEnvironment& env,
                         int timeoutMs = 120000, const QByteArray& stdinData = {});

// An environment for az / tenantry-cli confined to `configDir`: no telemetry, no colour, no
// update checks, HOME inside the temp dir so nothing of the user's is read.
QProcessEnvironment azEnvironment(const QString& configDir);

QString tenantryCli(); // build/bin/tenantry-cli
bool azAvailable();    // Debian's azure-cli at /usr/bin/az

} // namespace tenantry::test
