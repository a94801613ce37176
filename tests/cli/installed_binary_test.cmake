# Installs the build into SCRATCH/prefix, then runs the installed binary from a
# folder outside the source tree: it must screen with the installed rules. To
# prove they are the installed ones (not the source tree's), the installed
# redemption-2020 policy gets a new title, which summary.json must show.
file(REMOVE_RECURSE ${SCRATCH})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${SCRATCH}/prefix
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
set(policy ${SCRATCH}/prefix/share/clemency/rules/policies/redemption-2020.toml)
if(NOT EXISTS ${policy})
  message(FATAL_ERROR "the rules were not installed: ${policy}")
endif()
file(READ ${policy} text)
string(REGEX REPLACE "\ntitle = \"[^\"]*\"" "\ntitle = \"INSTALLED COPY\"" text "${text}")
file(WRITE ${policy} "${text}")
execute_process(COMMAND ${SCRATCH}/prefix/bin/clemency screen --data ${DATA} --policy redemption-2020
                        --as-of 2024-01-01 -o ${SCRATCH}/out
                WORKING_DIRECTORY ${SCRATCH} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the installed binary failed (${rc}): ${err}")
endif()
file(READ ${SCRATCH}/out/summary.json summary)
if(NOT summary MATCHES "\"title\": \"INSTALLED COPY\"")
  message(FATAL_ERROR "the installed binary did not read the installed rules: ${summary}")
endif()
if(NOT summary MATCHES "\"origin\": \"shipped\"")
  message(FATAL_ERROR "the installed rules are not marked shipped in the manifest")
endif()
