# Sourced by scripts/fuzz.sh and scripts/test-sanitized.sh: how the sanitizers report.
# Every report ends the process with a non-zero status (UBSan's too: -fno-sanitize-recover), an
# uncaught exception's abort() gets a full stack, and leaks are reported. No leak suppressions: Qt's
# (uninstrumented) global state stays reachable at exit, so LeakSanitizer has nothing of Qt's to
# report in the tests or fuzzers, and a library-wide suppression would also hide our own leaks of Qt
# containers.
export ASAN_OPTIONS="detect_leaks=1:handle_abort=1:check_initialization_order=1:strict_init_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
