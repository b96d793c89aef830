// The keychain module (see core/store/KeychainJobModule.h): QtKeychain's jobs, loaded on first use.
#include "store/KeychainJobModule.h"

#include <QObject>

#include <qt6keychain/keychain.h>

using tenantry::keychainmodule::Finished;
using tenantry::keychainmodule::JobKind;

extern "C" Q_DECL_EXPORT void tenantryStartKeychainJob(JobKind kind, const QString& service, const QString& key,
                                                       const QByteArray& data, QObject* context,
                                                       const Finished& finished)
{
    QKeychain::Job* job = nullptr;
    switch (kind) {
    case JobKind::Read:
        job = new QKeychain::ReadPasswordJob(service);
        break;
    case JobKind::Write: {
        auto* writeJob = new QKeychain::WritePasswordJob(service);
        writeJob->setBinaryData(data);
        job = writeJob;
        break;
    }
    case JobKind::Delete:
        job = new QKeychain::DeletePasswordJob(service);
        break;
    }
    // No parent: a job whose store goes away must still live until the backend calls it back.
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [kind, finished](QKeychain::Job* j) {
        const QByteArray read =
            kind == JobKind::Read ? static_cast<QKeychain::ReadPasswordJob*>(j)->binaryData() : QByteArray();
        finished(int(j->error()), j->errorString(), read);
    });
    job->start();
}
