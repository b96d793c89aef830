#pragma once

#include <QDebug>
#include <QString>

namespace tenantry {

// A token, code or verifier. It converts to text only through reveal(), so it cannot slip into a
// log line, an error string or a QString concatenation by accident; qDebug() prints a placeholder.
class Secret
{
public:
    Secret() = default;
    explicit Secret(QString value)
        : m_value(std::move(value))
    {
    }

    const QString& reveal() const { return m_value; }
    bool isEmpty() const { return m_value.isEmpty(); }
    bool operator==(const Secret& other) const { return m_value == other.m_value; }
    bool operator!=(const Secret& other) const { return m_value != other.m_value; }

private:
    QString m_value;
};

inline QDebug operator<<(QDebug debug, const Secret& secret)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << (secret.isEmpty() ? "Secret(empty)" : "Secret(redacted)");
    return debug;
}

} // namespace tenantry
