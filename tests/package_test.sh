# SPDX-License-Identifier: MIT
# The Debian package: cpack builds it from a build folder into a temporary folder; its control
# data names its dependencies; unpacked into a temporary root, its guilt runs from there and logs
# into a journal, and the manual and the completions are in place.
#
#   bash tests/package_test.sh build

set -uo pipefail

if [[ $# -ne 1 || ! -f $1/CPackConfig.cmake ]]; then
    echo "usage: bash $0 path/to/build (a configured, built build folder)" >&2
    exit 2
fi
BUILD=$(cd "$1" && pwd)
for tool in cpack dpkg-deb dpkg-shlibdeps; do
    if ! command -v "$tool" >/dev/null; then
        echo "skip: the package test needs $tool (make test-deps installs dpkg-dev)"
        exit 77
    fi
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/guilt-package.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

fail() {
    echo "FAIL  package: $*" >&2
    exit 1
}

(cd "$BUILD" && cpack -G DEB -B "$WORK/out") >"$WORK/cpack.log" 2>&1 ||
    { cat "$WORK/cpack.log" >&2; fail "cpack -G DEB failed"; }
debs=("$WORK"/out/guilt_*.deb)
[[ ${#debs[@]} -eq 1 && -f ${debs[0]} ]] || fail "expected one guilt_*.deb, got: $(ls "$WORK/out")"
DEB=${debs[0]}
version=$("$BUILD/guilt" --version)
arch=$(dpkg --print-architecture)
[[ $(basename "$DEB") == "guilt_${version}_${arch}.deb" ]] ||
    fail "file name: expected guilt_${version}_${arch}.deb, got $(basename "$DEB")"

info=$(dpkg-deb -I "$DEB")
grep -qx ' Package: guilt' <<<"$info" || fail "Package is not guilt: $info"
grep -qx ' Section: utils' <<<"$info" || fail "Section is not utils: $info"
grep -q '^ Maintainer: .' <<<"$info" || fail "no Maintainer: $info"
depends=$(grep '^ Depends: ' <<<"$info") || fail "no Depends (dpkg-shlibdeps): $info"
for lib in libc6 libsqlite3-0; do
    [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done

# apt must agree to install it: Debian 12's findutils Breaks an older, unrelated "guilt".
if command -v apt-get >/dev/null; then
    plan=$(apt-get install -s "$DEB" 2>&1) || fail "apt-get install -s refuses the package: $plan"
    grep -q '^Inst guilt ' <<<"$plan" || fail "apt-get would not install guilt: $plan"
fi

ROOT=$WORK/root
dpkg -x "$DEB" "$ROOT" || fail "dpkg -x failed"
GUILT=$ROOT/usr/bin/guilt
[[ -x $GUILT ]] || fail "no usr/bin/guilt in the package"
if command -v readelf >/dev/null && readelf -S "$GUILT" | grep -q '\.debug_info'; then
    fail "usr/bin/guilt is not stripped"
fi
for file in usr/share/man/man1/guilt.1.gz usr/share/bash-completion/completions/guilt \
    usr/share/zsh/vendor-completions/_guilt usr/share/fish/vendor_completions.d/guilt.fish; do
    [[ -s $ROOT/$file ]] || fail "no $file in the package"
done
# Read whole first: grep -q stops at its match, and gzip, still writing, would die of SIGPIPE,
# which pipefail reports as a failure (it did, now and then).
manual=$(gzip -dc "$ROOT/usr/share/man/man1/guilt.1.gz") || fail "guilt.1.gz does not decompress"
grep -q '^\.TH GUILT 1' <<<"$manual" || fail "guilt.1.gz is not a manual"

[[ $("$GUILT" --version) == "$version" ]] || fail "the packaged guilt --version is not $version"
export GUILT_DB=$WORK/journal/journal.db TZ=UTC NO_COLOR=1
"$GUILT" log "Packaged guilt works #release" -i 3 2>/dev/null </dev/null || fail "guilt log failed"
listed=$("$GUILT" list --json </dev/null) || fail "guilt list failed"
[[ $listed == *'"Packaged guilt works #release"'* ]] || fail "the entry is not listed: $listed"

echo "ok    package $(basename "$DEB") ($depends)"
