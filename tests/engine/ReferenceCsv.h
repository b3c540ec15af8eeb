#pragma once
// Test helper (header-only): reads one of the reference datasets in
// resources/datasets/ (header line, numeric feature columns, target last) into a matrix
// (rows are samples) and a target vector; a non-numeric target becomes class codes in
// order of first appearance.

#include <Eigen/Core>
#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
#include <map>
#include <vector>

namespace sextant::testing {

inline bool loadCsv(const QString &name, Eigen::MatrixXd &X, Eigen::VectorXd &y)
{
    QFile f(QStringLiteral(SEXTANT_RESOURCES_DIR "/datasets/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    f.readLine();
    std::vector<std::vector<double>> rows;
    std::vector<double> target;
    std::map<QByteArray, int> codes;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QList<QByteArray> cells = line.split(',');
        std::vector<double> r;
        for (qsizetype i = 0; i + 1 < cells.size(); ++i)
            r.push_back(cells[i].toDouble());
        bool ok = false;
        double t = cells.last().toDouble(&ok);
        if (!ok)
            t = codes.emplace(cells.last(), static_cast<int>(codes.size())).first->second;
        rows.push_back(r);
        target.push_back(t);
    }
    X.resize(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(rows[0].size()));
    y.resize(X.rows());
    for (Eigen::Index i = 0; i < X.rows(); ++i) {
        for (Eigen::Index j = 0; j < X.cols(); ++j)
            X(i, j) = rows[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
        y(i) = target[static_cast<std::size_t>(i)];
    }
    return true;
}

} // namespace sextant::testing
