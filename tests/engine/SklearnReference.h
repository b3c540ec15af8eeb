#pragma once
// Test helper (header-only, not a test itself): runs a Python snippet on the Python that
// has numpy and scikit-learn (SEXTANT_PYTHON), hands it matrices as CSV files and reads
// back one JSON object from its standard output.

#include "ReferenceSkip.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <vector>

namespace sextant::testing {

class SklearnReference {
public:
    // Empty when numpy and scikit-learn import; otherwise why not (for SEXTANT_SKIP_REFERENCE).
    static QString unavailableReason()
    {
        QProcess p;
        p.start(QStringLiteral(SEXTANT_PYTHON),
            { QStringLiteral("-c"), QStringLiteral("import numpy, sklearn") });
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit)
            return QStringLiteral("could not run " SEXTANT_PYTHON);
        if (p.exitCode() != 0)
            return QStringLiteral("numpy/scikit-learn not importable by " SEXTANT_PYTHON ": ")
                + QString::fromUtf8(p.readAllStandardError()).trimmed();
        return {};
    }

    bool isValid() const { return m_dir.isValid(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Writes `rows` x `cols` values (row-major) as a comma-separated file, full precision.
    bool writeMatrix(const QString &name, const double *data, qsizetype rows, qsizetype cols) const
    {
        QFile f(path(name));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        QByteArray line;
        for (qsizetype r = 0; r < rows; ++r) {
            line.clear();
            for (qsizetype c = 0; c < cols; ++c) {
                if (c)
                    line += ',';
                line += QByteArray::number(data[r * cols + c], 'g', 17);
            }
            line += '\n';
            f.write(line);
        }
        return true;
    }
    template<typename T> bool writeVector(const QString &name, const std::vector<T> &v) const
    {
        std::vector<double> d(v.begin(), v.end());
        return writeMatrix(name, d.data(), static_cast<qsizetype>(d.size()), 1);
    }

    // Runs `script` with the working directory set to the data folder; the script prints
    // one JSON object. Returns an empty object and fills `error` on failure.
    QJsonObject run(const QString &script, QString *error) const
    {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(QStringLiteral(SEXTANT_PYTHON), { QStringLiteral("-c"), script });
        if (!p.waitForFinished(480000)) { // minutes on a loaded 2-core machine
            p.kill();
            *error = QStringLiteral("python timed out");
            return {};
        }
        const QByteArray out = p.readAllStandardOutput();
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            *error = QString::fromUtf8(p.readAllStandardError());
            return {};
        }
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(out, &pe);
        if (!doc.isObject()) {
            *error = QStringLiteral("bad JSON from python: ") + pe.errorString() + QLatin1Char('\n')
                + QString::fromUtf8(out.left(500));
            return {};
        }
        return doc.object();
    }

    static std::vector<double> toVector(const QJsonValue &v)
    {
        std::vector<double> out;
        const QJsonArray a = v.toArray();
        out.reserve(static_cast<std::size_t>(a.size()));
        for (const QJsonValue &x : a)
            out.push_back(x.toDouble());
        return out;
    }
    // A nested JSON array (list of rows) flattened row-major.
    static std::vector<double> toMatrix(
        const QJsonValue &v, int *rows = nullptr, int *cols = nullptr)
    {
        std::vector<double> out;
        const QJsonArray a = v.toArray();
        if (rows)
            *rows = static_cast<int>(a.size());
        if (cols)
            *cols = a.isEmpty() ? 0 : static_cast<int>(a.first().toArray().size());
        for (const QJsonValue &row : a)
            for (const QJsonValue &x : row.toArray())
                out.push_back(x.toDouble());
        return out;
    }

private:
    QTemporaryDir m_dir;
};

} // namespace sextant::testing
