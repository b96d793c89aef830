#pragma once

#include <QtGlobal>

#include <cstdio>
#include <cstdlib>

// Warnings about hostile input would flood the fuzzer's output and slow it down: they are still
// formatted (that code runs too), then dropped.
inline const QtMessageHandler kFuzzPreviousMessageHandler =
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString&) {});

// A broken promise of the code under test: reported like a crash, so libFuzzer keeps the input.
[[noreturn]] inline void fuzzCheckFailed(const char* what)
{
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
}

#define FUZZ_CHECK(condition)                                                                                          \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            fuzzCheckFailed(#condition);                                                                               \
    } while (false)
