#include "TerminalText.h"

#include <cstdio>

namespace tenantry::cli {

namespace {

bool isControl(char16_t c)
{
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
}

void writeLogMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const QString line = terminalSafe(qFormatLogMessage(type, context, message), TerminalLayout::LineBreaks);
    fprintf(stderr, "%s\n", line.toUtf8().constData());
    fflush(stderr);
}

} // namespace

QString terminalSafe(const QString& text, TerminalLayout layout)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (!isControl(c)) {
            out += QChar(c);
            continue;
        }
        if (layout == TerminalLayout::LineBreaks) {
            if (c == u'\n') {
                out += QChar(c);
                continue;
            }
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                continue;
        }
        if (c == u'\n')
            out += QLatin1String("\\n");
        else if (c == u'\r')
            out += QLatin1String("\\r");
        else if (c == u'\t')
            out += QLatin1String("\\t");
        else
            out += QStringLiteral("\\x%1").arg(static_cast<uint>(c), 2, 16, QLatin1Char('0'));
    }
    return out;
}

void installTerminalSafeMessageHandler()
{
    qInstallMessageHandler(writeLogMessage);
}

} // namespace tenantry::cli
