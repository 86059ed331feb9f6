# Builds one layering probe and passes only if the compiler refused it for
# the header named: -DPROBE=<target> -DHEADER=<include> -DBUILD_DIR=<dir>.
execute_process(
    COMMAND "${CMAKE_COMMAND}" --build "${BUILD_DIR}" --target "${PROBE}"
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
if(result EQUAL 0)
    message(FATAL_ERROR "${PROBE} compiled: ${HEADER} is reachable where the layering forbids it")
endif()
string(FIND "${output}" "${HEADER}: No such file or directory" found)
if(found EQUAL -1)
    message(FATAL_ERROR "${PROBE} failed for another reason than ${HEADER}:\n${output}")
endif()
message(STATUS "${PROBE}: ${HEADER} is out of reach, as it must be")
