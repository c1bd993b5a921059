# The directory every test gets as TMPDIR (tests/CMakeLists.txt):
#   cmake -DDIR=PATH -DMODE=setup -P tmpdir.cmake   empties it
#   cmake -DDIR=PATH -DMODE=check -P tmpdir.cmake   fails if the tests
#                                                   left anything in it
if(MODE STREQUAL "setup")
  file(REMOVE_RECURSE "${DIR}")
  file(MAKE_DIRECTORY "${DIR}")
elseif(MODE STREQUAL "check")
  file(GLOB left LIST_DIRECTORIES true RELATIVE "${DIR}" "${DIR}/*" "${DIR}/.*")
  if(left)
    list(JOIN left " " left)
    message(FATAL_ERROR "the tests left this behind in ${DIR}: ${left}")
  endif()
  file(REMOVE_RECURSE "${DIR}")
else()
  message(FATAL_ERROR "tmpdir.cmake: MODE must be setup or check")
endif()
