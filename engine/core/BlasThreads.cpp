// OpenBLAS (loaded with OpenCV) starts a worker thread per core while the libraries are
// initialised, and each worker allocates a 128 MB buffer as it starts. When that fails
// (under `ulimit -v`, or with little memory left), OpenBLAS 0.3.21 retries it forever and
// its exit handler waits for the worker: the process spins and never ends, so a clean
// "not enough memory" refusal became a hang at exit. Sextant runs its own threads and
// does not use OpenBLAS's, so no worker is started: OpenBLAS counts the cores it may use
// from the thread's CPU affinity, so while the libraries are initialised the process is
// held to one of its CPUs (from .preinit_array, which runs before any library's
// initialiser; setting OPENBLAS_NUM_THREADS there does not last, the C library resets
// the environment when it initialises), and the executable's own initialiser, which runs
// after every library's, gives the full set back. A user who sets OPENBLAS_NUM_THREADS
// (or GOTO_NUM_THREADS, OMP_NUM_THREADS) keeps that choice.
//
// Linked into every executable that links the engine (CMake forces this object in with
// -Wl,--undefined=sextant_blas_threads_anchor): the studio, the tests, the fuzz targets.
#include <cstring>
#include <sched.h>

namespace {

cpu_set_t g_affinity; // the process's CPUs, saved while it is held to one
bool g_held = false;

bool inEnvironment(char **envp, const char *name)
{
    const std::size_t n = std::strlen(name);
    for (char **e = envp; e && *e; ++e)
        if (std::strncmp(*e, name, n) == 0 && (*e)[n] == '=')
            return true;
    return false;
}

void holdToOneCpu(int, char **, char **envp)
{
    // getenv() does not work yet (the C library is not initialised): read envp.
    if (inEnvironment(envp, "OPENBLAS_NUM_THREADS") || inEnvironment(envp, "GOTO_NUM_THREADS")
        || inEnvironment(envp, "OMP_NUM_THREADS"))
        return;
    if (sched_getaffinity(0, sizeof g_affinity, &g_affinity) != 0 || CPU_COUNT(&g_affinity) < 2)
        return;
    cpu_set_t one;
    CPU_ZERO(&one);
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
        if (CPU_ISSET(cpu, &g_affinity)) {
            CPU_SET(cpu, &one);
            break;
        }
    }
    g_held = sched_setaffinity(0, sizeof one, &one) == 0;
}

// Runs before the initialisers of the shared libraries.
__attribute__((section(".preinit_array"), used)) void (*const g_preinit)(int, char **, char **)
    = &holdToOneCpu;

// Runs after them (the executable's own initialisers come last).
struct ReleaseCpus {
    ReleaseCpus()
    {
        if (g_held)
            sched_setaffinity(0, sizeof g_affinity, &g_affinity);
    }
} g_release;

} // namespace

extern "C" void sextant_blas_threads_anchor()
{
}
