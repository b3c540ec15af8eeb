#include "cli/DriftWindow.h"

#include "data/RowSelection.h"

#include <QHash>
#include <QMutexLocker>
#include <cmath>
#include <limits>
#include <numeric>

namespace sextant::cli {

using namespace sextant::engine;

namespace {

// The last `keep` rows of the columns, one after another, as one column of the profile's
// type (a column of the other type is converted; what cannot be is missing).
Column concatenate(
    const FeatureDistribution &profile, const std::vector<const Column *> &parts, std::int64_t skip)
{
    if (!profile.categorical) {
        std::vector<double> values;
        for (const Column *part : parts) {
            Column numeric;
            const Column *c = part;
            if (!c->isNumeric()) {
                if (!c->toNumeric(numeric))
                    numeric = Column::numeric(c->name(),
                        std::vector<double>(
                            std::size_t(c->size()), std::numeric_limits<double>::quiet_NaN()));
                c = &numeric;
            }
            for (double v : c->values())
                values.push_back(v);
        }
        values.erase(values.begin(), values.begin() + std::min<std::int64_t>(skip, values.size()));
        return Column::numeric(profile.name, std::move(values));
    }
    QStringList categories;
    QHash<QString, std::int32_t> index;
    std::vector<std::int32_t> codes;
    for (const Column *part : parts) {
        const Column c = part->isCategorical() ? *part : part->toCategorical();
        const QStringList &names = c.categories();
        for (std::int32_t code : c.codes()) {
            if (code < 0 || code >= names.size()) {
                codes.push_back(-1);
                continue;
            }
            auto it = index.constFind(names[code]);
            if (it == index.constEnd()) {
                it = index.insert(names[code], std::int32_t(categories.size()));
                categories.push_back(names[code]);
            }
            codes.push_back(it.value());
        }
    }
    codes.erase(codes.begin(), codes.begin() + std::min<std::int64_t>(skip, codes.size()));
    return Column::categorical(profile.name, std::move(codes), std::move(categories));
}

} // namespace

DriftWindow::DriftWindow(DriftProfile profile, std::int64_t capacity)
    : m_profile(std::move(profile)), m_capacity(std::max<std::int64_t>(1, capacity))
{
}

void DriftWindow::add(const Dataset &preprocessed, const Column &predicted)
{
    Batch b;
    const std::int64_t n = preprocessed.rowCount();
    b.features.reserve(m_profile.features.size());
    for (const FeatureDistribution &p : m_profile.features) {
        const int index = preprocessed.indexOf(p.name);
        if (index < 0)
            return; // the model could not have predicted these rows
        b.features.push_back(preprocessed.column(index));
    }
    b.hasPrediction = predicted.size() == n && n > 0;
    if (b.hasPrediction)
        b.predicted = predicted;
    b.rows = n;
    if (n > m_capacity) {
        // A batch larger than the window: only its last rows.
        std::vector<std::int64_t> last(static_cast<std::size_t>(m_capacity));
        std::iota(last.begin(), last.end(), n - m_capacity);
        for (Column &c : b.features) {
            Dataset one;
            one.addColumn(c);
            c = selectRows(one, last).column(0);
        }
        if (b.hasPrediction) {
            Dataset one;
            one.addColumn(b.predicted);
            b.predicted = selectRows(one, last).column(0);
        }
        b.rows = m_capacity;
    }
    QMutexLocker lock(&m_mutex);
    m_rows += b.rows;
    m_batches.push_back(std::move(b));
    while (!m_batches.empty() && m_rows - m_batches.front().rows >= m_capacity) {
        m_rows -= m_batches.front().rows;
        m_batches.pop_front();
    }
}

std::int64_t DriftWindow::rows() const
{
    QMutexLocker lock(&m_mutex);
    return std::min(m_rows, m_capacity);
}

DriftReport DriftWindow::report() const
{
    std::deque<Batch> batches;
    std::int64_t rows = 0;
    {
        QMutexLocker lock(&m_mutex);
        batches = m_batches; // shares the columns' cells
        rows = m_rows;
    }
    const std::int64_t skip = std::max<std::int64_t>(0, rows - m_capacity);
    Dataset window;
    for (std::size_t f = 0; f < m_profile.features.size(); ++f) {
        std::vector<const Column *> parts;
        for (const Batch &b : batches)
            parts.push_back(&b.features[f]);
        window.addColumn(concatenate(m_profile.features[f], parts, skip));
    }
    if (m_profile.features.empty() || batches.empty())
        return DriftReport::compare(m_profile, window, nullptr);
    bool allPredicted = true;
    std::vector<const Column *> predicted;
    for (const Batch &b : batches) {
        allPredicted = allPredicted && b.hasPrediction;
        predicted.push_back(&b.predicted);
    }
    if (!m_profile.target || !allPredicted)
        return DriftReport::compare(m_profile, window, nullptr);
    const Column p = concatenate(*m_profile.target, predicted, skip);
    return DriftReport::compare(m_profile, window, &p);
}

} // namespace sextant::cli
