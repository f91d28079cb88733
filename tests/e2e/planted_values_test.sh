# SPDX-License-Identifier: MIT
# Values another program planted in the journal (issue 19): a BLOB where guilt keeps text is read
# as text when it is UTF-8, else it is a store error naming the entry and the field (exit 1,
# never a crash); SQLite's words in an error keep their capitals.
source "$(dirname "$0")/lib.sh"

t_a_blob_text_that_is_utf8_is_read_deleted_exported_and_undone_as_text() {
    seed_one_of_each
    sqlite3 "$GUILT_DB" "UPDATE entries SET text = CAST('Missed the recital' AS BLOB) WHERE id = 1" ||
        fail "cannot plant the value"
    expect_eq blob "$(sqlite3 "$GUILT_DB" "SELECT typeof(text) FROM entries WHERE id = 1")" "the planted type"
    expect_exit 0 guilt --json list --type guilt
    expect_jq '.[0].text' '"Missed the recital"'
    expect_exit 0 guilt export --format json -o out.json
    expect_eq '"Missed the recital"' "$(jq -c '.entries[] | select(.type == "guilt") | .text' out.json)" "the exported text"
    expect_exit 0 guilt export --format csv
    expect_contains "$out" "Missed the recital"
    expect_exit 0 guilt delete 1 --yes
    expect_exit 0 guilt --json list --type guilt
    expect_jq 'length' '0'
    expect_exit 0 guilt undo
    expect_exit 0 guilt --json show 1
    expect_jq '.text' '"Missed the recital"'
}

t_a_blob_text_that_is_not_utf8_is_a_store_error_naming_the_entry() {
    seed_one_of_each
    sqlite3 "$GUILT_DB" "UPDATE entries SET text = X'4d697373ff6564' WHERE id = 1" ||
        fail "cannot plant the value"
    for cmd in "--json list" "list" "show 1" "export --format json" "export --format csv"; do
        # shellcheck disable=SC2086  # the words of the command
        expect_exit 1 guilt $cmd
        expect_error_line "$GUILT_DB" "entry #1" "text" "not text"
        expect_not_contains "$err" "json.exception"
    done
}

t_a_tag_that_is_not_utf8_is_a_store_error_naming_the_entry() {
    seed_one_of_each
    sqlite3 "$GUILT_DB" "UPDATE tags SET tag = X'7363686f6fff' WHERE entry_id = 1" ||
        fail "cannot plant the value"
    for cmd in "--json list" "export --format json"; do
        # shellcheck disable=SC2086  # the words of the command
        expect_exit 1 guilt $cmd
        expect_error_line "$GUILT_DB" "entry #1" "tags"
        expect_not_contains "$err" "json.exception"
    done
}

t_a_check_constraint_broken_by_another_program_keeps_sqlites_capitals() {
    seed_one_of_each
    sqlite3 "$GUILT_DB" "PRAGMA ignore_check_constraints = ON; UPDATE entries SET intensity = 99 WHERE id = 1" ||
        fail "cannot plant the value"
    refused 1 "$GUILT_DB" "damaged" "CHECK constraint failed" -- guilt log "After the planting" -i 3
    expect_not_contains "$err" "cHECK"
}

run_tests
