#pragma once

#include "util/Result.h"
#include "util/Secret.h"

#include <QByteArray>
#include <QString>

namespace tenantry {

// kubectl's exec credential plugin protocol (client.authentication.k8s.io): kubectl runs the plugin with
// KUBERNETES_EXEC_INFO, an ExecCredential naming the apiVersion it wants back, and reads an ExecCredential
// with status.token and status.expirationTimestamp from its stdout.
enum class ExecCredentialVersion {
    V1Beta1, // client.authentication.k8s.io/v1beta1: what kubelogin's kubeconfigs ask for
    V1,      // client.authentication.k8s.io/v1
};

QString execCredentialApiVersion(ExecCredentialVersion version);

// The version KUBERNETES_EXEC_INFO asks for: v1beta1 when it is empty (kubectl before 1.22 sent none).
// Refuses (InvalidArgument) what is larger than 64 KiB, is no JSON object, or names another version.
Result<ExecCredentialVersion> execCredentialVersionAsked(const QByteArray& execInfo);

// "2026-11-29T21:40:00Z": RFC 3339 in UTC, whole seconds, as client-go parses expirationTimestamp.
QString rfc3339Utc(qint64 posixSeconds);

// The ExecCredential kubectl reads, one line of JSON.
QByteArray execCredentialJson(ExecCredentialVersion version, const Secret& token, qint64 expiresOn);

} // namespace tenantry
