# cmake -DCLI=… -DGZIP=… -DSOURCE_DIR=… -DOUTPUT_DIR=… -DPROJECT_VERSION=… -DPROJECT_HOMEPAGE_URL=… -P GenerateReference.cmake
# Writes tenantry-cli.1 (its commands from `tenantry-cli --print-reference man`), tenantry.1, both gzip'd
# reproducibly (-n: no name or time stamp), and the bash and zsh completions.

function(print_reference kind out_var)
    execute_process(COMMAND ${CLI} --print-reference ${kind} OUTPUT_VARIABLE text RESULT_VARIABLE status)
    if(NOT status EQUAL 0 OR text STREQUAL "")
        message(FATAL_ERROR "${CLI} --print-reference ${kind} failed (${status})")
    endif()
    set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

function(write_man_page name)
    configure_file(${SOURCE_DIR}/${name}.1.in ${OUTPUT_DIR}/${name}.1 @ONLY)
    execute_process(COMMAND ${GZIP} -9n -c ${OUTPUT_DIR}/${name}.1 OUTPUT_FILE ${OUTPUT_DIR}/${name}.1.gz
                    RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "gzip ${name}.1 failed (${status})")
    endif()
endfunction()

print_reference(man TENANTRY_CLI_COMMANDS)
string(REGEX REPLACE "\n$" "" TENANTRY_CLI_COMMANDS "${TENANTRY_CLI_COMMANDS}")
write_man_page(tenantry-cli)
write_man_page(tenantry)

print_reference(bash bash_completion)
file(WRITE ${OUTPUT_DIR}/tenantry-cli.bash "${bash_completion}")
print_reference(zsh zsh_completion)
file(WRITE ${OUTPUT_DIR}/_tenantry-cli "${zsh_completion}")
