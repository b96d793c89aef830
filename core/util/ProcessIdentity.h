#pragma once

#include <QtGlobal>

#include <optional>

namespace tenantry {

// A process as it can be told apart from a later one that got the same PID: its PID and its start
// time (Linux: field 22 of /proc/PID/stat, clock ticks since boot). Other systems have no start time
// here: a process there is only known by its PID.
struct ProcessIdentity
{
    qint64 pid = 0;
    quint64 startTime = 0;

    // The process with this PID now; nullopt when there is none (or /proc cannot say).
    static std::optional<ProcessIdentity> of(qint64 pid);
    // Whether this very process still runs: a process with this PID exists and started when this one did.
    bool isRunning() const;
    bool operator==(const ProcessIdentity& other) const { return pid == other.pid && startTime == other.startTime; }
};

} // namespace tenantry
