# CPACK_PRE_BUILD_SCRIPTS for the macOS disk image (installer/OtherPlatforms.cmake): runs in the CPack
# staging tree after the install, before the image is made. Untested: no macOS build exists yet.
set(staging ${CPACK_TEMPORARY_INSTALL_DIRECTORY})
if(NOT EXISTS ${staging}/Tenantry.app)
    message(FATAL_ERROR "no Tenantry.app in ${staging}: the disk image needs the GUI (TENANTRY_BUILD_GUI=ON)")
endif()
set(contents ${staging}/Tenantry.app/Contents)

# tenantry-cli next to the app's executable; users link it onto their PATH
# (ln -s /Applications/Tenantry.app/Contents/MacOS/tenantry-cli /usr/local/bin/).
file(RENAME ${staging}/bin/tenantry-cli ${contents}/MacOS/tenantry-cli)
# The sign-in plugin, as far from MacOS/ as lib/tenantry is from bin/.
file(MAKE_DIRECTORY ${contents}/lib)
file(RENAME ${staging}/${CPACK_TENANTRY_PLUGIN_DIR} ${contents}/${CPACK_TENANTRY_PLUGIN_DIR})
file(REMOVE_RECURSE ${staging}/bin ${staging}/lib ${staging}/share)

file(GLOB plugin ${contents}/${CPACK_TENANTRY_PLUGIN_DIR}/*)
set(extra)
foreach(binary ${contents}/MacOS/tenantry-cli ${plugin})
    list(APPEND extra -executable=${binary})
endforeach()
execute_process(COMMAND ${CPACK_TENANTRY_MACDEPLOYQT} ${staging}/Tenantry.app ${extra} -always-overwrite
                COMMAND_ERROR_IS_FATAL ANY)
