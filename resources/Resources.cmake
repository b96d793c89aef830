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
    # The application icon as bare pixels rendered at build time (below), at the sizes a window icon is sent
    # in: the window's icon property is filled from every size before the window is mapped, and these need no
    # decoding (the PNGs took a tenth of the instructions before the map) and no SVG icon engine plugin.
    # Uncompressed, so that the app reads them where they are.
    set(window_icons "")
    foreach(size IN LISTS TENANTRY_WINDOW_ICON_SIZES)
        list(APPEND window_icons ${TENANTRY_WINDOW_ICONS_DIR}/${size}.rgba)
    endforeach()
    qt_add_resources(${target} tenantry_window_icons
        PREFIX /icons/application
        BASE ${TENANTRY_WINDOW_ICONS_DIR}
        OPTIONS --no-compress
        FILES ${window_icons})
    string(JOIN "," window_icon_sizes ${TENANTRY_WINDOW_ICON_SIZES})
    target_compile_definitions(${target} PRIVATE TENANTRY_WINDOW_ICON_SIZES=${window_icon_sizes})
endfunction()

# The date of the release PROJECT_VERSION names, for the metainfo's release list: set it with the version.
set(TENANTRY_RELEASE_DATE 2026-11-23)
# The metainfo's screenshot: docs/screenshot-main.png as the project's host serves it.
string(REPLACE "https://github.com/" "https://raw.githubusercontent.com/" TENANTRY_SCREENSHOT_URL
       "${PROJECT_HOMEPAGE_URL}/main/docs/screenshot-main.png")
# The sizes of the hicolor PNG icons, rendered from the SVG at build time (tenantry-render-icon), and those of
# them embedded as the window icon (AppIcons::application()).
set(TENANTRY_ICON_SIZES 16 22 24 32 48 64 128 256)
set(TENANTRY_WINDOW_ICON_SIZES 16 24 32 48 64)
set(TENANTRY_RENDERED_ICONS_DIR ${CMAKE_BINARY_DIR}/share/icons/hicolor)
set(TENANTRY_WINDOW_ICONS_DIR ${CMAKE_BINARY_DIR}/window-icon)

add_executable(tenantry-render-icon ${TENANTRY_RESOURCES_DIR}/RenderIcon.cpp)
target_link_libraries(tenantry-render-icon PRIVATE Qt6::Gui Qt6::Svg tenantry_warnings)
# Renders tenantry.svg at `size` px square into `output`: a PNG, or for *.rgba the bare pixels.
function(tenantry_render_icon size output what)
    get_filename_component(dir ${output} DIRECTORY)
    add_custom_command(OUTPUT ${output}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
        COMMAND tenantry-render-icon ${TENANTRY_RESOURCES_DIR}/icons/tenantry.svg ${size} ${output}
        DEPENDS tenantry-render-icon ${TENANTRY_RESOURCES_DIR}/icons/tenantry.svg
        COMMENT "Rendering the ${size}x${size} ${what}" VERBATIM)
endfunction()
set(rendered_icons "")
foreach(size IN LISTS TENANTRY_ICON_SIZES)
    set(icon ${TENANTRY_RENDERED_ICONS_DIR}/${size}x${size}/apps/${TENANTRY_APP_ID}.png)
    tenantry_render_icon(${size} ${icon} icon)
    list(APPEND rendered_icons ${icon})
endforeach()
add_custom_target(tenantry-icons ALL DEPENDS ${rendered_icons})
foreach(size IN LISTS TENANTRY_WINDOW_ICON_SIZES)
    tenantry_render_icon(${size} ${TENANTRY_WINDOW_ICONS_DIR}/${size}.rgba "window icon")
endforeach()

if(UNIX AND NOT APPLE)
    include(GNUInstallDirs)
    configure_file(${TENANTRY_RESOURCES_DIR}/${TENANTRY_APP_ID}.metainfo.xml.in
                   ${CMAKE_CURRENT_BINARY_DIR}/${TENANTRY_APP_ID}.metainfo.xml @ONLY)
    install(FILES ${TENANTRY_RESOURCES_DIR}/${TENANTRY_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${CMAKE_CURRENT_BINARY_DIR}/${TENANTRY_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${TENANTRY_RESOURCES_DIR}/icons/tenantry.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${TENANTRY_APP_ID}.svg)
    foreach(size IN LISTS TENANTRY_ICON_SIZES)
        install(FILES ${TENANTRY_RENDERED_ICONS_DIR}/${size}x${size}/apps/${TENANTRY_APP_ID}.png
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
    endforeach()
endif()
