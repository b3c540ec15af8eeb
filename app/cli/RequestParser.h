#pragma once

#include "data/Dataset.h"
#include "ml/TrainedModel.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <cstdint>
#include <optional>

namespace sextant::cli {

// Why a request was refused: the HTTP status (4xx), a message a person can read, and
// where the problem is when it is one cell or column: `row` is 1-based (-1: the request
// as a whole), `column` empty when it is no one column.
struct RequestError {
    int status = 400;
    QString message;
    std::int64_t row = -1;
    QString column;

    // {"error": {"status", "message", "row", "column"}} (row and column when known).
    QJsonObject toJson() const;
};

// The table a `POST /predict` body describes, for the columns-by-name matching of
// TrainedModel::predict (BatchPredictor).
//
// Bodies:
//  - JSON (Content-Type application/json, or a body starting with '{' sent without a
//    type or as application/x-www-form-urlencoded, curl's default):
//      {"rows": [{"sepal_length": 5.1, "species": "setosa"}, ...]}   one object per row
//      {"columns": {"sepal_length": [5.1, 4.9], "species": ["setosa", null]}}
//    A cell is a number, a text or null (missing); a key a row lacks is a missing cell.
//    A column the model reads as numeric takes numbers (or texts that are numbers, the
//    way a CSV cell is read); one it reads as categorical takes texts (numbers become
//    their text). Other columns are numeric when every present cell is a number, else
//    categorical, as the CSV reader decides.
//  - CSV (Content-Type text/csv, text/plain, text/tab-separated-values; or another body
//    without a type): read by
//    the CSV reader exactly as `sextant predict` reads a file (header row, delimiter
//    sniffing, missing tokens, type inference).
// Refused (status 400 unless said): malformed JSON (with the line and column of the
// error) or CSV (the reader's line and field), a root that is not an object with "rows"
// or "columns", a row that is not an object, columns of unequal lengths, a cell that is an
// object, array or boolean, a text where the model expects a number (naming the row and
// column), no rows; an unsupported Content-Type is 415.
class RequestParser {
public:
    struct Parsed {
        engine::Dataset table;
        std::optional<RequestError> error;
    };

    static Parsed parse(
        const QByteArray &body, const QByteArray &contentType, const engine::TrainedModel &model);
};

} // namespace sextant::cli
