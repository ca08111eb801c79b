#pragma once
// Every quantity the national model reports, declared once. The columns of places.csv and
// national.csv, the series of an ensemble's quantiles, the quantities a [[target]] may name
// and `unrest outputs` (the documentation of the outputs) all come from this table; adding a
// quantity is one entry here and, if it is new, its computation in the engine.
#include <string>
#include <string_view>
#include <vector>

#include "unrest/model/national/place_record.hpp"
#include "unrest/scenario/national_scenario.hpp"

namespace unrest::national {

// How the places of one hour add up to the nation.
enum class Aggregate {
  sum,              // counts
  population_mean,  // shares and levels, weighted by the places' populations
  per_place,        // meaningful per place only (flags, signals): not in national.csv
};

// How a value is written in the CSV files.
enum class Format {
  count,  // a whole number
  real,   // 6 significant digits
  flag,   // 0 or 1
};

struct Quantity {
  std::string_view name;
  std::string_view unit;
  Aggregate aggregate;
  Format format;
  bool in_tables;  // a column of places.csv (and of national.csv unless per place)
  bool target;     // a [[target]] may name it
  std::string_view description;
  double (*of)(const PlaceRecord&);
};

// In the order of the CSV columns.
const std::vector<Quantity>& quantities();
// Null if there is no such quantity.
const Quantity* find_quantity(std::string_view name);
// The names of the quantities that targets may name, in table order.
std::vector<std::string> target_quantity_names();
// The quantities of national.csv and of an ensemble's series, in column order.
std::vector<const Quantity*> national_quantities();

// A national curve of the report and the viewer: the sum of some quantities' national values
// (or one mean), in people where they are counts. Their keys and titles reach the pages as data.
struct Chart {
  std::string_view key;
  std::string_view title;
  std::vector<std::string_view> sum_of;  // quantity names
};
const std::vector<Chart>& national_charts();
// Whether a chart's values are counts of agents, to be turned into people by the scale.
bool counts_agents(const Chart& chart);

// The nation's value of `q` in one hour (for a per-place quantity, its population mean).
double national_value(const Quantity& q, const std::vector<PlaceRecord>& row,
                      const std::vector<Place>& places);
// The CSV text of a value.
std::string format_value(const Quantity& q, double value);

}  // namespace unrest::national
