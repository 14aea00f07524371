// Replays inputs through one fuzz entry point (fuzz_<target>.cpp) built with the normal
// compiler: every file in tests/fuzz/regressions/<target>/ as it is, and the seed files with
// each mode byte in front. A broken invariant aborts, which fails the test.
//
// Defined by tests/fuzz/CMakeLists.txt: PHAROS_FUZZ_TARGET, PHAROS_FUZZ_REGRESSIONS (a folder)
// and PHAROS_FUZZ_SEEDS ("folder/pattern|folder/pattern|...", each must match a file).

#include "fuzzcommon.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtTest>

class TestFuzzReplay : public QObject
{
    Q_OBJECT
private:
    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(path));
        return f.readAll();
    }

    static void run(const QByteArray &input, const QString &what)
    {
        qInfo("%s: %s (%lld bytes)", PHAROS_FUZZ_TARGET, qPrintable(what),
              static_cast<long long>(input.size()));
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(input.constData()),
                               std::size_t(input.size()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        int argc = 0;
        char **argv = nullptr;
        LLVMFuzzerInitialize(&argc, &argv);
        QVERIFY2(QFileInfo(QStringLiteral(PHAROS_FUZZ_REGRESSIONS)).isDir(),
                 PHAROS_FUZZ_REGRESSIONS);
    }

    // Every crash, timeout or sanitizer report the fuzzers found, as it was found.
    void regressions()
    {
        const QDir dir(QStringLiteral(PHAROS_FUZZ_REGRESSIONS));
        for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
            run(readAll(dir.filePath(name)), dir.filePath(name));
    }

    // The seed files, with each mode byte in front when the entry point has modes.
    void seeds()
    {
        const QStringList patterns =
            QStringLiteral(PHAROS_FUZZ_SEEDS).split(QLatin1Char('|'), Qt::SkipEmptyParts);
        QVERIFY(!patterns.isEmpty());
        for (const QString &pattern : patterns) {
            const QFileInfo fi(pattern);
            const QDir dir = fi.dir();
            const QStringList names = dir.entryList({fi.fileName()}, QDir::Files, QDir::Name);
            QVERIFY2(!names.isEmpty(), qPrintable(QLatin1String("no seed matches ") + pattern));
            for (const QString &name : names) {
                const QString path = dir.filePath(name);
                const QByteArray bytes = readAll(path);
                if (pharosFuzzModeCount == 0) {
                    run(bytes, path);
                    continue;
                }
                for (int mode = 0; mode < pharosFuzzModeCount; ++mode)
                    run(char(mode) + bytes, path + QStringLiteral(" in mode %1").arg(mode));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestFuzzReplay)
#include "replay_main.moc"
