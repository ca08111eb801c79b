#pragma once
// The per-place hourly cube of a national run as a NetCDF file (places.nc): every quantity of
// places.csv as a variable over (place, time), following the CF conventions (a time coordinate
// in hours since the start, the places' latitude and longitude, long names and units from the
// declared quantity table). Classic 64-bit-offset format: readable by every NetCDF tool and by
// xarray, and the same bytes for the same run. Optional: built where libnetcdf is found.
#include <filesystem>
#include <stdexcept>

#include "unrest/engine/national_engine.hpp"

namespace unrest::io {

class NetcdfUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws NetcdfUnavailable, saying what to install, in a build without NetCDF.
void require_netcdf();

// Writes the cube to `path`; NetcdfUnavailable in a build without NetCDF, std::runtime_error
// naming the file for an error of the library.
void write_places_netcdf(const std::filesystem::path& path, const national::NationalEngine& engine);

}  // namespace unrest::io
