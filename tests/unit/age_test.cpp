// SPDX-License-Identifier: MIT
// The age format (cli/age.hpp): its encodings, HKDF, the header MAC, STREAM's chunks at the
// 64 KiB boundary, and the C2SP CCTV test vectors in tests/data/age-cctv/.
#include "guilt/cli/age.hpp"

#include <sodium.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace guilt;

namespace {

std::string hex(std::string_view bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

std::string unhex(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i + 1 < text.size(); i += 2)
        out += static_cast<char>(std::stoi(std::string(text.substr(i, 2)), nullptr, 16));
    return out;
}

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return hex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

std::string inflate_all(std::string_view in) {
    z_stream z{};
    REQUIRE(inflateInit(&z) == Z_OK);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    std::string out;
    char buf[65536];
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buf, sizeof buf - z.avail_out);
    }
    inflateEnd(&z);
    REQUIRE(rc == Z_STREAM_END);
    return out;
}

std::string encrypt_text(const std::string& plain, const age::Recipients& r) {
    std::istringstream in(plain);
    std::string out;
    age::encrypt(in, r, [&](std::string_view bytes) { out += bytes; });
    return out;
}

std::string decrypt_text(const std::string& file, const age::Identities& ids) {
    std::istringstream in(file);
    std::string out;
    age::decrypt(in, ids, [&](std::string_view bytes) { out += bytes; });
    return out;
}

const char* kCctvIdentity =
    "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0";

}  // namespace

TEST_CASE("base64 without padding round-trips, and only its canonical form is read", "[age]") {
    for (std::string s : {"", "f", "fo", "foo", "foob", "fooba", "foobar"})
        CHECK(age::base64_decode(age::base64_encode(s)) == s);
    CHECK(age::base64_encode("foobar") == "Zm9vYmFy");
    CHECK(age::base64_encode("fo") == "Zm8");
    CHECK_FALSE(age::base64_decode("Zm8="));  // padding
    CHECK_FALSE(age::base64_decode("Zm9"));   // unused bits set: not canonical
    CHECK_FALSE(age::base64_decode("Z"));
    CHECK_FALSE(age::base64_decode("Zm 8"));
}

TEST_CASE("bech32 keys: age-keygen's identity gives its public key", "[age]") {
    auto keys = age::parse_identities(std::string("# created: now\n\n") + kCctvIdentity + "\n");
    REQUIRE(keys.size() == 1);
    CHECK(age::recipient_of(keys[0]) ==
          "age1xmwwc06ly3ee5rytxm9mflaz2u56jjj36s0mypdrwsvlul66mv4q47ryef");
    CHECK(age::identity_text(keys[0]) == kCctvIdentity);
    auto pub =
        age::parse_recipient("age1xmwwc06ly3ee5rytxm9mflaz2u56jjj36s0mypdrwsvlul66mv4q47ryef");
    CHECK(age::bech32_encode("age",
                             std::string_view(reinterpret_cast<const char*>(pub.data()), 32)) ==
          "age1xmwwc06ly3ee5rytxm9mflaz2u56jjj36s0mypdrwsvlul66mv4q47ryef");
    // One letter changed breaks the checksum; upper case is not a recipient; mixed case is no
    // bech32 at all.
    CHECK_THROWS_AS(
        age::parse_recipient("age1xmwwc06ly3ee5rytxm9mflaz2u56jjj36s0mypdrwsvlul66mv4q47ryeg"),
        std::invalid_argument);
    CHECK_THROWS_AS(
        age::parse_recipient("AGE1XMWWC06LY3EE5RYTXM9MFLAZ2U56JJJ36S0MYPDRWSVLUL66MV4Q47RYEF"),
        std::invalid_argument);
    CHECK_FALSE(
        age::bech32_decode("age1xmwwc06ly3ee5rytxm9mflaz2u56jjj36s0mypdrwsvlul66mv4q47RYEF"));
    CHECK_THROWS_AS(age::parse_identities("# only a comment\n"), std::invalid_argument);
    CHECK_THROWS_WITH(age::parse_identities("# ok\nnot a key\n"), Catch::Contains("line 2"));
}

TEST_CASE("HKDF-SHA-256 gives RFC 5869's first test case", "[age]") {
    auto okm = age::hkdf_sha256(std::string(22, '\x0b'), unhex("000102030405060708090a0b0c"),
                                unhex("f0f1f2f3f4f5f6f7f8f9"), 42);
    CHECK(hex(okm) ==
          "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
}

TEST_CASE("the header MAC is CCTV's for its x25519 vector", "[age]") {
    std::string header =
        "age-encryption.org/v1\n"
        "-> X25519 TEiF0ypqr+bpvcqXNyCVJpL7OuwPdVwPL7KQEbFDOCc\n"
        "hjabGXwSLQ9c3S6Lw2i+S2Tu2fiwQHHslbBN6B41FLE\n"
        "---";
    CHECK(age::base64_encode(age::header_mac(unhex("59454c4c4f57205355424d4152494e45"), header)) ==
          "WyJp9F/9FOZh7gJdheq2WIJcwHgYc8NIVh3ddwhrcNg");
}

TEST_CASE("STREAM cuts the payload in 64 KiB chunks, a full last one included", "[age]") {
    auto secret = age::new_secret();
    age::Recipients r;
    r.keys.push_back(age::parse_recipient(age::recipient_of(secret)));
    age::Identities ids;
    ids.keys.push_back(secret);
    auto header_size = encrypt_text("", r).size() - 16 - 16;  // one empty chunk: its tag alone
    for (std::size_t n : {std::size_t{0}, std::size_t{1}, age::kChunkSize - 1, age::kChunkSize,
                          age::kChunkSize + 1, 2 * age::kChunkSize, 2 * age::kChunkSize + 7}) {
        std::string plain(n, '\0');
        for (std::size_t i = 0; i < n; ++i)
            plain[i] = static_cast<char>(i * 7 % 251);
        auto file = encrypt_text(plain, r);
        std::size_t chunks = n == 0 ? 1 : (n + age::kChunkSize - 1) / age::kChunkSize;
        CAPTURE(n);
        CHECK(file.size() == header_size + 16 + n + 16 * chunks);
        CHECK(decrypt_text(file, ids) == plain);
        // The last chunk cut off at a chunk boundary is found: the one before is not final.
        if (chunks > 1) {
            auto cut = file.substr(0, header_size + 16 + (age::kChunkSize + 16) * (chunks - 1));
            CHECK_THROWS_AS(decrypt_text(cut, ids), age::DecryptError);
        }
    }
}

TEST_CASE("a passphrase file opens with the passphrase only, and holds a lone scrypt stanza",
          "[age]") {
    age::Recipients r;
    r.passphrase = "correct horse";
    r.work_factor = 10;
    auto file = encrypt_text("her words", r);
    CHECK(file.find("\n-> scrypt ") != std::string::npos);
    CHECK(file.find("-> X25519") == std::string::npos);
    age::Identities right, wrong;
    right.passphrase = "correct horse";
    wrong.passphrase = "correct horse ";
    CHECK(decrypt_text(file, right) == "her words");
    try {
        decrypt_text(file, wrong);
        FAIL("a wrong passphrase opened the file");
    } catch (const age::DecryptError& e) {
        CHECK(e.failure() == age::Failure::no_match);
    }
}

TEST_CASE("every CCTV vector guilt can meet decrypts as the vector expects", "[age][cctv]") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(GUILT_SOURCE_DIR) / "tests" / "data" / "age-cctv";
    int vectors = 0;
    for (const auto& item : fs::directory_iterator(dir)) {
        auto name = item.path().filename().string();
        if (name == "README.md") continue;
        std::ifstream in(item.path(), std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        auto split = text.find("\n\n");
        REQUIRE(split != std::string::npos);
        std::string expect, payload, compressed;
        age::Identities ids;
        std::istringstream header(text.substr(0, split));
        for (std::string line; std::getline(header, line);) {
            auto colon = line.find(": ");
            auto key = line.substr(0, colon), value = line.substr(colon + 2);
            if (key == "expect") expect = value;
            if (key == "payload") payload = value;
            if (key == "compressed") compressed = value;
            if (key == "passphrase") ids.passphrase = value;
            if (key == "identity")
                for (auto k : age::parse_identities(value))
                    ids.keys.push_back(k);
        }
        auto file = text.substr(split + 2);
        if (compressed == "zlib") file = inflate_all(file);
        std::string released, outcome = "success";
        std::istringstream body(file);
        try {
            age::decrypt(body, ids, [&](std::string_view bytes) { released += bytes; });
        } catch (const age::DecryptError& e) {
            outcome = e.failure() == age::Failure::header     ? "header failure"
                      : e.failure() == age::Failure::no_match ? "no match"
                      : e.failure() == age::Failure::hmac     ? "HMAC failure"
                                                              : "payload failure";
        }
        CAPTURE(name);
        CHECK(outcome == expect);
        if (!payload.empty()) CHECK(sha256_hex(released) == payload);
        ++vectors;
    }
    CHECK(vectors == 92);
}
