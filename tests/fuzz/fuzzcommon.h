#pragma once

// Shared by the libFuzzer entry points in tests/fuzz (fuzz_*.cpp). Each entry point is built
// twice: with clang and -fsanitize=fuzzer for ./scripts/run-fuzzers (PHAROS_FUZZ=ON), and with
// the normal compiler and replay_main.cpp as a CTest that replays tests/fuzz/regressions/ and
// some seeds. A broken invariant calls abort(): libFuzzer keeps the input, the replay fails.

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

/// How many sub-modes the entry point has: the first input byte modulo this count selects one
/// (its upper bits may carry a small parameter). 0: no mode byte, the whole input is the payload.
/// The replay prepends every mode byte to each seed file.
extern const int pharosFuzzModeCount;

namespace pharos::fuzz {

/// A QCoreApplication for code that needs one (translations, timers); created once.
inline void ensureApplication()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "pharos-fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app = new QCoreApplication(argc, argv);
    (void)app;
}

[[noreturn]] inline void fail(const char *file, int line, const char *condition,
                              const QString &detail)
{
    std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n%s\n", file, line, condition,
                 detail.toLocal8Bit().constData());
    std::fflush(stderr);
    std::abort();
}

/// The payload after the mode byte, as UTF-8 text (invalid sequences become U+FFFD).
inline QString text(const std::uint8_t *data, std::size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// The payload split at '\n' into at most `parts` pieces (the last keeps further newlines).
inline QStringList lines(const QString &text, int parts)
{
    QStringList out;
    qsizetype at = 0;
    while (int(out.size()) < parts - 1) {
        const qsizetype nl = text.indexOf(QLatin1Char('\n'), at);
        if (nl < 0)
            break;
        out << text.mid(at, nl - at);
        at = nl + 1;
    }
    out << text.mid(at);
    while (int(out.size()) < parts)
        out << QString();
    return out;
}

} // namespace pharos::fuzz

/// Checks an invariant of the code under test; `detail` (a QString) says what was seen.
#define PHAROS_FUZZ_CHECK(condition, detail)                                                       \
    do {                                                                                           \
        if (!(condition))                                                                          \
            ::pharos::fuzz::fail(__FILE__, __LINE__, #condition, (detail));                        \
    } while (false)
