#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStringList>

namespace tenantry {

// The certificate authorities HTTPS answers are verified against: the system's, plus those of the CA
// bundle a user names for az behind a TLS-inspecting proxy. requests (az, MSAL) reads
// REQUESTS_CA_BUNDLE, else CURL_CA_BUNDLE; Python's ssl reads SSL_CERT_FILE. Each named bundle ADDS
// its certificates; verification itself never changes, and the system's authorities stay trusted.
// A bundle that cannot be used is an error naming the variable and the path; nothing is trusted in
// its place, so answers signed by its CA keep failing verification as they did without it.
class TrustRoots
{
public:
    static constexpr qint64 kMaxBundleBytes = 16 * 1024 * 1024;

    static TrustRoots
    fromEnvironment(const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());

    // The bundles' certificates (empty when no variable is set or none could be used).
    const QList<QSslCertificate>& addedCertificates() const { return m_added; }
    // One sentence per bundle that could not be used, for people: names the variable and the path.
    const QStringList& errors() const { return m_errors; }
    // Qt's default TLS configuration trusting the system's authorities and the added ones.
    QSslConfiguration sslConfiguration() const;
    // Whether `chain` (the server's certificate first, as presented) is valid for `host` when the system's
    // authorities and the added ones are trusted: how the embedded sign-in browser, which has a store of
    // its own, decides about a certificate whose authority it does not know. Call from the GUI thread.
    bool verifiesChain(const QList<QSslCertificate>& chain, const QString& host) const;

private:
    void addBundle(const QString& variable, const QString& path);

    QList<QSslCertificate> m_added;
    QStringList m_errors;
};

} // namespace tenantry
