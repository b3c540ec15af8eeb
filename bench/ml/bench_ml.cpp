// bench_ml --task NAME --data DIR: runs one registered task on DIR/NAME.* and prints one
// JSON line {"task":..,"seconds":..,"score":..,"score_name":..}. bench/ml/run.py drives it.
// bench_ml --list prints the task names.
#include "BenchTask.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

namespace sextant::bench {

static std::map<std::string, BenchTaskDef> &tasks()
{
    static std::map<std::string, BenchTaskDef> t;
    return t;
}

int registerBenchTask(BenchTaskDef task)
{
    const std::string name = task.name;
    tasks()[name] = std::move(task);
    return static_cast<int>(tasks().size());
}

double benchNow()
{
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

static bool readRaw(const std::string &path, double *out, std::size_t count)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    in.read(reinterpret_cast<char *>(out), static_cast<std::streamsize>(count * sizeof(double)));
    return static_cast<std::size_t>(in.gcount()) == count * sizeof(double);
}

// Reads PREFIX.meta ("rows cols test_rows classes"), PREFIX.X, .y, .Xtest, .ytest.
// The X files are row-major (numpy's default); Eigen matrices are column-major.
static bool loadData(const std::string &prefix, BenchData &d)
{
    std::ifstream meta(prefix + ".meta");
    long rows = 0, cols = 0, testRows = 0;
    if (!(meta >> rows >> cols >> testRows >> d.classes))
        return false;
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> m(rows, cols);
    if (!readRaw(prefix + ".X", m.data(), static_cast<std::size_t>(rows * cols)))
        return false;
    d.X = m;
    d.y.resize(rows);
    if (!readRaw(prefix + ".y", d.y.data(), static_cast<std::size_t>(rows)))
        return false;
    if (testRows > 0) {
        m.resize(testRows, cols);
        if (!readRaw(prefix + ".Xtest", m.data(), static_cast<std::size_t>(testRows * cols)))
            return false;
        d.Xtest = m;
        d.ytest.resize(testRows);
        if (!readRaw(prefix + ".ytest", d.ytest.data(), static_cast<std::size_t>(testRows)))
            return false;
    }
    return true;
}

} // namespace sextant::bench

int main(int argc, char **argv)
{
    using namespace sextant::bench;
    std::string task, dataset, dir = ".";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--list") {
            for (const auto &[name, def] : tasks())
                std::cout << name << "\t" << def.description << "\n";
            return 0;
        }
        if (a == "--task" && i + 1 < argc)
            task = argv[++i];
        else if (a == "--dataset" && i + 1 < argc)
            dataset = argv[++i];
        else if (a == "--data" && i + 1 < argc)
            dir = argv[++i];
        else {
            std::cerr << "usage: bench_ml --task NAME --dataset NAME --data DIR | --list\n";
            return 2;
        }
    }
    auto it = tasks().find(task);
    if (it == tasks().end()) {
        std::cerr << "bench_ml: unknown task '" << task << "' (see --list)\n";
        return 2;
    }
    BenchData data;
    if (!loadData(dir + "/" + dataset, data)) {
        std::cerr << "bench_ml: cannot read dataset '" << dataset << "' in " << dir << "\n";
        return 2;
    }
    const BenchOutcome r = it->second.run(data);
    std::printf("{\"task\": \"%s\", \"seconds\": %.6f, \"score\": %.6f, \"score_name\": \"%s\"}\n",
        task.c_str(), r.seconds, r.score, r.scoreName.c_str());
    return 0;
}
