#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs reflection scenarios through the shared scorer, ../shared/scenarios/run beside the source
# tree (in CI a copy of shared/ sits beside the clone):
#
#   bash tests/scenarios_test.sh GUILT SOURCE_DIR own|shared
#
# `own` runs tests/scenarios/*.sh, `shared` the shared scenarios. Exits 77 (ctest's SKIP) when
# the scorer is not there, so a missing shared/ is never counted as a pass.
set -u
bin=${1:?usage: scenarios_test.sh GUILT SOURCE_DIR own|shared}
src=${2:?usage: scenarios_test.sh GUILT SOURCE_DIR own|shared}
which=${3:?usage: scenarios_test.sh GUILT SOURCE_DIR own|shared}
shared=$(cd "$src/.." && pwd)/shared/scenarios
if [[ ! -f $shared/run ]]; then
    echo "SKIP: $shared/run is missing (shared/ is not beside the source tree)"
    exit 77
fi
command -v jq >/dev/null || { echo "the scenarios need jq" >&2; exit 2; }
case $which in
    own) dir=$src/tests/scenarios ;;
    shared) dir=$shared ;;
    *) echo "scenarios_test.sh: own or shared, got $which" >&2; exit 2 ;;
esac
bash "$shared/run" "$bin" "$dir"
