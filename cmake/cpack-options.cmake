# Read by cpack for each package it makes (CPACK_PROJECT_CONFIG_FILE).
# The .deb installs under the prefix stackpick was configured with, so the
# paths compiled into the binary hold; a source tarball has no prefix.
if(CPACK_GENERATOR STREQUAL "DEB" AND NOT CPACK_PACKAGING_INSTALL_PREFIX)
  set(CPACK_PACKAGING_INSTALL_PREFIX "${CPACK_STACKPICK_PREFIX}")
endif()
