#pragma once

#include "util/Clock.h"

namespace tenantry::test {

// A clock that stands still until a test moves it.
class MockClock final : public Clock
{
public:
    explicit MockClock(qint64 secs = 1795422000)
        : m_now(QDateTime::fromSecsSinceEpoch(secs, Qt::UTC))
    {
    }
    QDateTime now() const override { return m_now; }
    void setSecs(qint64 secs) { m_now = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC); }
    void advance(qint64 secs) { m_now = m_now.addSecs(secs); }

private:
    QDateTime m_now;
};

} // namespace tenantry::test
