#pragma once

#include "data/Dataset.h"
#include "ml/DriftProfile.h"
#include "ml/DriftReport.h"

#include <QMutex>
#include <cstdint>
#include <deque>
#include <vector>

namespace sextant::cli {

// The most recent rows `sextant serve` predicted, for drift figures over a sliding window:
// the feature columns the model's profile describes (after its preprocessing) and the
// prediction column, for at most `capacity` rows (older rows drop out as new ones
// arrive). Thread-safe.
class DriftWindow {
public:
    DriftWindow(engine::DriftProfile profile, std::int64_t capacity);

    // `preprocessed`: the request's rows after the model's preprocessing; `predicted`:
    // their prediction column (Prediction::table's), or an empty Column for none.
    void add(const engine::Dataset &preprocessed, const engine::Column &predicted);
    std::int64_t rows() const;
    // DriftReport::compare of the window's rows against the profile.
    engine::DriftReport report() const;

private:
    // One request's rows: the profile's feature columns in its order (shared cells).
    struct Batch {
        std::vector<engine::Column> features;
        std::int64_t rows = 0;
        engine::Column predicted;
        bool hasPrediction = false;
    };

    const engine::DriftProfile m_profile;
    const std::int64_t m_capacity;
    mutable QMutex m_mutex;
    std::deque<Batch> m_batches; // guarded by m_mutex
    std::int64_t m_rows = 0; // guarded by m_mutex: rows in m_batches
};

} // namespace sextant::cli
