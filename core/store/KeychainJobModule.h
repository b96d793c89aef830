#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

class QObject;

namespace tenantry {

// The seam between KeychainStore and QtKeychain. QtKeychain brings QtDBus, libdbus, libsystemd and
// libgcrypt with it, mapped and relocated at every start of a program linked to it; most runs of
// tenantry-cli never touch the keychain (a cached token while the keychain is in step with the file,
// account list). So the QtKeychain jobs live in a module of their own (keychain/), loaded when the
// first job starts.
namespace keychainmodule {

enum class JobKind { Read, Write, Delete };

// QtKeychain's error code (QKeychain::Error), its message, and what a read returned.
using Finished = std::function<void(int error, const QString& detail, const QByteArray& data)>;

// Starts one job; `finished` runs once, on `context`'s thread, unless `context` is gone by then.
using StartJob = void (*)(JobKind kind, const QString& service, const QString& key, const QByteArray& data,
                          QObject* context, const Finished& finished);

inline constexpr char kStartJobSymbol[] = "tenantryStartKeychainJob";
inline constexpr char kModuleName[] = "tenantry-keychain";

} // namespace keychainmodule
} // namespace tenantry
