#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace tenantry {

class Clock;

// Optionally tells the user a few minutes before a token they copied expires (setting
// NotifyBeforeExpiryMinutes; 0 = never): a curl loop or a Postman tab will start failing then.
// It checks the clock once a second rather than trusting one long timer, which a suspended laptop
// would stretch.
class CopiedTokenReminder : public QObject
{
    Q_OBJECT

public:
    explicit CopiedTokenReminder(const Clock& clock, QObject* parent = nullptr);

    void setMinutesBefore(int minutes); // 0 = off
    // How often the clock is looked at: a second, which tests shorten instead of waiting.
    void setCheckInterval(std::chrono::milliseconds interval) { m_timer.setInterval(interval); }
    int minutesBefore() const { return m_minutesBefore; }
    bool isPending() const { return m_expiresOn != 0; }

public slots:
    // The last copied token replaces any earlier one: the user works with that one now.
    void tokenCopied(const QString& description, qint64 expiresOn);
    void check();

signals:
    void remind(const QString& title, const QString& message);

private:
    const Clock& m_clock;
    QTimer m_timer;
    int m_minutesBefore = 5;
    QString m_description;
    qint64 m_expiresOn = 0;
};

} // namespace tenantry
