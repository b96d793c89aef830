#pragma once

#include <QString>

namespace tenantry::cli {

// Text from outside (tenant and subscription names, error_description, the device-code message, the
// user's own arguments echoed back) as it may reach a terminal. A control character there is a
// command to the terminal: ESC ] 52 writes the clipboard, ESC [ moves the cursor and repaints what
// the user believes they read, BEL rings, and C1 U+0080..U+009F are the same commands in 8-bit form.
// Each is shown instead as Python's repr() shows it (\x1b, \t, \n, \r): az users know that spelling,
// it is visible and it tells which character was there, where U+FFFD would hide it.
enum class TerminalLayout {
    SingleLine, // a table or tsv cell: a line break or tab there would forge rows and columns
    LineBreaks, // a message on stderr: its own line breaks stay (CR LF as LF, as a terminal shows it)
};

QString terminalSafe(const QString& text, TerminalLayout layout);

// Qt's log messages (--verbose, --debug) go through terminalSafe too: they can quote names as well.
void installTerminalSafeMessageHandler();

} // namespace tenantry::cli
