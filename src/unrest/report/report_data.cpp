#include "unrest/report/report_data.hpp"

#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "unrest/io/csv_table.hpp"
#include "unrest/scenario/national_quantities.hpp"

namespace unrest::report {
namespace {

namespace fs = std::filesystem;
using io::CsvTable;
using io::InputFileError;
using nlohmann::json;

json read_json(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputFileError(fmt::format("{}: cannot read the file", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return json::parse(text.str());
  } catch (const json::parse_error& e) {
    throw InputFileError(fmt::format("{}: not valid JSON: {}", path.string(), e.what()));
  }
}

// A field the file must have, with the right type; throws naming the file and the key.
template <typename T>
T field(const json& doc, const fs::path& file, const json::json_pointer& key) {
  try {
    return doc.at(key).get<T>();
  } catch (const json::exception&) {
    throw InputFileError(
        fmt::format("{}: key '{}' missing or of the wrong type", file.string(), key.to_string()));
  }
}

json manifest_of(const fs::path& dir) {
  const fs::path file = dir / "manifest.json";
  if (!fs::is_directory(dir)) {
    throw InputFileError(fmt::format("{}: no such folder", dir.string()));
  }
  if (!fs::exists(file)) {
    throw InputFileError(
        fmt::format("{}: no manifest.json; not a folder written by unrest run or unrest ensemble",
                    dir.string()));
  }
  json manifest = read_json(file);
  if (!field<bool>(manifest, file, json::json_pointer("/complete"))) {
    throw InputFileError(fmt::format("{}: the run is marked incomplete", file.string()));
  }
  return manifest;
}

std::string run_label(const json& run) {
  std::string label = run["scenario"].get<std::string>();
  if (!run["counterfactual"].get<std::string>().empty()) {
    label += " [" + run["counterfactual"].get<std::string>() + "]";
  }
  for (const auto& id : run["without"]) label += " without " + id.get<std::string>();
  return label + fmt::format(", seed {}", run["seed"].get<std::uint64_t>());
}

}  // namespace

double people(double agents, double scale) { return std::round(agents / scale * 100.0) / 100.0; }

json place_json(const std::string& id, const std::string& name, double lat, double lon,
                double population) {
  return {{"id", id}, {"name", name}, {"lat", lat}, {"lon", lon}, {"population", population}};
}

FolderKind folder_kind(const fs::path& dir) {
  const json manifest = manifest_of(dir);
  if (fs::exists(dir / "quantiles.csv")) return FolderKind::ensemble;
  if (fs::exists(dir / "national.csv")) return FolderKind::national_run;
  if (fs::exists(dir / "timeseries.csv")) return FolderKind::classic_run;
  throw InputFileError(fmt::format(
      "{}: neither national.csv, timeseries.csv nor quantiles.csv; not an unrest output folder",
      dir.string()));
}

json national_run_data(const fs::path& dir) {
  const json manifest = manifest_of(dir);
  const fs::path manifest_file = dir / "manifest.json";
  const fs::path summary_file = dir / "summary.json";
  const json summary = read_json(summary_file);
  const double scale = field<double>(summary, summary_file, json::json_pointer("/scale"));
  if (!(scale > 0))
    throw InputFileError(fmt::format("{}: scale must be > 0", summary_file.string()));

  json run;
  run["dir"] = dir.string();
  run["scenario"] = field<std::string>(summary, summary_file, json::json_pointer("/scenario"));
  run["description"] = manifest.value(json::json_pointer("/effective/scenario/description"), "");
  run["counterfactual"] = summary.value("counterfactual", "");
  run["without"] = summary.value("without", json::array());
  run["seed"] = field<std::uint64_t>(summary, summary_file, json::json_pointer("/seed"));
  run["scale"] = scale;
  run["version"] =
      field<std::string>(manifest, manifest_file, json::json_pointer("/unrest_version"));
  run["overrides"] =
      manifest.value(json::json_pointer("/scenario_source/overrides"), json::array());
  run["targets"] = summary.value("targets", json::array());
  run["checks"] = summary.value("checks", json::array());
  run["label"] = run_label(run);

  // National series, in people.
  const CsvTable national = CsvTable::read(dir / "national.csv");
  const std::size_t time = national.column("time");
  const auto& charts = national::national_charts();
  std::vector<std::vector<std::size_t>> columns;
  json series = json::object();
  json chart_list = json::array();
  for (const auto& chart : charts) {
    columns.emplace_back();
    for (const auto name : chart.sum_of)
      columns.back().push_back(national.column(std::string(name)));
    series[std::string(chart.key)] = json::array();
    chart_list.push_back({{"key", chart.key}, {"title", chart.title}});
  }
  const std::size_t active = national.column("active");
  json times = json::array();
  std::size_t peak_tick = 0;
  double peak = -1;
  for (std::size_t r = 0; r < national.rows(); ++r) {
    times.push_back(national.text(r, time));
    const double a = people(national.number(r, active), scale);
    if (a > peak) peak = a, peak_tick = r;
    for (std::size_t c = 0; c < charts.size(); ++c) {
      double sum = 0;
      for (const std::size_t column : columns[c]) sum += national.number(r, column);
      series[std::string(charts[c].key)].push_back(
          national::counts_agents(charts[c]) ? people(sum, scale) : sum);
    }
  }
  run["charts"] = chart_list;
  run["times"] = times;
  run["national"] = series;
  run["peak_tick"] = peak_tick;

  // The country whose outline the map draws ([map] country; absent from older manifests).
  run["country"] = manifest.contains("effective") && manifest["effective"].contains("map")
                       ? manifest["effective"]["map"].value("country", "")
                       : "";

  // Places: where they are (manifest), when they first protested (summary), their series.
  const json places_in =
      field<json>(manifest, manifest_file, json::json_pointer("/effective/places"));
  std::map<std::string, std::size_t> index;
  json places = json::array();
  for (const auto& p : places_in) {
    json place;
    for (const char* key : {"id", "name", "lat", "lon", "population"}) {
      if (!p.contains(key)) {
        throw InputFileError(fmt::format("{}: a place lacks '{}'", manifest_file.string(), key));
      }
      place[key] = p[key];
    }
    place["active"] = json::array();
    place["rioting"] = json::array();
    index[p["id"].get<std::string>()] = places.size();
    places.push_back(place);
  }
  for (const auto& s : summary.value("places", json::array())) {
    const auto it = index.find(s.value("id", ""));
    if (it == index.end()) continue;
    places[it->second]["first_protest"] = s.value("first_protest", json());
    places[it->second]["first_riot"] = s.value("first_riot", json());
  }
  const CsvTable per_place = CsvTable::read(dir / "places.csv");
  const std::size_t place_col = per_place.column("place"), p_active = per_place.column("active"),
                    p_rioting = per_place.column("rioting");
  for (std::size_t r = 0; r < per_place.rows(); ++r) {
    const auto it = index.find(per_place.text(r, place_col));
    if (it == index.end()) {
      throw InputFileError(fmt::format("{}: place '{}' is not in manifest.json",
                                       (dir / "places.csv").string(),
                                       per_place.text(r, place_col)));
    }
    places[it->second]["active"].push_back(people(per_place.number(r, p_active), scale));
    places[it->second]["rioting"].push_back(people(per_place.number(r, p_rioting), scale));
  }
  for (const auto& p : places) {
    if (p["active"].size() != times.size()) {
      throw InputFileError(fmt::format("{}: place '{}' has {} hours, national.csv has {}",
                                       (dir / "places.csv").string(), p["id"].get<std::string>(),
                                       p["active"].size(), times.size()));
    }
  }
  run["places"] = places;

  // The events the run applied, for the markers.
  const CsvTable events = CsvTable::read(dir / "events.csv");
  const std::size_t e_tick = events.column("tick"), e_time = events.column("time"),
                    e_kind = events.column("kind"), e_id = events.column("id"),
                    e_where = events.column("where"), e_text = events.column("text");
  json applied = json::array();
  for (std::size_t r = 0; r < events.rows(); ++r) {
    if (events.text(r, e_kind) != "event") continue;
    applied.push_back({{"tick", events.number(r, e_tick)},
                       {"time", events.text(r, e_time)},
                       {"id", events.text(r, e_id)},
                       {"where", events.text(r, e_where)},
                       {"text", events.text(r, e_text)}});
  }
  run["events"] = applied;
  run["bands"] = nullptr;
  run["target_bands"] = nullptr;
  run["ensemble"] = nullptr;
  return run;
}

json classic_run_data(const fs::path& dir) {
  const json manifest = manifest_of(dir);
  const fs::path manifest_file = dir / "manifest.json";
  const fs::path summary_file = dir / "summary.json";
  const json summary = read_json(summary_file);
  json run;
  run["dir"] = dir.string();
  run["scenario"] = field<std::string>(summary, summary_file, json::json_pointer("/scenario"));
  run["description"] = manifest.value(json::json_pointer("/effective/scenario/description"), "");
  run["seed"] = field<std::uint64_t>(summary, summary_file, json::json_pointer("/seed"));
  run["version"] =
      field<std::string>(manifest, manifest_file, json::json_pointer("/unrest_version"));
  run["overrides"] =
      manifest.value(json::json_pointer("/scenario_source/overrides"), json::array());
  run["label"] = fmt::format("{}, seed {}", run["scenario"].get<std::string>(),
                             run["seed"].get<std::uint64_t>());
  run["threshold"] =
      field<double>(summary, summary_file, json::json_pointer("/outbursts/threshold"));
  run["mean_active"] =
      field<double>(summary, summary_file, json::json_pointer("/totals/mean_active"));
  json outbursts = json::array();
  for (const auto& o : field<json>(summary, summary_file, json::json_pointer("/outbursts/list"))) {
    outbursts.push_back({{"first_tick", o.at("first_tick")},
                         {"last_tick", o.at("last_tick")},
                         {"peak", o.at("peak")}});
  }
  run["outbursts"] = outbursts;
  const CsvTable series = CsvTable::read(dir / "timeseries.csv");
  const std::size_t tick = series.column("tick"), active = series.column("active"),
                    jailed = series.column("jailed"), quiet = series.column("quiet");
  for (const char* key : {"ticks", "active", "jailed", "quiet"}) run[key] = json::array();
  for (std::size_t r = 0; r < series.rows(); ++r) {
    run["ticks"].push_back(series.number(r, tick));
    run["active"].push_back(series.number(r, active));
    run["jailed"].push_back(series.number(r, jailed));
    run["quiet"].push_back(series.number(r, quiet));
  }
  return run;
}

void add_ensemble_bands(json& run, const fs::path& dir) {
  if (folder_kind(dir) != FolderKind::ensemble) {
    throw InputFileError(
        fmt::format("{}: not an ensemble folder (no quantiles.csv)", dir.string()));
  }
  const fs::path summary_file = dir / "summary.json";
  const json summary = read_json(summary_file);
  const double scale = field<double>(summary, summary_file, json::json_pointer("/scale"));
  const auto scenario = field<std::string>(summary, summary_file, json::json_pointer("/scenario"));
  const auto counterfactual = summary.value("counterfactual", "");
  if (scenario != run["scenario"] || scale != run["scale"].get<double>() ||
      counterfactual != run["counterfactual"]) {
    throw InputFileError(fmt::format(
        "{}: an ensemble of {} [{}] at scale {:g}, but the run is {} [{}] at scale {:g}",
        dir.string(), scenario, counterfactual, scale, run["scenario"].get<std::string>(),
        run["counterfactual"].get<std::string>(), run["scale"].get<double>()));
  }
  // Bands of the series the ensemble holds as such; deaths and injured are sums of two
  // series, whose quantiles do not add up, so they get no band.
  const std::map<std::string, double> wanted = {
      {"active", scale}, {"rioting", scale}, {"arrests", scale}, {"activity", 1.0}};
  const CsvTable q = CsvTable::read(dir / "quantiles.csv");
  const std::size_t place = q.column("place"), name = q.column("series"), q05 = q.column("q05"),
                    q95 = q.column("q95");
  json bands;
  for (const auto& [key, divide] : wanted)
    bands[key] = {{"q05", json::array()}, {"q95", json::array()}};
  for (std::size_t r = 0; r < q.rows(); ++r) {
    if (q.text(r, place) != "national") continue;
    const auto it = wanted.find(q.text(r, name));
    if (it == wanted.end()) continue;
    bands[it->first]["q05"].push_back(people(q.number(r, q05), it->second));
    bands[it->first]["q95"].push_back(people(q.number(r, q95), it->second));
  }
  json target_bands = json::object();
  // A named copy: items() of a temporary would outlive it.
  const json figures = summary.value("figures", json::object());
  for (const auto& [key, figure] : figures.items()) {
    if (key.rfind("target:", 0) != 0) continue;
    target_bands[key.substr(7)] = {{"q05", figure.value("q05", 0.0)},
                                   {"q50", figure.value("q50", 0.0)},
                                   {"q95", figure.value("q95", 0.0)},
                                   {"within_share", figure.value("share_within_factor", 0.0)}};
  }
  run["bands"] = bands;
  run["target_bands"] = target_bands;
  run["ensemble"] = {{"dir", dir.string()}, {"seeds", summary.value("seeds", json::array())}};
}

json report_data(const std::vector<fs::path>& dirs, const std::optional<fs::path>& ensemble) {
  if (dirs.empty() || dirs.size() > 2) {
    throw InputFileError("a report shows one run, or two overlaid");
  }
  json data;
  data["runs"] = json::array();
  std::optional<FolderKind> kind;
  for (const auto& dir : dirs) {
    const FolderKind k = folder_kind(dir);
    if (k == FolderKind::ensemble) {
      throw InputFileError(fmt::format(
          "{}: an ensemble folder; pass it as --ensemble beside a run of the same scenario",
          dir.string()));
    }
    if (kind && *kind != k) {
      throw InputFileError(fmt::format("{}: a {} run cannot be overlaid on a {} run", dir.string(),
                                       k == FolderKind::national_run ? "national" : "classic",
                                       *kind == FolderKind::national_run ? "national" : "classic"));
    }
    kind = k;
    data["runs"].push_back(k == FolderKind::national_run ? national_run_data(dir)
                                                         : classic_run_data(dir));
  }
  data["kind"] = *kind == FolderKind::national_run ? "national" : "classic";
  if (ensemble) {
    if (*kind != FolderKind::national_run) {
      throw InputFileError("--ensemble applies to national runs only");
    }
    add_ensemble_bands(data["runs"][0], *ensemble);
  }
  if (data["runs"].size() == 2 && data["runs"][0]["label"] == data["runs"][1]["label"]) {
    for (auto& r : data["runs"]) {
      r["label"] = r["label"].get<std::string>() + " (" +
                   fs::path(r["dir"].get<std::string>()).filename().string() + ")";
    }
  }
  return data;
}

}  // namespace unrest::report
