#pragma once

#include "OutputFormatter.h"

#include "JmesPath.h"

#include <QObject>

#include <optional>

namespace tenantry::cli {

// One line on stderr. Every line for stderr passes here: it may quote what a server, a file or the
// user wrote.
void printError(const QString& line);

// The one way a command reports and ends: its result on stdout in the --output format, after
// --query; warnings and errors on stderr ("WARNING: ..."/"ERROR: ..."); one exit code, 0 ok, 1 error,
// 2 usage. The first finish() counts; finished() follows once the caller's stack has unwound.
class CliOutput : public QObject
{
    Q_OBJECT

public:
    explicit CliOutput(QObject* parent = nullptr);

    // The global options: the format (one OutputFormatter knows), the query applied to every result
    // before it is formatted, and --only-show-errors, which drops warnings.
    void setFormat(const QString& format) { m_format = format; }
    void setQuery(JmesPath query) { m_query = std::move(query); }
    void setOnlyShowErrors(bool only) { m_onlyShowErrors = only; }

    void printResult(const Json& result, const OutputFormatter::TableTransform& table = {});
    void warn(const QString& message);
    void error(const QString& message); // an error line; the command goes on (one of several accounts failed)
    void fail(const QString& message, int exitCode = 1);
    void succeed();
    void finish(int exitCode);

signals:
    void finished(int exitCode);

private:
    QString m_format = QStringLiteral("json");
    std::optional<JmesPath> m_query;
    bool m_onlyShowErrors = false;
    bool m_finished = false;
};

} // namespace tenantry::cli
