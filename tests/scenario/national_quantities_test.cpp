// The table of output quantities: one declaration behind the CSV files, the ensemble series and
// the target quantities.
#include "unrest/scenario/national_quantities.hpp"

#include <gtest/gtest.h>

#include <set>

#include "engine/tiny_world.hpp"
#include "unrest/experiments/seed_ensemble.hpp"
#include "unrest/io/national_outputs.hpp"

namespace unrest::national {
namespace {

TEST(Quantities, NamesAreUniqueAndEachHasAUnitAndAMeaning) {
  std::set<std::string_view> names;
  for (const Quantity& q : quantities()) {
    EXPECT_TRUE(names.insert(q.name).second) << q.name;
    EXPECT_FALSE(q.unit.empty()) << q.name;
    EXPECT_FALSE(q.description.empty()) << q.name;
    EXPECT_EQ(find_quantity(q.name), &q);
  }
  EXPECT_EQ(find_quantity("no_such_thing"), nullptr);
}

TEST(Quantities, PlacesAddUpToTheNationBySumOrPopulationMean) {
  std::vector<PlaceRecord> row(2);
  row[0].counts.arrests = 10;
  row[1].counts.arrests = 5;
  row[0].legitimacy = 0.5;
  row[1].legitimacy = 0.8;
  std::vector<Place> places(2);
  places[0].population = 1000;
  places[1].population = 3000;
  EXPECT_EQ(national_value(*find_quantity("arrests"), row, places), 15.0);
  EXPECT_DOUBLE_EQ(national_value(*find_quantity("legitimacy"), row, places), 0.725);
  places[0].population = places[1].population = 0;  // nobody: the plain mean
  EXPECT_DOUBLE_EQ(national_value(*find_quantity("legitimacy"), row, places), 0.65);
}

TEST(Quantities, TheChartsOfTheReportAndViewerAreMadeOfDeclaredQuantities) {
  std::set<std::string_view> keys;
  for (const Chart& c : national_charts()) {
    EXPECT_TRUE(keys.insert(c.key).second) << c.key;
    EXPECT_FALSE(c.title.empty());
    ASSERT_FALSE(c.sum_of.empty());
    for (const auto name : c.sum_of) {
      const Quantity* q = find_quantity(name);
      ASSERT_NE(q, nullptr) << name;
      EXPECT_NE(q->aggregate, Aggregate::per_place) << name;
      EXPECT_EQ(q->format == Format::count, counts_agents(c)) << c.key;  // no mixed sums
    }
  }
  EXPECT_TRUE(keys.count("deaths"));
  EXPECT_FALSE(counts_agents(national_charts().back()));  // the activity index is a share
}

TEST(Quantities, ValuesAreWrittenByTheirFormat) {
  EXPECT_EQ(format_value(*find_quantity("arrests"), 5014.0), "5014");
  EXPECT_EQ(format_value(*find_quantity("legitimacy"), 0.59871234), "0.598712");
  EXPECT_EQ(format_value(*find_quantity("curfew"), 1.0), "1");
}

TEST(Quantities, TheCsvHeadersAndTheEnsembleSeriesFollowTheTable) {
  auto s = testing::tiny_world(2, 1120, 64);
  s.ticks = 2;
  const auto e = testing::run(s);
  std::string places_header = "tick,time,place";
  std::string national_header = "tick,time";
  std::vector<std::string> series;
  for (const Quantity& q : quantities()) {
    if (!q.in_tables) continue;
    places_header += ',';
    places_header += q.name;
    if (q.aggregate != Aggregate::per_place) {
      national_header += ',';
      national_header += q.name;
      series.emplace_back(q.name);
    }
  }
  const std::string places = io::places_csv(*e);
  const std::string national = io::national_csv(*e);
  EXPECT_EQ(places.substr(0, places.find('\n')), places_header);
  EXPECT_EQ(national.substr(0, national.find('\n')), national_header);
  EXPECT_EQ(experiments::ensemble_series_names(), series);
  EXPECT_EQ(target_quantity_names(),
            (std::vector<std::string>{"arrests", "citizens_killed", "citizens_injured",
                                      "cops_killed", "cops_injured", "damage", "people_injured"}));
}

}  // namespace
}  // namespace unrest::national
