# Tenantry's desktop resources: embedded icons (into the target given) and the files a Linux
# desktop installs (.desktop entry, AppStream metainfo, the hicolor icon).
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

if(UNIX AND NOT APPLE)
    include(GNUInstallDirs)
    install(FILES ${TENANTRY_RESOURCES_DIR}/${TENANTRY_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${TENANTRY_RESOURCES_DIR}/${TENANTRY_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${TENANTRY_RESOURCES_DIR}/icons/tenantry.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${TENANTRY_APP_ID}.svg)
endif()
