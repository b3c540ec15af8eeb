#pragma once

#include "data/LoadResult.h"

namespace sextant::engine {

// Reads Weka's ARFF format: @relation, @attribute with numeric/real/integer, nominal
// {a,b,c} and string types, @data in dense or sparse ({index value, ...}) form, '?' as
// missing, % comments, quoted names and values. Nominal attributes become categorical
// columns whose categories keep the declared order. The last attribute is given the
// target role (Weka's convention).
class ArffReader
{
public:
    static LoadResult read(const QString &path, const LoadControl &control = {});
    static LoadResult readBuffer(const QByteArray &data, const QString &sourceName,
                                 const LoadControl &control = {});
};

} // namespace sextant::engine
