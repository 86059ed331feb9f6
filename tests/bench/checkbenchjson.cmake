# Runs watchfloor-bench briefly and checks its JSON line: that it parses and
# that no protocol error occurred. Timing is not judged here.
# cmake -DBENCH=path -DARGS="a;b" -P checkbenchjson.cmake
execute_process(COMMAND ${BENCH} ${ARGS}
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc TIMEOUT 100)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "watchfloor-bench exited with ${rc}\n${out}\n${err}")
endif()
string(STRIP "${out}" out)
string(REGEX REPLACE ".*\n" "" line "${out}")
string(JSON errors ERROR_VARIABLE json_error GET "${line}" protocolErrors)
if(json_error)
    message(FATAL_ERROR "the last line is not the JSON result: ${json_error}\n${out}")
endif()
if(NOT errors EQUAL 0)
    message(FATAL_ERROR "protocol errors: ${errors}\n${out}")
endif()
string(JSON applied GET "${line}" appliedPerSecond)
message(STATUS "watchfloor-bench ran; ${applied} events/s applied, no protocol errors")
