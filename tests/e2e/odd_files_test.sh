# SPDX-License-Identifier: MIT
# Her own files under $XDG_CONFIG_HOME/guilt (issue 19): one that is a FIFO (or another thing that
# is not a regular file) is reported, naming it, and never waited on.
source "$(dirname "$0")/lib.sh"

t_a_fifo_for_her_strategy_wording_is_reported_and_reflect_does_not_hang() {
    seed_week
    mkdir -p "$XDG_CONFIG_HOME/guilt"
    mkfifo "$XDG_CONFIG_HOME/guilt/strategies.json"
    # A command that waited on the FIFO would be ended by timeout, with exit 124.
    expect_exit 1 timeout 20 "$GUILT_BIN" reflect --no-input
    expect_error_line "$XDG_CONFIG_HOME/guilt/strategies.json" "not a regular file"
    expect_eq "" "$out" "stdout"
}

t_a_fifo_for_her_lexicon_is_reported_and_reflect_does_not_hang() {
    seed_week
    mkdir -p "$XDG_CONFIG_HOME/guilt"
    mkfifo "$XDG_CONFIG_HOME/guilt/lexicon.json"
    expect_exit 1 timeout 20 "$GUILT_BIN" reflect --json --no-input
    expect_error_line "$XDG_CONFIG_HOME/guilt/lexicon.json" "not a regular file"
}

t_a_folder_for_her_strategy_wording_is_reported() {
    seed_week
    mkdir -p "$XDG_CONFIG_HOME/guilt/strategies.json"
    expect_exit 1 timeout 20 "$GUILT_BIN" reflect --no-input
    expect_error_line "$XDG_CONFIG_HOME/guilt/strategies.json" "not a regular file"
}

t_a_fifo_for_her_config_file_is_reported_and_the_editor_does_not_hang() {
    mkdir -p "$XDG_CONFIG_HOME/guilt"
    mkfifo "$XDG_CONFIG_HOME/guilt/config"
    EDITOR=$(make_editor editor "Forgot the permission slip")
    export EDITOR
    # on_terminal ends a command still running after a minute.
    rc=0
    out=$(on_terminal --stdin -- "$GUILT_BIN" log 2>"$TEST_DIR/.err") || rc=$?
    read_file err "$TEST_DIR/.err"
    expect_eq 1 "$rc" "exit code"
    expect_error_line "$XDG_CONFIG_HOME/guilt/config" "not a regular file"
    expect_exit 0 guilt --json list
    expect_jq 'length' '0'
}

t_her_config_file_as_a_link_to_a_file_is_still_read() {
    mkdir -p "$XDG_CONFIG_HOME/guilt" "$TEST_DIR/dotfiles"
    local editor
    editor=$(make_editor editor "From the editor of her config")
    printf 'editor = %s\n' "$editor" >"$TEST_DIR/dotfiles/config"
    ln -s "$TEST_DIR/dotfiles/config" "$XDG_CONFIG_HOME/guilt/config"
    rc=0
    on_terminal --stdin -- "$GUILT_BIN" log >/dev/null 2>&1 || rc=$?
    expect_eq 0 "$rc" "exit code"
    expect_exit 0 guilt --json list
    expect_jq '.[0].text' '"From the editor of her config"'
}

# Her own lexicon.json replaces the built-in one (which guilt carries compiled): a word she adds
# is read, and a mistake in her file is named with its path and the place in it.
t_her_own_lexicon_is_read_and_its_mistakes_named() {
    local source=${GUILT_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
    mkdir -p "$XDG_CONFIG_HOME/guilt"
    expect_exit 0 guilt log "Two quiet hours of kintsugi"
    expect_exit 0 guilt --json show 1
    expect_jq '.reading.topics | index("me-time")' 'null'
    jq '(.topics[] | select(.id == "me-time") | .cues) += ["kintsugi"]' \
        "$source/data/lexicon.json" >"$XDG_CONFIG_HOME/guilt/lexicon.json" || fail "cannot write"
    expect_exit 0 guilt --json show 1
    expect_jq '.reading.topics | index("me-time") != null' 'true'
    printf '{"topics": [{"id": "work"}]}' >"$XDG_CONFIG_HOME/guilt/lexicon.json"
    expect_exit 2 guilt --json show 1
    expect_error_line "$XDG_CONFIG_HOME/guilt/lexicon.json: /topics/0/label" "must be a non-empty string"
}

run_tests
