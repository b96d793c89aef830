#include "auth/EntraError.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace tenantry {

namespace {

constexpr qsizetype kMaxTextChars = 8000; // error_description is a few hundred; anything longer is cut

// The sentences for the codes people meet; the rest get the general one, and the code says which.
const char* sentenceFor(int code)
{
    switch (code) {
    case 50076:
    case 50074:
        return QT_TRANSLATE_NOOP("tenantry::EntraError",
                                 "This tenant asks for multi-factor authentication: sign in to it again.");
    case 50079:
    case 50072:
        return QT_TRANSLATE_NOOP("tenantry::EntraError",
                                 "This tenant asks you to set up multi-factor authentication: sign in to it again.");
    case 50078:
        return QT_TRANSLATE_NOOP("tenantry::EntraError",
                                 "The multi-factor authentication for this tenant has expired: sign in to it again.");
    case 53003:
        return QT_TRANSLATE_NOOP(
            "tenantry::EntraError",
            "A Conditional Access policy of this tenant blocked the sign-in; its administrator can say why.");
    case 53000:
    case 530003:
        return QT_TRANSLATE_NOOP("tenantry::EntraError",
                                 "This tenant allows access only from a device it manages and finds compliant.");
    case 50173:
    case 50133:
    case 700082:
    case 70043:
    case 700084:
        return QT_TRANSLATE_NOOP("tenantry::EntraError", "The sign-in has expired or was revoked: sign in again.");
    case 65001:
        return QT_TRANSLATE_NOOP(
            "tenantry::EntraError",
            "The app has no consent in this tenant: sign in and accept, or ask its administrator to consent.");
    case 65004:
        return QT_TRANSLATE_NOOP("tenantry::EntraError",
                                 "The consent the app asked for was declined; nothing was signed in.");
    case 50020:
    case 90072:
        return QT_TRANSLATE_NOOP("tenantry::EntraError",
                                 "This account is not a user of this tenant, nor a guest in it.");
    case 700016:
        return QT_TRANSLATE_NOOP(
            "tenantry::EntraError",
            "This tenant does not know the app that signs in; its administrator may have removed it.");
    case 70016:
        return QT_TRANSLATE_NOOP("tenantry::EntraError", "Waiting for the sign-in to be finished.");
    case 50058:
        return QT_TRANSLATE_NOOP("tenantry::EntraError", "The browser had no sign-in for this account: sign in again.");
    case 50126:
        return QT_TRANSLATE_NOOP("tenantry::EntraError", "The user name or password is not right.");
    default:
        return QT_TRANSLATE_NOOP("tenantry::EntraError", "The identity provider refused.");
    }
}

} // namespace

QString EntraErrorText::codeName() const
{
    return code > 0 ? QStringLiteral("AADSTS%1").arg(code) : QString();
}

QString EntraErrorText::line() const
{
    return code > 0 ? QStringLiteral("%1 (%2)").arg(summary, codeName()) : summary;
}

EntraErrorText describeEntraError(const QString& text)
{
    // "AADSTS50076: …", possibly after words of ours ("Could not list the tenants of …: AADSTS…") and
    // possibly behind a code-less "AADSTS0: " prefix.
    static const QRegularExpression codes(QStringLiteral("(?:AADSTS(\\d{1,9}):\\s*)+"));
    static const QRegularExpression code(QStringLiteral("AADSTS(\\d{1,9}):\\s*"));
    static const QRegularExpression lineBreak(QStringLiteral("[\r\n]"));
    const QString bounded = text.left(kMaxTextChars).trimmed();
    EntraErrorText result;
    const QRegularExpressionMatch chain = codes.match(bounded);
    if (!chain.hasMatch()) {
        result.summary = bounded.section(lineBreak, 0, 0).trimmed();
        if (result.summary != bounded)
            result.details = bounded;
        return result;
    }
    // The last non-zero code of the chain is the provider's.
    QString lastPrefix;
    auto it = code.globalMatch(chain.captured(0));
    while (it.hasNext()) {
        const QRegularExpressionMatch one = it.next();
        const int number = one.captured(1).toInt();
        if (number > 0 || result.code == 0) {
            result.code = number;
            lastPrefix = one.captured(0);
        }
    }
    const QString lead = bounded.left(chain.capturedStart(0)).trimmed();
    const QString words = bounded.mid(chain.capturedEnd(0));
    const QString sentence = QCoreApplication::translate("tenantry::EntraError", sentenceFor(result.code));
    result.summary = lead.isEmpty() ? sentence : lead + QLatin1Char(' ') + sentence;
    result.details = lastPrefix.trimmed() + QLatin1Char(' ') + words.trimmed();
    if (result.code == 0) { // "AADSTS0: something": no code to name
        result.summary = lead.isEmpty() ? words.section(lineBreak, 0, 0).trimmed()
                                        : lead + QLatin1Char(' ') + words.section(lineBreak, 0, 0).trimmed();
        result.details = words.trimmed() == result.summary ? QString() : words.trimmed();
    }
    return result;
}

} // namespace tenantry
