# Installs the build into a temporary prefix and checks that what a distribution package needs
# is there: run with -DBUILD_DIR=... -DPREFIX=...
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
  RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${result}")
endif()
foreach(f bin/creneau bin/creneau-server share/applications/creneau.desktop
          share/icons/hicolor/scalable/apps/creneau.svg lib/systemd/system/creneau-server@.service)
  if(NOT EXISTS "${PREFIX}/${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
# The installed programs run from their new place (resources and translations are built in).
execute_process(COMMAND "${PREFIX}/bin/creneau-server" --version
  RESULT_VARIABLE result OUTPUT_VARIABLE out)
if(NOT result EQUAL 0 OR NOT out MATCHES "^creneau [0-9]")
  message(FATAL_ERROR "installed creneau-server does not run: ${result} ${out}")
endif()
file(STRINGS "${PREFIX}/share/applications/creneau.desktop" exec REGEX "^Exec=")
if(NOT exec MATCHES "^Exec=creneau ")
  message(FATAL_ERROR "desktop entry runs something else: ${exec}")
endif()
