# SPDX-License-Identifier: MIT
# Every line of tests/bad_inputs.txt: junk is refused with exit 2, one line and an unchanged
# journal; legitimate text that looks dangerous (SQL, shell, right-to-left, emoji) is stored and
# shown back byte for byte.
source "$(dirname "$0")/lib.sh"
SOURCE_DIR=${GUILT_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}

# Runs one line of the table; `stdin=...` pipes what it names into the command.
run_line() {
    local want=$1 line=$2 input=""
    local -a args
    eval "args=($line)" || fail "cannot read the line: $line"
    if [[ ${args[0]} == stdin=* ]]; then
        input=${args[0]#stdin=}
        args=("${args[@]:1}")
        if [[ $input == big ]]; then
            head -c 1100000 /dev/zero | tr '\0' 'a' >"$TEST_DIR/.in"
        else
            printf "$input" >"$TEST_DIR/.in"
        fi
    else
        : >"$TEST_DIR/.in"
    fi
    LAST_CMD="guilt ${args[*]}"
    if [[ $want == refuse ]]; then
        local before after
        before=$(dump)
        "$GUILT_BIN" "${args[@]}" <"$TEST_DIR/.in" >"$TEST_DIR/.out" 2>"$TEST_DIR/.err"
        rc=$?
        read_file out "$TEST_DIR/.out"
        read_file err "$TEST_DIR/.err"
        expect_eq 2 "$rc" "exit code of: guilt ${args[*]}"
        expect_error_line
        expect_eq "" "$out" "stdout of a refused command"
        after=$(dump)
        [[ $after == "$before" ]] || fail "the journal changed after: guilt ${args[*]}"
    else
        "$GUILT_BIN" "${args[@]}" <"$TEST_DIR/.in" >"$TEST_DIR/.out" 2>"$TEST_DIR/.err"
        rc=$?
        read_file err "$TEST_DIR/.err"
        expect_eq 0 "$rc" "exit code of: guilt ${args[*]} ($err)"
        local given
        if [[ -s $TEST_DIR/.in ]]; then given=$(cat "$TEST_DIR/.in"); else given=${args[-1]}; fi
        "$GUILT_BIN" --json list -n 1 >"$TEST_DIR/.out" 2>/dev/null
        # Compare bytes: the stored text, through jq's raw output, against what was given.
        jq -j '.[0].text' "$TEST_DIR/.out" >"$TEST_DIR/.stored"
        printf '%s' "$given" >"$TEST_DIR/.given"
        cmp -s "$TEST_DIR/.stored" "$TEST_DIR/.given" ||
            fail "stored text differs for: guilt ${args[*]}: $(od -c "$TEST_DIR/.stored" | head -3)"
        # And the human view shows it too (list and show print her words).
        "$GUILT_BIN" show "$(jq -r '.[0].id' "$TEST_DIR/.out")" >"$TEST_DIR/.shown" 2>&1
        grep -qF -- "$(head -n 1 "$TEST_DIR/.given")" "$TEST_DIR/.shown" ||
            fail "guilt show does not show: $(head -n 1 "$TEST_DIR/.given")"
    fi
}

t_every_bad_input_is_refused_and_every_legitimate_one_kept() {
    seed_one_of_each
    local want line count=0
    while IFS= read -r raw; do
        [[ -z $raw || $raw == \#* ]] && continue
        want=${raw%% *}
        line=${raw#* }
        run_line "$want" "$line"
        count=$((count + 1))
    done <"$SOURCE_DIR/tests/bad_inputs.txt"
    ((count >= 60)) || fail "only $count lines in tests/bad_inputs.txt"
    echo "      $count command lines checked"
}

run_tests
