#pragma once

#include <QString>

namespace tenantry {

// An Entra ID error as people read it. The identity provider's error_description ("AADSTS50076: Due to a
// configuration change made by your administrator, ... Trace ID: ... Correlation ID: ...") is written for
// its support staff; both front ends show a plain sentence first and the code and the provider's words on
// demand (a tooltip, a Details button, az-style lines after ERROR:).
struct EntraErrorText
{
    int code = 0;    // the AADSTS number; 0 when the text names none (then it is Tenantry's or a server's words)
    QString summary; // one plain sentence in the UI's language; for text without a code, its first line
    QString details; // the provider's words as sent (trace and correlation ids included); empty when the
                     // summary is all there is

    // "AADSTS50076", or empty.
    QString codeName() const;
    // The summary with the code after it for reference: "This tenant asks for multi-factor authentication.
    // (AADSTS50076)". What a status column or a status bar shows.
    QString line() const;
    // 70016: the user has not finished the sign-in yet. A state of a device-code sign-in, never an error.
    bool isPending() const { return code == 70016; }
};

// Reads an error text from the identity provider (or any text that may carry one; bounded, never throws).
// A leading "AADSTS0: " before the real code, as some relays write it, is dropped.
EntraErrorText describeEntraError(const QString& text);

} // namespace tenantry
