# SPDX-License-Identifier: MIT
# Writes the manual (guilt.1 and guilt.1.gz) and the shell completions (completions/) into OUT by
# running the built guilt: they come from its own command definitions, so they cannot drift.
# Usage: cmake -DGUILT=path/to/guilt -DOUT=folder -P generate_docs.cmake

# Runs guilt with ARGN and writes what it prints to OUT/file.
function(guilt_to_file file)
  # TZ=UTC: the manual names no one's country (reflect's help names the line of her zone's).
  execute_process(COMMAND ${CMAKE_COMMAND} -E env TZ=UTC ${GUILT} ${ARGN} OUTPUT_FILE ${OUT}/${file}.tmp RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "guilt ${ARGN} failed: ${rc}")
  endif()
  file(RENAME ${OUT}/${file}.tmp ${OUT}/${file})
endfunction()

file(MAKE_DIRECTORY ${OUT}/completions)
guilt_to_file(guilt.1 manpage)
guilt_to_file(completions/guilt.bash completions bash)
guilt_to_file(completions/_guilt completions zsh)
guilt_to_file(completions/guilt.fish completions fish)
# -n: no name or time stamp inside, so the same page compresses to the same bytes.
execute_process(COMMAND gzip -9 -n -c ${OUT}/guilt.1 OUTPUT_FILE ${OUT}/guilt.1.gz RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gzip guilt.1 failed: ${rc}")
endif()
