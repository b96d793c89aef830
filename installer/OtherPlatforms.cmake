# Windows and macOS packages: planned, never built or run here (CI builds the Debian package only).
# Each block is guarded by its platform, so a Linux configure does not see it. The README's "Other
# platforms (untested)" section says what works where and what is still missing.

# The path of a Qt deployment tool (windeployqt, macdeployqt): Qt's imported target when a found package
# defines it, else the program in Qt's bin directory.
function(tenantry_qt_deploy_tool out_var tool)
    if(TARGET Qt6::${tool})
        foreach(property IMPORTED_LOCATION IMPORTED_LOCATION_RELEASE IMPORTED_LOCATION_RELWITHDEBINFO)
            get_target_property(location Qt6::${tool} ${property})
            if(location)
                set(${out_var} ${location} PARENT_SCOPE)
                return()
            endif()
        endforeach()
    endif()
    find_program(TENANTRY_${tool} ${tool} HINTS ${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS} ${QT6_INSTALL_PREFIX}/bin
                 REQUIRED)
    set(${out_var} ${TENANTRY_${tool}} PARENT_SCOPE)
endfunction()

if(WIN32)
    # --- Windows: an NSIS installer with a Start-menu shortcut -----------------------------------
    # The GUI is a Windows-subsystem program (add_executable(tenantry WIN32 ...)): no console window.
    set(CPACK_GENERATOR NSIS)
    set(CPACK_PACKAGE_INSTALL_DIRECTORY Tenantry) # C:\Program Files\Tenantry
    set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY Tenantry)
    set(CPACK_NSIS_PACKAGE_NAME Tenantry)
    set(CPACK_NSIS_DISPLAY_NAME "Tenantry ${PROJECT_VERSION}")
    set(CPACK_NSIS_URL_INFO_ABOUT ${PROJECT_HOMEPAGE_URL})
    set(CPACK_NSIS_INSTALLED_ICON_NAME bin\\\\tenantry.exe)
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_MODIFY_PATH ON) # offers to put bin\ (tenantry-cli.exe) on PATH
    set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
    set(CPACK_PACKAGE_EXECUTABLES tenantry Tenantry) # Start menu: "Tenantry" -> bin\tenantry.exe

    # qtkeychain is no Qt module, so windeployqt leaves it out; the MSVC runtime comes with the rest.
    install(IMPORTED_RUNTIME_ARTIFACTS qt6keychain RUNTIME DESTINATION bin)
    include(InstallRequiredSystemLibraries)

    # windeployqt copies the Qt DLLs, plugins (platforms, styles, tls), qtbase translations and, for the
    # sign-in plugin, QtWebEngineProcess.exe and its resources next to the executables. It runs at install
    # time in the install (or CPack staging) tree; this file is included last, after every install rule.
    tenantry_qt_deploy_tool(TENANTRY_WINDEPLOYQT windeployqt)
    set(deployed \${CMAKE_INSTALL_PREFIX}/bin/tenantry-cli.exe)
    if(TARGET tenantry)
        list(APPEND deployed \${CMAKE_INSTALL_PREFIX}/bin/tenantry.exe
             \${CMAKE_INSTALL_PREFIX}/${TENANTRY_PLUGIN_DIR}/$<TARGET_FILE_NAME:tenantry-signin-webengine>)
    endif()
    install(CODE "
        execute_process(COMMAND \"${TENANTRY_WINDEPLOYQT}\" --no-compiler-runtime
                                --dir \"\${CMAKE_INSTALL_PREFIX}/bin\" ${deployed}
                        COMMAND_ERROR_IS_FATAL ANY)")

    # Autostart: ui/AutostartEntry_win.cpp writes the per-user Run key
    # (HKCU\Software\Microsoft\Windows\CurrentVersion\Run, value "Tenantry"); the uninstaller leaves it
    # to the app's setting. Keychain: qtkeychain's Windows Credential Manager backend (KeychainStore_win.cpp).

elseif(APPLE)
    # --- macOS: Tenantry.app in a disk image -----------------------------------------------------
    # The GUI is an app bundle (add_executable(tenantry MACOSX_BUNDLE ...), installed at the image's top
    # level). It has a window and a Dock icon, so no LSUIElement.
    set(CPACK_GENERATOR DragNDrop)
    set(CPACK_DMG_VOLUME_NAME Tenantry)
    set(CPACK_DMG_FORMAT UDZO)
    if(TARGET tenantry)
        set_target_properties(tenantry PROPERTIES
            OUTPUT_NAME Tenantry
            MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_LIST_DIR}/macos/Info.plist.in
            MACOSX_BUNDLE_GUI_IDENTIFIER org.tenantry.Tenantry
            MACOSX_BUNDLE_BUNDLE_NAME Tenantry
            MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
            MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
            MACOSX_BUNDLE_COPYRIGHT "MIT License, ${PROJECT_HOMEPAGE_URL}")
    endif()

    # After the staging install and before the image is made: tenantry-cli and the sign-in plugin move
    # into the bundle (Contents/MacOS, Contents/lib/tenantry: the plugin's path from the executable is
    # the same as in bin/ and lib/), then macdeployqt copies the Qt frameworks into it.
    tenantry_qt_deploy_tool(TENANTRY_MACDEPLOYQT macdeployqt)
    set(CPACK_TENANTRY_MACDEPLOYQT ${TENANTRY_MACDEPLOYQT})
    set(CPACK_TENANTRY_PLUGIN_DIR ${TENANTRY_PLUGIN_DIR})
    set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_LIST_DIR}/macos/DeployBundle.cmake)

    # Autostart: not implemented (AutostartEntry::isSupported() is false on macOS, Settings hides it).
    # The plan: a LaunchAgent, ~/Library/LaunchAgents/org.tenantry.Tenantry.plist with Label
    # org.tenantry.Tenantry, ProgramArguments [.../Tenantry.app/Contents/MacOS/Tenantry, --minimized] and
    # RunAtLoad true (or SMAppService on macOS 13+). Keychain: qtkeychain's macOS Keychain backend.
endif()
