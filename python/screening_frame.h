// screening.csv as pandas columns (columns.h): the columns of
// report/screening_csv.h, under its names and in its order, one row per
// person in its row order (rank, then person_id). Values are typed where the
// CSV writes text: priority float64 at full precision (NaN unknown; the CSV
// rounds to 4 places), rank and the current-law days nullable Int64 (the
// CSV's empty cells), eligible_on datetime64 (NaT), age and time_served_days
// int64, status and every other text column categorical, person_id str.
#ifndef CLEMENCY_PYTHON_SCREENING_FRAME_H_
#define CLEMENCY_PYTHON_SCREENING_FRAME_H_

#include <pybind11/pybind11.h>

#include "clemency/report/person_reasons.h"

namespace clemency::python {

pybind11::list ScreeningFrameColumns(const ScreenContext& c);

}  // namespace clemency::python

#endif  // CLEMENCY_PYTHON_SCREENING_FRAME_H_
