# Builds the Debian package of the build in BUILD_DIR, unpacks it into a throw-away root (WORK)
# and runs both programs from there: what `apt install ./creneau_*.deb` would put on a machine.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
execute_process(COMMAND cpack -G DEB --config "${BUILD_DIR}/CPackConfig.cmake" -B "${WORK}"
  RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cpack failed: ${result}\n${out}\n${err}")
endif()
file(GLOB debs "${WORK}/creneau_*_amd64.deb")
list(LENGTH debs count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "expected one creneau_<version>_amd64.deb in ${WORK}, found: ${debs}")
endif()
list(GET debs 0 deb)

# Its dependencies are Debian's: the Qt libraries found by dpkg-shlibdeps, and the plugins.
execute_process(COMMAND dpkg-deb -f "${deb}" Package Depends OUTPUT_VARIABLE fields)
foreach(dep "Package: creneau" libqt6core6 libqt6widgets6 libqt6httpserver6 libical3 libsodium23
            libcurl4 libqt6sql6-sqlite qt6-qpa-plugins qt6-translations-l10n)
  string(FIND "${fields}" "${dep}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the package does not declare ${dep}:\n${fields}")
  endif()
endforeach()

set(root "${WORK}/root")
execute_process(COMMAND dpkg-deb -x "${deb}" "${root}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "dpkg-deb -x failed: ${result}")
endif()
foreach(f usr/bin/creneau usr/bin/creneau-server usr/share/applications/creneau.desktop
          usr/share/icons/hicolor/scalable/apps/creneau.svg
          usr/lib/systemd/system/creneau-server@.service usr/share/doc/creneau/README.md)
  if(NOT EXISTS "${root}/${f}")
    message(FATAL_ERROR "not in the package: ${f}")
  endif()
endforeach()
foreach(program creneau-server creneau)
  execute_process(COMMAND "${root}/usr/bin/${program}" --version
    RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT result EQUAL 0 OR NOT out MATCHES "^creneau [0-9]+\\.[0-9]+\\.[0-9]+")
    message(FATAL_ERROR "${program} from the package does not run: ${result} ${out} ${err}")
  endif()
endforeach()
file(REMOVE_RECURSE "${WORK}")
