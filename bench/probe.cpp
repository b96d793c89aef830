// bench-probe: measures one run of a program for bench/run.sh, more precisely than a shell can.
//
//   bench-probe run [--out FILE] -- COMMAND [ARG]...
//       Runs COMMAND (stdout to FILE, default /dev/null) and prints "wall_ms=<ms> maxrss_kib=<KiB>": the
//       time from fork to exit and the peak resident set (getrusage of the child, as /usr/bin/time %M).
//       Exits with COMMAND's status (128 + signal when killed).
//   bench-probe window [--idle-secs N] [--timeout-secs N] -- COMMAND [ARG]...
//       On the X display $DISPLAY (Xvfb, no window manager), runs COMMAND and prints "mapped_ms=<ms>": the
//       time from fork to the MapNotify of its first top-level window (_NET_WM_PID is COMMAND's pid; popups
//       and tooltips, override-redirect, do not count). With --idle-secs it then waits N seconds and prints
//       "idle_rss_kib=<KiB>", the resident set of COMMAND and every process it started. Then it ends COMMAND
//       (SIGTERM to its process group, SIGKILL after 3 s). Exits 1 when no window was mapped in time
//       (--timeout-secs, default 30) or COMMAND died first.

#include <xcb/xcb.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

int usage()
{
    std::fputs("usage: bench-probe run [--out FILE] -- COMMAND [ARG]...\n"
               "       bench-probe window [--idle-secs N] [--timeout-secs N] -- COMMAND [ARG]...\n",
               stderr);
    return 2;
}

// Starts argv in a process group of its own with stdout on `out`; -1 when fork fails.
pid_t spawn(char** argv, const char* out)
{
    const pid_t pid = fork();
    if (pid != 0)
        return pid;
    setpgid(0, 0);
    const int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0)
        _exit(126);
    execvp(argv[0], argv);
    std::fprintf(stderr, "bench-probe: cannot run %s: %s\n", argv[0], std::strerror(errno));
    _exit(127);
}

int exitCode(int status)
{
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int runOnce(char** argv, const char* out)
{
    const Clock::time_point start = Clock::now();
    const pid_t pid = spawn(argv, out);
    if (pid < 0)
        return 1;
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR)
            return 1;
    }
    std::printf("wall_ms=%.2f maxrss_kib=%ld\n", millisecondsSince(start), usage.ru_maxrss);
    return exitCode(status);
}

// pid -> parent pid of every process now.
std::map<pid_t, pid_t> parentsOfAll()
{
    std::map<pid_t, pid_t> parents;
    DIR* proc = opendir("/proc");
    if (!proc)
        return parents;
    while (const dirent* entry = readdir(proc)) {
        const pid_t pid = pid_t(std::atoi(entry->d_name));
        if (pid <= 0)
            continue;
        std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
        std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
        const size_t close = text.rfind(')'); // the command name may hold spaces and parentheses
        if (close == std::string::npos || close + 4 >= text.size())
            continue;
        parents[pid] = pid_t(std::atoi(text.c_str() + close + 4)); // ") S <ppid>"
    }
    closedir(proc);
    return parents;
}

long residentKib(pid_t pid)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            return std::atol(line.c_str() + 6);
    }
    return 0;
}

// The resident set of root and all its descendants.
long treeResidentKib(pid_t root)
{
    const std::map<pid_t, pid_t> parents = parentsOfAll();
    long total = 0;
    for (const auto& [pid, parent] : parents) {
        pid_t ancestor = pid;
        for (int depth = 0; depth < 64 && ancestor > 1 && ancestor != root; ++depth) {
            const auto it = parents.find(ancestor);
            ancestor = it == parents.end() ? 0 : it->second;
        }
        if (ancestor == root)
            total += residentKib(pid);
    }
    return total;
}

void endGroup(pid_t pid)
{
    kill(-pid, SIGTERM);
    for (int i = 0; i < 300; ++i) {
        if (waitpid(pid, nullptr, WNOHANG) == pid)
            return;
        usleep(10000);
    }
    kill(-pid, SIGKILL);
    waitpid(pid, nullptr, 0);
}

xcb_atom_t atom(xcb_connection_t* connection, const char* name)
{
    xcb_intern_atom_reply_t* reply =
        xcb_intern_atom_reply(connection, xcb_intern_atom(connection, 0, uint16_t(std::strlen(name)), name), nullptr);
    const xcb_atom_t result = reply ? reply->atom : xcb_atom_t(XCB_ATOM_NONE);
    std::free(reply);
    return result;
}

bool ownedBy(xcb_connection_t* connection, xcb_window_t window, xcb_atom_t pidAtom, pid_t pid)
{
    xcb_get_property_reply_t* reply = xcb_get_property_reply(
        connection, xcb_get_property(connection, 0, window, pidAtom, XCB_ATOM_CARDINAL, 0, 1), nullptr);
    const bool owned = reply && xcb_get_property_value_length(reply) == 4 &&
                       *static_cast<const uint32_t*>(xcb_get_property_value(reply)) == uint32_t(pid);
    std::free(reply);
    return owned;
}

int measureWindow(char** argv, int idleSecs, int timeoutSecs)
{
    xcb_connection_t* connection = xcb_connect(nullptr, nullptr);
    if (xcb_connection_has_error(connection)) {
        std::fputs("bench-probe: cannot connect to the X display\n", stderr);
        return 1;
    }
    const xcb_window_t root = xcb_setup_roots_iterator(xcb_get_setup(connection)).data->root;
    const uint32_t mask = XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY;
    xcb_change_window_attributes(connection, root, XCB_CW_EVENT_MASK, &mask);
    const xcb_atom_t pidAtom = atom(connection, "_NET_WM_PID");
    xcb_flush(connection);

    const Clock::time_point start = Clock::now();
    const pid_t pid = spawn(argv, "/dev/null");
    if (pid < 0)
        return 1;
    double mappedMs = -1;
    pollfd x{xcb_get_file_descriptor(connection), POLLIN, 0};
    while (mappedMs < 0 && millisecondsSince(start) < timeoutSecs * 1000.0) {
        if (waitpid(pid, nullptr, WNOHANG) == pid) {
            std::fputs("bench-probe: the program exited before it mapped a window\n", stderr);
            xcb_disconnect(connection);
            return 1;
        }
        while (xcb_generic_event_t* event = xcb_poll_for_event(connection)) {
            if ((event->response_type & 0x7f) == XCB_MAP_NOTIFY) {
                const auto* map = reinterpret_cast<const xcb_map_notify_event_t*>(event);
                if (!map->override_redirect && mappedMs < 0) {
                    const double at = millisecondsSince(start);
                    if (ownedBy(connection, map->window, pidAtom, pid))
                        mappedMs = at;
                }
            }
            std::free(event);
        }
        if (xcb_connection_has_error(connection))
            break;
        poll(&x, 1, 5);
    }
    xcb_disconnect(connection);
    if (mappedMs < 0) {
        std::fputs("bench-probe: no window was mapped in time\n", stderr);
        endGroup(pid);
        return 1;
    }
    std::printf("mapped_ms=%.2f\n", mappedMs);
    if (idleSecs > 0) {
        sleep(unsigned(idleSecs));
        if (waitpid(pid, nullptr, WNOHANG) == pid) {
            std::fputs("bench-probe: the program exited while idle\n", stderr);
            return 1;
        }
        std::printf("idle_rss_kib=%ld\n", treeResidentKib(pid));
    }
    std::fflush(stdout);
    endGroup(pid);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2)
        return usage();
    const std::string mode = argv[1];
    const char* out = "/dev/null";
    int idleSecs = 0;
    int timeoutSecs = 30;
    int i = 2;
    for (; i + 1 < argc && std::strcmp(argv[i], "--") != 0; i += 2) {
        const std::string option = argv[i];
        if (option == "--out" && mode == "run")
            out = argv[i + 1];
        else if (option == "--idle-secs" && mode == "window")
            idleSecs = std::clamp(std::atoi(argv[i + 1]), 0, 3600);
        else if (option == "--timeout-secs" && mode == "window")
            timeoutSecs = std::clamp(std::atoi(argv[i + 1]), 1, 3600);
        else
            return usage();
    }
    if (i + 1 >= argc || std::strcmp(argv[i], "--") != 0)
        return usage();
    char** command = argv + i + 1;
    if (mode == "run")
        return runOnce(command, out);
    if (mode == "window")
        return measureWindow(command, idleSecs, timeoutSecs);
    return usage();
}
