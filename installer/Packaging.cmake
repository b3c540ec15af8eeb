# CPack: a .deb and a .tar.gz of the studio (cpack in the build folder; tools/package-check
# builds, installs and checks the .deb). Installs under /usr: the binary, the desktop entry,
# the AppStream metainfo, the icon in the hicolor theme and the MIME types of .sextant and
# .sxmodel files (shared-mime-info), so a double-click on either opens the studio.
set(CPACK_PACKAGE_NAME "sextant")
set(CPACK_PACKAGE_VENDOR "Sextant")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION "Sextant is a native desktop studio for machine learning on tabular
data: look at a dataset in tables and plots, wire preprocessing, models and evaluation into a
node graph, train in the background with live loss curves and export models and workflows.
The same workflows run headless from the command line.")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "Sextant developers <sextant@localhost>")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # sextant_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Sextant developers <sextant@localhost>")
# Depends computed from the binary by dpkg-shlibdeps (Qt, OpenCV, minizip...).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# Qt's own strings (OK, Cancel, file dialogs) in German and Chinese; a CJK font for Chinese.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "fonts-noto-cjk | fonts-wqy-microhei")
set(CPACK_SOURCE_IGNORE_FILES "/build/;/build-.*/;/\\\\.git/")
if(SEXTANT_BUILD_GUI)
  set(_inst ${CMAKE_CURRENT_LIST_DIR})
  configure_file(${_inst}/org.sextant.Sextant.metainfo.xml.in
    ${PROJECT_BINARY_DIR}/installer/org.sextant.Sextant.metainfo.xml @ONLY)
  install(FILES ${_inst}/org.sextant.Sextant.desktop DESTINATION share/applications)
  install(FILES ${PROJECT_BINARY_DIR}/installer/org.sextant.Sextant.metainfo.xml
    DESTINATION share/metainfo)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/sextant.svg
    DESTINATION share/icons/hicolor/scalable/apps RENAME org.sextant.Sextant.svg)
  install(FILES ${_inst}/org.sextant.Sextant.mime.xml
    DESTINATION share/mime/packages RENAME org.sextant.Sextant.xml)
endif()
include(CPack)
