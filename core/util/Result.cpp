#include "util/Result.h"

namespace tenantry {

namespace {

const char* summary(Error::Code code)
{
    switch (code) {
    case Error::Code::Cancelled:
        return QT_TRANSLATE_NOOP("tenantry::Error", "Cancelled. Nothing was saved.");
    case Error::Code::TimedOut:
        return QT_TRANSLATE_NOOP("tenantry::Error", "Timed out.");
    case Error::Code::NotSignedIn:
        return QT_TRANSLATE_NOOP("tenantry::Error", "This account is not signed in.");
    case Error::Code::NoSubscription:
        return QT_TRANSLATE_NOOP("tenantry::Error", "No subscription found.");
    case Error::Code::InteractionRequired:
        return QT_TRANSLATE_NOOP("tenantry::Error", "This tenant asks for an interactive sign-in.");
    case Error::Code::SignInExpired:
        return QT_TRANSLATE_NOOP("tenantry::Error", "The sign-in has expired or was revoked.");
    case Error::Code::ProviderRefused:
        return QT_TRANSLATE_NOOP("tenantry::Error", "The identity provider refused.");
    case Error::Code::Network:
        return QT_TRANSLATE_NOOP("tenantry::Error", "The server could not be reached.");
    case Error::Code::InvalidResponse:
        return QT_TRANSLATE_NOOP("tenantry::Error", "The server sent an answer that could not be read.");
    case Error::Code::Storage:
        return QT_TRANSLATE_NOOP("tenantry::Error", "Tenantry could not read or write its data.");
    case Error::Code::InvalidArgument:
        return QT_TRANSLATE_NOOP("tenantry::Error", "That is not valid.");
    }
    return "";
}

} // namespace

QString Error::message() const
{
    const QString text = QCoreApplication::translate("tenantry::Error", summary(code));
    return detail.isEmpty() ? text : text + QLatin1Char(' ') + detail;
}

} // namespace tenantry
