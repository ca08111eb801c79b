# The report and viewer pages: web/ is bundled with Node.js (npm ci, then web/build.mjs) and
# the two resulting pages are compiled into the binary. Where Node.js or npm is missing the
# C++ build goes on without them; `unrest report` and `unrest serve` then say what is missing.
set(UNREST_WEB AUTO CACHE STRING "Bundle the web pages from web/ (needs Node.js and npm): AUTO, ON or OFF")
set_property(CACHE UNREST_WEB PROPERTY STRINGS AUTO ON OFF)

set(web_dir ${CMAKE_CURRENT_SOURCE_DIR}/web)
set(web_out ${CMAKE_CURRENT_BINARY_DIR}/web)
set(web_cpp ${CMAKE_CURRENT_BINARY_DIR}/generated/unrest/web_assets.cpp)
set(UNREST_WEB_BUILT OFF)

if(NOT UNREST_WEB STREQUAL "OFF")
  find_program(NODE_EXECUTABLE NAMES node nodejs)
  find_program(NPM_EXECUTABLE npm)
  if(NODE_EXECUTABLE AND NPM_EXECUTABLE)
    set(UNREST_WEB_BUILT ON)
  elseif(UNREST_WEB STREQUAL "ON")
    message(FATAL_ERROR "UNREST_WEB=ON but Node.js or npm was not found")
  endif()
endif()

if(UNREST_WEB_BUILT)
  message(STATUS "unrest: web pages bundled with ${NODE_EXECUTABLE}")
  # npm writes node_modules/.package-lock.json on every install: it stands for the install.
  set(web_installed ${web_dir}/node_modules/.package-lock.json)
  add_custom_command(
    OUTPUT ${web_installed}
    COMMAND ${NPM_EXECUTABLE} ci --no-audit --no-fund --loglevel=error
    WORKING_DIRECTORY ${web_dir}
    DEPENDS ${web_dir}/package.json ${web_dir}/package-lock.json
    COMMENT "web: installing the front-end packages (npm ci)")
  file(GLOB_RECURSE web_sources CONFIGURE_DEPENDS ${web_dir}/src/*)
  add_custom_command(
    OUTPUT ${web_out}/report.html ${web_out}/app.html ${web_out}/sensitivity.html
    COMMAND ${NODE_EXECUTABLE} ${web_dir}/build.mjs ${web_out}
    DEPENDS ${web_installed} ${web_dir}/build.mjs ${web_sources}
    COMMENT "web: bundling the report and the viewer")
  add_custom_command(
    OUTPUT ${web_cpp}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${web_cpp} -DDIR=${web_out} "-DNAMES=report.html\\;app.html\\;sensitivity.html"
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/EmbedWebAssets.cmake
    DEPENDS ${web_out}/report.html ${web_out}/app.html ${web_out}/sensitivity.html
            ${CMAKE_CURRENT_SOURCE_DIR}/cmake/EmbedWebAssets.cmake
    COMMENT "web: embedding the pages")
else()
  message(STATUS "unrest: Node.js/npm not found or UNREST_WEB=OFF: no web pages; "
                 "`unrest report` and `unrest serve` will say so, and the browser tests are skipped")
  execute_process(COMMAND ${CMAKE_COMMAND} -DOUTPUT=${web_cpp} -DDIR=${web_out} -DNAMES=
                          -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/EmbedWebAssets.cmake)
endif()
