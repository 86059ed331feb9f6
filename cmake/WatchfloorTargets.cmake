# Settings every Watchfloor target shares: warnings, the Qt definitions that
# catch mistakes at compile time, and the test helper.

function(watchfloor_configure_target target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
    if(WATCHFLOOR_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_USE_QSTRINGBUILDER
        QT_NO_KEYWORDS
        QT_NO_URL_CAST_FROM_STRING
        QT_DISABLE_DEPRECATED_BEFORE=0x060400
        WATCHFLOOR_VERSION="${PROJECT_VERSION}")
endfunction()

# watchfloor_add_test(<name> SOURCES <files...> LIBS <targets...> LABELS <labels...>)
# Builds one Qt Test executable and registers it with CTest on the offscreen
# platform, with a private runtime folder and a timeout.
function(watchfloor_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 60)
    endif()
    qt_add_executable(${name} ${ARG_SOURCES})
    watchfloor_configure_target(${name})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    set(runtime_dir "${CMAKE_CURRENT_BINARY_DIR}/${name}-runtime")
    file(MAKE_DIRECTORY "${runtime_dir}")
    set_tests_properties(${name} PROPERTIES
        LABELS "${ARG_LABELS}"
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_RUNTIME_DIR=${runtime_dir};XDG_DATA_HOME=${runtime_dir}/data;XDG_CONFIG_HOME=${runtime_dir}/config;QT_ASSUME_STDERR_HAS_CONSOLE=1")
endfunction()

# watchfloor_layer(<target> <folder>)
# Makes one layer of the core reachable as "<folder>/<file>.h", for the target
# itself and for whatever links it, and for nothing else. The include root is
# a folder of the build tree that holds a single link to this layer's source
# folder; src/core itself is on no include path. So a layer that does not link
# another cannot include its headers: the build, not a convention, keeps the
# layers apart (docs/architecture.md, "Layers").
function(watchfloor_layer target folder)
    set(root "${CMAKE_BINARY_DIR}/layers/${folder}")
    file(MAKE_DIRECTORY "${root}")
    file(CREATE_LINK "${CMAKE_CURRENT_SOURCE_DIR}/${folder}" "${root}/${folder}" SYMBOLIC)
    watchfloor_configure_target(${target})
    target_include_directories(${target} PUBLIC "${root}")
endfunction()
