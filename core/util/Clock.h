#pragma once

#include <QDateTime>

namespace tenantry {

// Wall-clock time behind an interface so tests can move time (token expiry, countdowns).
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;

    // POSIX seconds, the unit of every time in the MSAL cache.
    qint64 nowSecs() const { return now().toSecsSinceEpoch(); }
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

} // namespace tenantry
