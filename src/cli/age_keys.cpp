// SPDX-License-Identifier: MIT
// age's text encodings and keys (age.hpp): base64 without padding, Bech32 (BIP 173) for the
// recipient and identity strings, parsing and making X25519 keys. The files are in age.cpp.
#include <sodium.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "age_sodium.hpp"
#include "guilt/cli/age.hpp"

namespace guilt::age {

namespace {

constexpr std::string_view kBase64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kBech32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

std::uint64_t polymod(const std::vector<std::uint8_t>& values) {
    constexpr std::uint32_t kGen[] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    std::uint32_t chk = 1;
    for (auto v : values) {
        auto top = chk >> 25;
        chk = (chk & 0x1ffffff) << 5 ^ v;
        for (int i = 0; i < 5; ++i)
            if ((top >> i) & 1) chk ^= kGen[i];
    }
    return chk;
}

std::vector<std::uint8_t> hrp_expand(std::string_view hrp) {
    std::vector<std::uint8_t> out;
    for (char c : hrp)
        out.push_back(static_cast<std::uint8_t>(static_cast<unsigned char>(c) >> 5));
    out.push_back(0);
    for (char c : hrp)
        out.push_back(static_cast<std::uint8_t>(static_cast<unsigned char>(c) & 31));
    return out;
}

// The first argument of the stanza `s` of type `type`, decoded, once the stanza is checked to

}  // namespace

// ---- encodings ---------------------------------------------------------------------------------

std::string base64_encode(std::string_view bytes) {
    std::string out;
    std::uint32_t acc = 0;
    int bits = 0;
    for (unsigned char c : bytes) {
        acc = acc << 8 | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += kBase64[(acc >> bits) & 63];
        }
    }
    if (bits > 0) out += kBase64[(acc << (6 - bits)) & 63];
    return out;
}

std::optional<Bytes> base64_decode(std::string_view text) {
    if (text.size() % 4 == 1) return std::nullopt;
    Bytes out;
    std::uint32_t acc = 0;
    int bits = 0;
    for (char c : text) {
        auto at = kBase64.find(c);
        if (at == std::string_view::npos) return std::nullopt;
        acc = (acc << 6 | static_cast<std::uint32_t>(at)) & 0xffffff;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xff);
        }
    }
    if ((acc & ((1u << bits) - 1)) != 0) return std::nullopt;  // not canonical
    return out;
}

std::string bech32_encode(std::string_view hrp, std::string_view bytes) {
    std::vector<std::uint8_t> data;
    std::uint32_t acc = 0;
    int bits = 0;
    for (unsigned char c : bytes) {
        acc = (acc << 8 | c) & 0xfff;
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            data.push_back(static_cast<std::uint8_t>((acc >> bits) & 31));
        }
    }
    if (bits > 0) data.push_back(static_cast<std::uint8_t>((acc << (5 - bits)) & 31));
    auto values = hrp_expand(hrp);
    values.insert(values.end(), data.begin(), data.end());
    values.insert(values.end(), 6, 0);
    auto mod = polymod(values) ^ 1;
    std::string out = std::string(hrp) + "1";
    for (auto d : data)
        out += kBech32[d];
    for (int i = 0; i < 6; ++i)
        out += kBech32[(mod >> (5 * (5 - i))) & 31];
    return out;
}

std::optional<std::pair<std::string, Bytes>> bech32_decode(std::string_view text) {
    bool lower = false, upper = false;
    std::string s;
    for (char c : text) {
        if (c < 0x21 || c > 0x7e) return std::nullopt;
        lower |= c >= 'a' && c <= 'z';
        upper |= c >= 'A' && c <= 'Z';
        s += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    auto sep = s.rfind('1');
    if ((lower && upper) || sep == std::string::npos || sep == 0 || s.size() - sep < 7)
        return std::nullopt;
    auto hrp = s.substr(0, sep);
    auto values = hrp_expand(hrp);
    std::vector<std::uint8_t> data;
    for (char c : s.substr(sep + 1)) {
        auto at = kBech32.find(c);
        if (at == std::string_view::npos) return std::nullopt;
        data.push_back(static_cast<std::uint8_t>(at));
    }
    values.insert(values.end(), data.begin(), data.end());
    if (polymod(values) != 1) return std::nullopt;
    data.resize(data.size() - 6);
    Bytes out;
    std::uint32_t acc = 0;
    int bits = 0;
    for (auto d : data) {
        acc = (acc << 5 | d) & 0xfff;
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xff);
        }
    }
    if (bits >= 5 || (acc & ((1u << bits) - 1)) != 0) return std::nullopt;
    return std::pair{hrp, out};
}

// ---- keys --------------------------------------------------------------------------------------

Key32 parse_recipient(std::string_view text) {
    auto decoded = bech32_decode(text);
    if (!decoded || text.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string_view::npos)
        throw std::invalid_argument("is not an age public key (age1..., in lower case)");
    if (decoded->first != "age" || decoded->second.size() != 32)
        throw std::invalid_argument("is not an age X25519 public key (age1...)");
    Key32 key{};
    std::memcpy(key.data(), decoded->second.data(), 32);
    return key;
}

std::vector<Key32> parse_identities(std::string_view text) {
    std::vector<Key32> keys;
    std::size_t number = 0;
    while (!text.empty()) {
        auto end = text.find('\n');
        auto line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        ++number;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
            line.remove_suffix(1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
        if (line.empty() || line.front() == '#') continue;
        auto decoded = bech32_decode(line);
        if (!decoded || decoded->first != "age-secret-key-" || decoded->second.size() != 32)
            throw std::invalid_argument(
                "line " + std::to_string(number) +
                " is not an age secret key (AGE-SECRET-KEY-1...) nor a # comment");
        Key32 key{};
        std::memcpy(key.data(), decoded->second.data(), 32);
        sodium_memzero(decoded->second.data(), decoded->second.size());
        keys.push_back(key);
    }
    if (keys.empty()) throw std::invalid_argument("holds no age secret key (AGE-SECRET-KEY-1...)");
    return keys;
}

std::string recipient_of(const Key32& secret) {
    need_sodium();
    Key32 pub{};
    crypto_scalarmult_base(pub.data(), secret.data());
    return bech32_encode("age", view_of(pub));
}

std::string identity_text(const Key32& secret) {
    auto text = bech32_encode("age-secret-key-", view_of(secret));
    std::transform(text.begin(), text.end(), text.begin(),
                   [](char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; });
    return text;
}

Key32 new_secret() {
    auto bytes = random_bytes(32);
    Key32 key{};
    std::memcpy(key.data(), bytes.data(), 32);
    return key;
}

}  // namespace guilt::age
