# cmake -DTOOL=<program> -DPACKAGE=<Debian package> -DFILE=<file> [-DARGS=a;b] [-DQUIET=ON]
#       -P validate.cmake
# Runs a validator on FILE and fails when it fails, or with QUIET when it prints anything (its
# warnings and hints). A missing validator fails the test and names the Debian package to install.
find_program(validator ${TOOL})
if(NOT validator)
  message(FATAL_ERROR "${TOOL} is not installed (apt-get install ${PACKAGE}); cannot validate ${FILE}")
endif()
if(NOT EXISTS "${FILE}")
  message(FATAL_ERROR "${FILE} does not exist")
endif()
execute_process(COMMAND ${validator} ${ARGS} ${FILE}
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
message("${validator} ${ARGS} ${FILE}:\n${output}")
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${TOOL} failed (exit ${result})")
endif()
string(STRIP "${output}" output)
if(QUIET AND NOT output STREQUAL "")
  message(FATAL_ERROR "${TOOL} reported problems")
endif()
