// Shared by the checks and their reports: numbers as a person writes them, field paths as a
// person names them, and where a field was read.
#pragma once

#include <string>
#include <vector>

#include "records/records.h"

namespace jixiao {

// 74, 0.6, 12.05: the fewest decimals that show `v` (at most `max_decimals`).
std::string FormatNumber(double v, int max_decimals = 6);
// Money with at least two decimals: 100.00, 12.05, 120526.20.
std::string FormatMoney(double v);

// The page a finding points at: the first of `fields` with provenance, else the project's
// first page; 0 when unknown.
int PageOf(const Project& p, const std::vector<std::string>& fields);

// A field path ("budget.total", "indicators[3].value") as the document labels it, from the
// field registry (records/fields.h): 预算数, 第 4 行指标的指标值; in English the JSON names:
// budget.total, indicator row 4 value. A path the registry does not know is returned as given.
std::string FieldLabelZh(const std::string& field);
std::string FieldLabelEn(const std::string& field);
// The field's text in the project, as read: numbers with the fewest decimals (FormatNumber),
// all goals joined by "；"; "" for an unknown path or an item that is not there.
std::string FieldText(const Project& p, const std::string& field);

// Columns a string takes on a terminal (ideographs and full-width forms take two).
int DisplayWidth(const std::string& utf8);

}  // namespace jixiao
