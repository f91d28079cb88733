# SPDX-License-Identifier: MIT
# Issue 19, "her files deleted": writing an -o file or a backup cleans up only the temporary
# copies guilt itself left behind (its own name, `.<target>.guilt-tmp-XXXXXX`, and no live guilt
# holding its lock), never her files that look alike.
source "$(dirname "$0")/lib.sh"

# Files in the current folder whose names start with a dot, but for the test's .out and .err.
hidden_files() {
    find . -maxdepth 1 -name '.*' ! -name . ! -name .out ! -name .err -printf '%f\n' | sort
}

# Her own files beside TARGET, named like a temporary copy of it: a backup, a draft, rsync's
# temporary file (six letters) and a file that ends in -journal. Each holds its own name.
plant_her_files() {
    local target=$1 name
    for name in backup draft1 Ab12Cd Ab12Cd-journal; do
        echo "hers: .$target.$name" >".$target.$name"
    done
}

expect_her_files() {
    local target=$1 name
    for name in backup draft1 Ab12Cd Ab12Cd-journal; do
        [[ -f .$target.$name ]] || fail "her file .$target.$name was deleted (left: $(hidden_files))"
        expect_eq "hers: .$target.$name" "$(cat ".$target.$name")" "her file .$target.$name"
    done
}

t_her_look_alike_files_survive_export_week_and_backup() {
    seed_week
    plant_her_files out.json
    plant_her_files week.md
    plant_her_files guilt-backup-2026-11-26.db
    expect_exit 0 guilt export -o out.json
    expect_exit 0 guilt week -o week.md
    expect_exit 0 guilt backup
    [[ -s out.json && -s week.md && -s guilt-backup-2026-11-26.db ]] ||
        fail "the files were not written: $(ls -A)"
    expect_her_files out.json
    expect_her_files week.md
    expect_her_files guilt-backup-2026-11-26.db
    # A second run, now that the targets exist, leaves them too.
    expect_exit 0 guilt export -o out.json --force
    expect_exit 0 guilt backup --force
    expect_her_files out.json
    expect_her_files guilt-backup-2026-11-26.db
}

t_guilts_own_abandoned_copies_are_removed_and_live_ones_kept() {
    seed_week
    # What runs killed between writing a copy and renaming it leave behind, with SQLite's
    # rollback journal of a backup's copy.
    echo '{"half": ' >.out.json.guilt-tmp-Ab12Cd
    echo '# half a week' >.week.md.guilt-tmp-Qw34Er
    head -c 4096 /dev/urandom >.guilt-backup-2026-11-26.db.guilt-tmp-Zx98Yw
    head -c 512 /dev/urandom >.guilt-backup-2026-11-26.db.guilt-tmp-Zx98Yw-journal
    head -c 512 /dev/urandom >.guilt-backup-2026-11-26.db.guilt-tmp-Gone12-journal
    # A copy that a live guilt is still writing: it holds an flock on it (here, this shell).
    echo '{"being written": ' >.out.json.guilt-tmp-Live99
    exec 9<.out.json.guilt-tmp-Live99
    flock -x 9 || fail "cannot lock the live copy"
    expect_exit 0 guilt export -o out.json
    expect_exit 0 guilt week -o week.md
    expect_exit 0 guilt backup
    expect_eq ".out.json.guilt-tmp-Live99" "$(hidden_files)" "hidden files left here"
    exec 9<&-
    expect_exit 0 guilt export -o out.json --force
    expect_eq "" "$(hidden_files)" "hidden files once no guilt holds the copy"
    expect_eq 7 "$(jq '.entries | length' out.json)" "entries exported"
}

run_tests
