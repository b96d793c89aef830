#include "SubscriptionContext.h"

#include "store/AtomicFile.h"
#include "store/BoundedFileRead.h"
#include "util/Json.h"
#include "util/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace tenantry {

namespace {

const QString kOwnerFile = QStringLiteral("owner");
const QString kProfileFile = QStringLiteral("azureProfile.json");
const QString kBin = QStringLiteral("bin");
const QString kShim = QStringLiteral("bin/az");
constexpr qint64 kMaxOwnerBytes = 4096;

QString tr(const char* text)
{
    return QCoreApplication::translate("tenantry::SubscriptionContext", text);
}

// The only names this code gives contexts: 128 random bits in hex.
bool isContextName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{32}$"));
    return pattern.match(name).hasMatch();
}

// `path` as a directory of this user that nobody else can enter, made 0700 when missing. Never through a symlink:
// an existing entry must itself be a directory (lstat), owned by this user; a looser mode is tightened.
bool ensurePrivateDirectory(const QString& path, QString* error)
{
#ifdef Q_OS_UNIX
    const QByteArray native = QFile::encodeName(path);
    if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST) {
        *error = QCoreApplication::translate("tenantry::SubscriptionContext", "Cannot create %1: %2")
                     .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    struct stat st = {};
    if (::lstat(native.constData(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid()) {
        *error = QCoreApplication::translate("tenantry::SubscriptionContext",
                                             "%1 is not a directory of this user; contexts are not made there.")
                     .arg(path);
        return false;
    }
    if ((st.st_mode & 077) != 0 && ::chmod(native.constData(), 0700) != 0) {
        *error = QCoreApplication::translate("tenantry::SubscriptionContext", "Cannot make %1 private: %2")
                     .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
#else
    if (!QDir().mkpath(path)) {
        *error = QCoreApplication::translate("tenantry::SubscriptionContext", "Cannot create %1.").arg(path);
        return false;
    }
    return true;
#endif
}

// A single-quoted word of the POSIX shell.
QByteArray shQuote(const QString& value)
{
    QByteArray bytes = QFile::encodeName(value);
    bytes.replace('\'', "'\\''");
    return '\'' + bytes + '\'';
}

bool isContextBin(const QString& entry, const QString& root)
{
    const QString clean = QDir::cleanPath(entry);
    if (!clean.startsWith(root + QLatin1Char('/')) || !clean.endsWith(QLatin1String("/bin")))
        return false;
    return isContextName(clean.mid(root.size() + 1).chopped(4));
}

} // namespace

SubscriptionContext::SubscriptionContext(QString directory, QString subscriptionId, QString tenantId,
                                         ProcessIdentity owner)
    : m_directory(std::move(directory))
    , m_subscriptionId(std::move(subscriptionId))
    , m_tenantId(std::move(tenantId))
    , m_owner(owner)
{}

QString SubscriptionContext::rootDirectory()
{
    return QDir::cleanPath(QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation) +
                           QStringLiteral("/tenantry/contexts"));
}

QString SubscriptionContext::binDirectory() const
{
    return m_directory + QLatin1Char('/') + kBin;
}

QString SubscriptionContext::profileFile() const
{
    return m_directory + QLatin1Char('/') + kProfileFile;
}

Result<SubscriptionContext> SubscriptionContext::create(const AzureConfigDir& configDir,
                                                        const Subscription& subscription, const ProcessIdentity& owner,
                                                        const QString& cliPath)
{
    const QString root = rootDirectory();
    QString error;
    if (!ensurePrivateDirectory(QFileInfo(root).path(), &error) || !ensurePrivateDirectory(root, &error))
        return failure(Error::Code::Storage, error);

    // az's profile as it is now, with SUB the default; every other entry and field stays as az wrote it.
    AzureProfile profile;
    if (profile.load(configDir.profileFile(), &error) != AzureProfile::LoadStatus::Ok)
        return failure(Error::Code::Storage,
                       error.isEmpty() ? tr("%1 is missing.").arg(configDir.profileFile()) : error);
    if (!profile.setDefault(subscription.id, subscription.environmentName))
        return failure(Error::Code::NoSubscription, subscription.id);

    quint32 random[4];
    QRandomGenerator::system()->fillRange(random);
    QString name;
    for (quint32 word : random)
        name += QStringLiteral("%1").arg(word, 8, 16, QLatin1Char('0'));
    const SubscriptionContext context(root + QLatin1Char('/') + name, subscription.id, subscription.tenantId, owner);
    if (!ensurePrivateDirectory(context.m_directory, &error))
        return failure(Error::Code::Storage, error);

    // The owner first: a context that is only half made is still one removeAbandoned() knows.
    const Json ownerRecord = {{"pid", owner.pid},
                              {"startTime", owner.startTime},
                              {"subscriptionId", subscription.id.toStdString()},
                              {"tenantId", subscription.tenantId.toStdString()}};
    const QByteArray shim = "#!/bin/sh\n# One shell's subscription (tenantry-cli env): az with this context's "
                            "azureProfile.json.\nexec " +
                            shQuote(cliPath) + " context-az " + shQuote(context.m_directory) + " \"$@\"\n";
    const bool made = AtomicFile::write(context.m_directory + QLatin1Char('/') + kOwnerFile,
                                        QByteArray::fromStdString(ownerRecord.dump()), 0600,
                                        AtomicFile::ModePolicy::Always, &error) &&
                      profile.save(context.profileFile(), &error) &&
                      ensurePrivateDirectory(context.binDirectory(), &error) &&
                      AtomicFile::write(context.m_directory + QLatin1Char('/') + kShim, shim, 0700,
                                        AtomicFile::ModePolicy::Always, &error);
    if (!made) {
        context.remove();
        return failure(Error::Code::Storage, error);
    }
    qCInfo(lcAccount) << "context" << name << "for subscription" << subscription.id << "owned by" << owner.pid;
    return context;
}

std::optional<SubscriptionContext> SubscriptionContext::open(const QString& directory)
{
    const QString clean = QDir::cleanPath(directory);
    const QString root = rootDirectory();
    if (!clean.startsWith(root + QLatin1Char('/')) || !isContextName(clean.mid(root.size() + 1)))
        return std::nullopt;
    const BoundedFileRead read = BoundedFileRead::read(clean + QLatin1Char('/') + kOwnerFile, kMaxOwnerBytes);
    if (read.status != BoundedFileRead::Status::Ok)
        return std::nullopt;
    const auto parsed = json::parse(read.bytes, kMaxOwnerBytes);
    if (!parsed.value || !parsed.value->is_object())
        return std::nullopt;
    const Json& record = *parsed.value;
    const Json pid = record.value("pid", Json());
    const Json start = record.value("startTime", Json());
    if (!pid.is_number_integer() || !start.is_number_unsigned())
        return std::nullopt;
    return SubscriptionContext(clean, json::toQString(record.value("subscriptionId", Json())),
                               json::toQString(record.value("tenantId", Json())),
                               ProcessIdentity{pid.get<qint64>(), start.get<quint64>()});
}

QList<QPair<QString, QString>> SubscriptionContext::variables() const
{
    // A tenant-level entry (an account without subscriptions, its id the tenant's) names no subscription.
    const bool tenantLevel = m_subscriptionId.compare(m_tenantId, Qt::CaseInsensitive) == 0;
    QList<QPair<QString, QString>> variables;
    for (const QString& name : variableNames()) {
        if (name == QLatin1String("TENANTRY_CONTEXT"))
            variables.append({name, m_directory});
        else if (name.endsWith(QLatin1String("_TENANT_ID")))
            variables.append({name, m_tenantId});
        else if (!tenantLevel)
            variables.append({name, m_subscriptionId});
    }
    return variables;
}

QProcessEnvironment SubscriptionContext::environment(QProcessEnvironment base) const
{
    for (const QString& name : variableNames())
        base.remove(name);
    for (const auto& [name, value] : variables())
        base.insert(name, value);
    const QStringList path = base.value(QStringLiteral("PATH")).split(QLatin1Char(':'), Qt::SkipEmptyParts);
    base.insert(QStringLiteral("PATH"), pathWith(path).join(QLatin1Char(':')));
    return base;
}

QStringList SubscriptionContext::variableNames()
{
    return {QStringLiteral("TENANTRY_CONTEXT"), QStringLiteral("AZURE_SUBSCRIPTION_ID"),
            QStringLiteral("AZURE_TENANT_ID"), QStringLiteral("ARM_SUBSCRIPTION_ID"), QStringLiteral("ARM_TENANT_ID")};
}

QStringList SubscriptionContext::pathWithoutContexts(const QStringList& path)
{
    const QString root = rootDirectory();
    QStringList kept;
    for (const QString& entry : path) {
        if (!isContextBin(entry, root))
            kept.append(entry);
    }
    return kept;
}

QStringList SubscriptionContext::pathWith(const QStringList& path) const
{
    return QStringList{binDirectory()} + pathWithoutContexts(path);
}

bool SubscriptionContext::remove() const
{
    QDir dir(m_directory);
    for (const QString& file : {kShim, kProfileFile, kOwnerFile})
        dir.remove(file);
    dir.rmdir(kBin);
    const bool removed = QDir().rmdir(m_directory);
    if (removed)
        qCInfo(lcAccount) << "context" << QFileInfo(m_directory).fileName() << "removed";
    return removed;
}

int SubscriptionContext::removeAbandoned(int maxLooked)
{
    int removed = 0;
    int looked = 0;
    QDirIterator it(rootDirectory(), QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks | QDir::Hidden);
    while (it.hasNext() && looked < maxLooked) {
        ++looked;
        const std::optional<SubscriptionContext> context = open(it.next());
        if (context && !context->m_owner.isRunning() && context->remove())
            ++removed;
    }
    return removed;
}

} // namespace tenantry
