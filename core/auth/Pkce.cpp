#include "auth/Pkce.h"

#include "util/Jwt.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace tenantry {

namespace {

QString randomFrom(const QString& alphabet, int length)
{
    QString out;
    out.reserve(length);
    auto* rng = QRandomGenerator::system();
    for (int i = 0; i < length; ++i)
        out.append(alphabet.at(static_cast<qsizetype>(rng->bounded(static_cast<quint32>(alphabet.size())))));
    return out;
}

const QString kLetters = QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

} // namespace

QString AuthorizationRandoms::challengeFor(const QString& verifier)
{
    const QByteArray digest = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(jwt::base64UrlEncode(digest));
}

AuthorizationRandoms AuthorizationRandoms::generate()
{
    AuthorizationRandoms r;
    const QString verifier = randomFrom(kLetters + QStringLiteral("0123456789-._~"), 43);
    r.codeVerifier = Secret(verifier);
    r.codeChallenge = challengeFor(verifier);
    r.state = randomFrom(kLetters, 16);
    const QString nonce = randomFrom(kLetters, 16);
    r.nonce = Secret(nonce);
    r.nonceHash =
        QString::fromLatin1(QCryptographicHash::hash(nonce.toLatin1(), QCryptographicHash::Sha256).toHex());
    return r;
}

} // namespace tenantry
