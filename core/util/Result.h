#pragma once

#include <QCoreApplication>
#include <QString>

#include <tl/expected.hpp>

namespace tenantry {

// What went wrong in an operation either front end runs, typed so that each words it in its own
// language and adds its own advice (the GUI names a menu, tenantry-cli a command). Core never
// puts advice for one front end into an error.
struct Error
{
    enum class Code {
        Cancelled,           // the user stopped it; nothing was saved
        TimedOut,            // a bounded wait ran out (the browser sign-in, a lock another program held)
        NotSignedIn,         // no account for that user in the token cache
        NoSubscription,      // azureProfile.json has no (matching) subscription
        InteractionRequired, // MFA / Conditional Access / a claims challenge: an interactive sign-in is needed
        SignInExpired,       // the account's refresh token was revoked or expired
        ProviderRefused,     // the identity provider answered with an OAuth error; detail is its own words
        Network,             // no useful answer from a server
        InvalidResponse,     // a server answered without what its protocol requires
        Storage,             // a file or the keychain could not be read or written; detail names which
        InvalidArgument,     // what the user asked for is not valid; detail says why
    };

    Code code = Code::InvalidResponse;
    QString detail; // the outside party's words, a file name, a user's name: never a secret
    QString claims; // InteractionRequired: the challenge to pass to the interactive sign-in

    // One sentence for people, in the UI's language (English where no translator is installed, as in
    // tenantry-cli), followed by the detail.
    QString message() const;
};

// The outcome of an operation that can fail: a value, or an Error.
template <typename T> using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> failure(Error::Code code, QString detail = {})
{
    return tl::unexpected<Error>(Error{code, std::move(detail), {}});
}

} // namespace tenantry
