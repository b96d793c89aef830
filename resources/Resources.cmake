# Tenantry's desktop resources: embedded icons (into the target given) and the files a Linux
# desktop installs (.desktop entry, AppStream metainfo, the hicolor icons).
set(TENANTRY_RESOURCES_DIR ${CMAKE_CURRENT_LIST_DIR})
set(TENANTRY_APP_ID org.tenantry.Tenantry)

function(tenantry_add_resources target)
    qt_add_resources(${target} tenantry_icons
        PREFIX /
        BASE ${TENANTRY_RESOURCES_DIR}
        FILES
            ${TENANTRY_RESOURCES_DIR}/icons/tenantry.svg
            ${TENANTRY_RESOURCES_DIR}/icons/tray-on-light.svg
            ${TENANTRY_RESOURCES_DIR}/icons/tray-on-dark.svg
            ${TENANTRY_RESOURCES_DIR}/icons/tray-attention-on-light.svg
            ${TENANTRY_RESOURCES_DIR}/icons/tray-attention-on-dark.svg
            ${TENANTRY_RESOURCES_DIR}/icons/actions/account.svg
            ${TENANTRY_RESOURCES_DIR}/icons/actions/tenant.svg
            ${TENANTRY_RESOURCES_DIR}/icons/actions/subscription.svg
            ${TENANTRY_RESOURCES_DIR}/icons/actions/sign-in.svg
            ${TENANTRY_RESOURCES_DIR}/icons/actions/sign-out.svg
            ${TENANTRY_RESOURCES_DIR}/icons/actions/copy-token.svg
            ${TENANTRY_RESOURCES_DIR}/icons/actions/refresh.svg
            ${TENANTRY_RESOURCES_DIR}/icons/actions/make-active.svg
            ${TENANTRY_RESOURCES_DIR}/icons/status/active.svg
            ${TENANTRY_RESOURCES_DIR}/icons/status/signed-in.svg
            ${TENANTRY_RESOURCES_DIR}/icons/status/needs-sign-in.svg
            ${TENANTRY_RESOURCES_DIR}/icons/status/error.svg
            ${TENANTRY_RESOURCES_DIR}/icons/status/refreshing.svg)
endfunction()

# The date of the release PROJECT_VERSION names, for the metainfo's release list: set it with the version.
set(TENANTRY_RELEASE_DATE 2026-11-23)
# The metainfo's screenshot: docs/screenshot-main.png as the project's host serves it.
string(REPLACE "https://github.com/" "https://raw.githubusercontent.com/" TENANTRY_SCREENSHOT_URL
       "${PROJECT_HOMEPAGE_URL}/main/docs/screenshot-main.png")
# The sizes of the hicolor PNG icons, rendered from the SVG at build time (tenantry-render-icon).
set(TENANTRY_ICON_SIZES 16 22 24 32 48 64 128 256)

if(UNIX AND NOT APPLE)
    include(GNUInstallDirs)
    configure_file(${TENANTRY_RESOURCES_DIR}/${TENANTRY_APP_ID}.metainfo.xml.in
                   ${CMAKE_CURRENT_BINARY_DIR}/${TENANTRY_APP_ID}.metainfo.xml @ONLY)
    install(FILES ${TENANTRY_RESOURCES_DIR}/${TENANTRY_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${CMAKE_CURRENT_BINARY_DIR}/${TENANTRY_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${TENANTRY_RESOURCES_DIR}/icons/tenantry.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${TENANTRY_APP_ID}.svg)

    add_executable(tenantry-render-icon ${TENANTRY_RESOURCES_DIR}/RenderIcon.cpp)
    target_link_libraries(tenantry-render-icon PRIVATE Qt6::Gui Qt6::Svg tenantry_warnings)
    set(rendered_icons "")
    foreach(size IN LISTS TENANTRY_ICON_SIZES)
        set(icon_dir ${CMAKE_BINARY_DIR}/share/icons/hicolor/${size}x${size}/apps)
        set(icon ${icon_dir}/${TENANTRY_APP_ID}.png)
        add_custom_command(OUTPUT ${icon}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${icon_dir}
            COMMAND tenantry-render-icon ${TENANTRY_RESOURCES_DIR}/icons/tenantry.svg ${size} ${icon}
            DEPENDS tenantry-render-icon ${TENANTRY_RESOURCES_DIR}/icons/tenantry.svg
            COMMENT "Rendering the ${size}x${size} icon" VERBATIM)
        install(FILES ${icon} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
        list(APPEND rendered_icons ${icon})
    endforeach()
    add_custom_target(tenantry-icons ALL DEPENDS ${rendered_icons})
endif()
