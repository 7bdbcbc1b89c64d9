# Minimal stand-in for the cython-cmake package's UseCython module, enough to build peers that call
#   cython_transpile(<file.pyx> LANGUAGE C|CXX [OUTPUT <file>] [OUTPUT_VARIABLE <var>])
# It runs the Cython found beside the Python interpreter and writes <name>.c / <name>.cxx into the
# current binary directory. CYTHON_FLAGS (a string) is passed through.
if(NOT CYTHON_EXECUTABLE)
  find_program(CYTHON_EXECUTABLE NAMES cython cython3 HINTS ${Python_EXECUTABLE}/.. REQUIRED)
endif()

function(cython_transpile source)
  cmake_parse_arguments(PARSE_ARGV 1 CT "" "LANGUAGE;OUTPUT;OUTPUT_VARIABLE" "")
  get_filename_component(name "${source}" NAME_WE)
  get_filename_component(abs "${source}" ABSOLUTE)
  if(CT_LANGUAGE STREQUAL "CXX")
    set(ext cxx)
    set(lang_flag --cplus)
  else()
    set(ext c)
    set(lang_flag "")
  endif()
  if(CT_OUTPUT)
    set(out "${CT_OUTPUT}")
  else()
    set(out "${CMAKE_CURRENT_BINARY_DIR}/${name}.${ext}")
  endif()
  separate_arguments(flags UNIX_COMMAND "${CYTHON_FLAGS}")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND "${CYTHON_EXECUTABLE}" ${lang_flag} ${flags} -I "${CMAKE_CURRENT_SOURCE_DIR}"
            -I "${PROJECT_SOURCE_DIR}" "${abs}" -o "${out}"
    DEPENDS "${abs}"
    WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
    COMMENT "Cython ${source}"
    VERBATIM)
  set_source_files_properties("${out}" PROPERTIES GENERATED TRUE)
  if(CT_OUTPUT_VARIABLE)
    set(${CT_OUTPUT_VARIABLE} "${out}" PARENT_SCOPE)
  endif()
endfunction()
