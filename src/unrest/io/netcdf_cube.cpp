#include "unrest/io/netcdf_cube.hpp"

#include <fmt/format.h>
#include <netcdf.h>

#include <vector>

#include "unrest/scenario/calendar.hpp"
#include "unrest/scenario/national_quantities.hpp"

namespace unrest::io {
namespace {

using national::Quantity;

class NetcdfFile {
 public:
  explicit NetcdfFile(const std::filesystem::path& path) : path_(path.string()) {
    check(nc_create(path_.c_str(), NC_CLOBBER | NC_64BIT_OFFSET, &id_), "create");
  }
  ~NetcdfFile() {
    if (id_ >= 0) nc_close(id_);
  }
  NetcdfFile(const NetcdfFile&) = delete;
  NetcdfFile& operator=(const NetcdfFile&) = delete;

  void check(int status, const char* what) const {
    if (status != NC_NOERR) {
      throw std::runtime_error(fmt::format("{}: NetCDF {}: {}", path_, what, nc_strerror(status)));
    }
  }
  int dimension(const char* name, std::size_t length) {
    int dim = 0;
    check(nc_def_dim(id_, name, length, &dim), "dimension");
    return dim;
  }
  int variable(const std::string& name, nc_type type, std::vector<int> dims) {
    int var = 0;
    check(nc_def_var(id_, name.c_str(), type, static_cast<int>(dims.size()), dims.data(), &var),
          "variable");
    return var;
  }
  void text(int var, const char* name, const std::string& value) {
    check(nc_put_att_text(id_, var, name, value.size(), value.c_str()), "attribute");
  }
  void number(int var, const char* name, double value) {
    check(nc_put_att_double(id_, var, name, NC_DOUBLE, 1, &value), "attribute");
  }
  void end_definitions() { check(nc_enddef(id_), "definitions"); }
  int id() const { return id_; }
  void close() {
    const int id = id_;
    id_ = -1;
    check(nc_close(id), "close");
  }

 private:
  std::string path_;
  int id_ = -1;
};

// The quantity table's units are ours ("agents, cumulative", "0..1"); CF wants UDUNITS, in which
// counts and shares are dimensionless ("1"). Ours is kept as a comment.
std::string cf_units(const Quantity&) { return "1"; }

}  // namespace

void require_netcdf() {}

void write_places_netcdf(const std::filesystem::path& path, const national::NationalEngine& e) {
  const auto& s = e.scenario();
  const auto& places = s.places;
  const std::size_t hours = e.records().size();
  std::size_t name_length = 1;
  for (const auto& p : places) name_length = std::max(name_length, p.id.size());

  NetcdfFile f(path);
  const int place_dim = f.dimension("place", places.size());
  const int time_dim = f.dimension("time", hours);
  const int name_dim = f.dimension("place_id_length", name_length);
  const int time_var = f.variable("time", NC_DOUBLE, {time_dim});
  f.text(time_var, "standard_name", "time");
  f.text(time_var, "long_name",
         "local time of the hour (the scenario's clock), as places.csv's time column");
  f.text(time_var, "units", fmt::format("hours since {} 00:00:00", s.start_date));
  f.text(time_var, "calendar", "standard");
  const int place_var = f.variable("place", NC_CHAR, {place_dim, name_dim});
  f.text(place_var, "long_name", "place id");
  f.text(place_var, "cf_role", "timeseries_id");
  f.text(place_var, "_Encoding", "utf-8");  // read back as text, not bytes (xarray, netCDF4)
  const int lat_var = f.variable("lat", NC_DOUBLE, {place_dim});
  f.text(lat_var, "standard_name", "latitude");
  f.text(lat_var, "units", "degrees_north");
  const int lon_var = f.variable("lon", NC_DOUBLE, {place_dim});
  f.text(lon_var, "standard_name", "longitude");
  f.text(lon_var, "units", "degrees_east");
  const int population_var = f.variable("population", NC_DOUBLE, {place_dim});
  f.text(population_var, "long_name", "population (people)");
  f.text(population_var, "units", "1");

  std::vector<const Quantity*> columns;
  std::vector<int> vars;
  for (const Quantity& q : national::quantities()) {
    if (!q.in_tables) continue;
    const bool whole = q.format != national::Format::real;
    const int var =
        f.variable(std::string(q.name), whole ? NC_INT : NC_DOUBLE, {place_dim, time_dim});
    f.text(var, "long_name", std::string(q.description));
    f.text(var, "units", cf_units(q));
    f.text(var, "comment", fmt::format("unit: {}", q.unit));
    f.text(var, "coordinates", "lat lon");
    columns.push_back(&q);
    vars.push_back(var);
  }
  f.text(NC_GLOBAL, "Conventions", "CF-1.8");
  f.text(NC_GLOBAL, "featureType", "timeSeries");
  f.text(NC_GLOBAL, "title", fmt::format("{}: per-place hourly outputs", s.name));
  f.text(NC_GLOBAL, "source", "unrest " UNREST_VERSION);
  f.text(NC_GLOBAL, "scenario", s.name);
  f.text(NC_GLOBAL, "counterfactual", s.counterfactual);
  f.text(NC_GLOBAL, "seed", std::to_string(s.seed));  // as text: a 64-bit seed is no double
  f.number(NC_GLOBAL, "scale", s.scale);
  f.text(NC_GLOBAL, "comment",
         "counts are agents (people times scale), as in places.csv; divide by scale for people");
  f.end_definitions();

  std::vector<double> time(hours);
  for (std::size_t t = 0; t < hours; ++t) time[t] = static_cast<double>(t);
  f.check(nc_put_var_double(f.id(), time_var, time.data()), "time");
  std::vector<char> names(places.size() * name_length, '\0');
  std::vector<double> lat, lon, population;
  for (std::size_t p = 0; p < places.size(); ++p) {
    std::copy(places[p].id.begin(), places[p].id.end(), names.begin() + p * name_length);
    lat.push_back(places[p].lat);
    lon.push_back(places[p].lon);
    population.push_back(places[p].population);
  }
  f.check(nc_put_var_text(f.id(), place_var, names.data()), "place");
  f.check(nc_put_var_double(f.id(), lat_var, lat.data()), "lat");
  f.check(nc_put_var_double(f.id(), lon_var, lon.data()), "lon");
  f.check(nc_put_var_double(f.id(), population_var, population.data()), "population");
  std::vector<double> reals(places.size() * hours);
  std::vector<int> wholes(places.size() * hours);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const Quantity& q = *columns[c];
    for (std::size_t p = 0; p < places.size(); ++p) {
      for (std::size_t t = 0; t < hours; ++t) {
        const double v = q.of(e.records()[t][p]);
        reals[p * hours + t] = v;
        wholes[p * hours + t] = static_cast<int>(v);
      }
    }
    if (q.format == national::Format::real) {
      f.check(nc_put_var_double(f.id(), vars[c], reals.data()), std::string(q.name).c_str());
    } else {
      f.check(nc_put_var_int(f.id(), vars[c], wholes.data()), std::string(q.name).c_str());
    }
  }
  f.close();
}

}  // namespace unrest::io
