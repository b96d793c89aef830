#include "token/CopiedTokenReminder.h"

#include "util/Clock.h"

namespace tenantry {

CopiedTokenReminder::CopiedTokenReminder(const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
{
    m_timer.setInterval(std::chrono::seconds(1));
    connect(&m_timer, &QTimer::timeout, this, &CopiedTokenReminder::check);
}

void CopiedTokenReminder::setMinutesBefore(int minutes)
{
    m_minutesBefore = qMax(0, minutes);
    if (m_minutesBefore == 0) {
        m_expiresOn = 0;
        m_timer.stop();
    }
}

void CopiedTokenReminder::tokenCopied(const QString& description, qint64 expiresOn)
{
    if (m_minutesBefore == 0 || expiresOn <= m_clock.nowSecs())
        return;
    m_description = description;
    m_expiresOn = expiresOn;
    m_timer.start();
}

void CopiedTokenReminder::check()
{
    if (m_expiresOn == 0)
        return;
    const qint64 left = m_expiresOn - m_clock.nowSecs();
    if (left > qint64(m_minutesBefore) * 60)
        return;
    m_timer.stop();
    m_expiresOn = 0;
    const int minutes = static_cast<int>(qMax<qint64>(0, (left + 59) / 60));
    emit remind(tr("A copied token expires soon"),
                minutes > 0
                    ? tr("The token you copied (%1) expires in %n minute(s).", nullptr, minutes).arg(m_description)
                    : tr("The token you copied (%1) has expired.").arg(m_description));
}

} // namespace tenantry
