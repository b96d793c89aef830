#include "CliOutput.h"

#include "TerminalText.h"

#include <QTimer>

#include <cstdio>

#include <unistd.h>

namespace tenantry::cli {

void printError(const QString& line)
{
    fprintf(stderr, "%s\n", qPrintable(terminalSafe(line, TerminalLayout::LineBreaks)));
    fflush(stderr);
}

CliOutput::CliOutput(QObject* parent)
    : QObject(parent)
{}

void CliOutput::printResult(const Json& result, const OutputFormatter::TableTransform& table)
{
    OutputFormatter formatter(m_format, isatty(STDOUT_FILENO) != 0);
    if (m_query) {
        // As in az: the query picks from the command's own output, and a table then shows what it
        // picked rather than the command's usual columns. For tsv, the command's own objects list
        // their values in key order and only objects the query built ({a: x}) in the query's order.
        formatter.setQueryActive(true);
        const Json input = m_format == QLatin1String("tsv") ? Json(nlohmann::json(result)) : result;
        const Result<Json> picked = m_query->search(input);
        if (!picked) {
            error(QStringLiteral("--query: ") + picked.error().detail);
            finish(1); // whatever the command would have exited with: its output is not there
            return;
        }
        if (picked->is_null())
            return; // az prints nothing at all for a null result, in any format
        const QByteArray text = formatter.format(*picked, {});
        fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stdout);
        fflush(stdout);
        return;
    }
    const QByteArray text = formatter.format(result, table);
    fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stdout);
    fflush(stdout);
}

void CliOutput::warn(const QString& message)
{
    if (!m_onlyShowErrors)
        printError(QStringLiteral("WARNING: ") + message);
}

void CliOutput::error(const QString& message)
{
    printError(QStringLiteral("ERROR: ") + message);
}

void CliOutput::fail(const QString& message, int exitCode)
{
    error(message);
    finish(exitCode);
}

void CliOutput::succeed()
{
    finish(0);
}

void CliOutput::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    // Queued, so a caller still on the stack unwinds before the event loop ends.
    QTimer::singleShot(0, this, [this, exitCode] { emit finished(exitCode); });
}

} // namespace tenantry::cli
