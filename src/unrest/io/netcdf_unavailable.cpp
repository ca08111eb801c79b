// The NetCDF writer of a build without libnetcdf: says what to install.
#include "unrest/io/netcdf_cube.hpp"

namespace unrest::io {

void require_netcdf() {
  throw NetcdfUnavailable(
      "this unrest was built without NetCDF: install libnetcdf-dev (Debian) and rebuild");
}

void write_places_netcdf(const std::filesystem::path&, const national::NationalEngine&) {
  require_netcdf();
}

}  // namespace unrest::io
