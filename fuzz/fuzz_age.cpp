// SPDX-License-Identifier: MIT
// libFuzzer target: reading an age file (guilt restore's decrypter, cli/age.cpp) with an X25519
// identity either releases authenticated plaintext or throws DecryptError; it never crashes,
// loops or throws anything else. The identity is the one of the C2SP CCTV vectors the seeds come
// from (fuzz/corpus/age/README.md), so mutations reach the payload behind a header that opens.
// No passphrase is given: a scrypt stanza is then no match, and the fuzzer never pays for scrypt.
// The same bytes are also read as an identity file and as base64 and Bech32.
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>

#include "guilt/cli/age.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    namespace age = guilt::age;
    static const age::Identities identities{
        age::parse_identities(
            "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0\n"),
        std::nullopt};
    std::istringstream in(bytes);
    std::size_t released = 0;
    try {
        age::decrypt(in, identities, [&](std::string_view chunk) {
            if (chunk.size() > age::kChunkSize) __builtin_trap();
            released += chunk.size();
        });
    } catch (const age::DecryptError&) {
    }
    if (released > size) __builtin_trap();  // plaintext is never longer than its file
    try {
        age::parse_identities(bytes);
    } catch (const std::invalid_argument&) {
    }
    (void)age::base64_decode(bytes);
    (void)age::bech32_decode(bytes);
    return 0;
}
