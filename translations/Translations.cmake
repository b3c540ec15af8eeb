# The languages Sextant ships: Qt Linguist sources, compiled by lrelease at build time.
set(SEXTANT_TRANSLATIONS_DIR ${CMAKE_CURRENT_LIST_DIR})
set(SEXTANT_LANGUAGES de zh_CN)
set(SEXTANT_TS_FILES)
foreach(_lang ${SEXTANT_LANGUAGES})
  list(APPEND SEXTANT_TS_FILES ${SEXTANT_TRANSLATIONS_DIR}/sextant_${_lang}.ts)
endforeach()

# Builds the .qm files of SEXTANT_TS_FILES for `target` and puts them in its resources as
# :/i18n/sextant_<language>.qm (where engine/core/Translations looks for them), with
# :/i18n/sextant_<language>_any.qm, the same texts under one context (FlattenContexts.cmake).
function(sextant_add_translations target)
  qt_add_lrelease(${target} TS_FILES ${SEXTANT_TS_FILES} QM_FILES_OUTPUT_VARIABLE _qm
    NO_GLOBAL_TARGET OPTIONS -silent)
  foreach(_lang ${SEXTANT_LANGUAGES})
    set(_ts ${SEXTANT_TRANSLATIONS_DIR}/sextant_${_lang}.ts)
    set(_flat_ts ${CMAKE_CURRENT_BINARY_DIR}/sextant_${_lang}_any.ts)
    set(_flat_qm ${CMAKE_CURRENT_BINARY_DIR}/sextant_${_lang}_any.qm)
    add_custom_command(OUTPUT ${_flat_qm}
      COMMAND ${CMAKE_COMMAND} -DIN=${_ts} -DOUT=${_flat_ts}
        -P ${SEXTANT_TRANSLATIONS_DIR}/FlattenContexts.cmake
      COMMAND Qt6::lrelease -silent ${_flat_ts} -qm ${_flat_qm}
      DEPENDS ${_ts} ${SEXTANT_TRANSLATIONS_DIR}/FlattenContexts.cmake
      VERBATIM)
    list(APPEND _qm ${_flat_qm})
  endforeach()
  qt_add_resources(${target} "${target}_i18n" PREFIX /i18n BASE ${CMAKE_CURRENT_BINARY_DIR}
    FILES ${_qm})
endfunction()
