#include "http/TrustRoots.h"

#include "store/BoundedFileRead.h"

#include <QCoreApplication>
#include <QDir>
#include <QSslError>

namespace tenantry {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("tenantry::TrustRoots", text);
}

} // namespace

TrustRoots TrustRoots::fromEnvironment(const QProcessEnvironment& environment)
{
    TrustRoots roots;
    // requests takes the first that is set and not empty, as `verify = A or B` does.
    QString requestsVariable = QStringLiteral("REQUESTS_CA_BUNDLE");
    QString requestsBundle = environment.value(requestsVariable);
    if (requestsBundle.isEmpty()) {
        requestsVariable = QStringLiteral("CURL_CA_BUNDLE");
        requestsBundle = environment.value(requestsVariable);
    }
    if (!requestsBundle.isEmpty())
        roots.addBundle(requestsVariable, requestsBundle);
    const QString sslCertFile = environment.value(QStringLiteral("SSL_CERT_FILE"));
    if (!sslCertFile.isEmpty() && QDir::cleanPath(sslCertFile) != QDir::cleanPath(requestsBundle))
        roots.addBundle(QStringLiteral("SSL_CERT_FILE"), sslCertFile);
    return roots;
}

void TrustRoots::addBundle(const QString& variable, const QString& path)
{
    const BoundedFileRead file = BoundedFileRead::read(path, kMaxBundleBytes);
    QString why;
    switch (file.status) {
    case BoundedFileRead::Status::Missing:
        why = tr("it does not exist");
        break;
    case BoundedFileRead::Status::TooLarge:
    case BoundedFileRead::Status::Unreadable:
        why = file.reason;
        break;
    case BoundedFileRead::Status::Ok: {
        const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.bytes, QSsl::Pem);
        if (!certificates.isEmpty()) {
            m_added += certificates;
            return;
        }
        why = tr("it holds no PEM certificate");
        break;
    }
    }
    m_errors << tr("%1 names the CA bundle %2, which cannot be used: %3. No certificate of it is trusted; "
                   "HTTPS servers are verified against the system's certificate authorities only.")
                    .arg(variable, QDir::toNativeSeparators(path), why);
}

QSslConfiguration TrustRoots::sslConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    if (m_added.isEmpty())
        return configuration;
    // Setting a CA list ends Qt's on-demand loading of the system's authorities: name them here.
    QList<QSslCertificate> trusted = QSslConfiguration::systemCaCertificates();
    for (const QSslCertificate& certificate : configuration.caCertificates() + m_added) {
        if (!trusted.contains(certificate))
            trusted << certificate;
    }
    configuration.setCaCertificates(trusted);
    return configuration;
}

bool TrustRoots::verifiesChain(const QList<QSslCertificate>& chain, const QString& host) const
{
    if (chain.isEmpty() || host.isEmpty())
        return false;
    // QSslCertificate::verify trusts the default configuration's authorities and takes no list of its own:
    // the added ones are made the default for this one call, and the default put back at once.
    const QSslConfiguration saved = QSslConfiguration::defaultConfiguration();
    QSslConfiguration::setDefaultConfiguration(sslConfiguration());
    const QList<QSslError> errors = QSslCertificate::verify(chain, host);
    QSslConfiguration::setDefaultConfiguration(saved);
    return errors.isEmpty();
}

} // namespace tenantry
