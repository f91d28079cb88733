// SPDX-License-Identifier: MIT
// The age v1 format on libsodium (see age.hpp), written from the specification at
// age-encryption.org/v1 (C2SP). Checked against the C2SP CCTV test vectors (tests/data/age-cctv/)
// and Debian's `age` command (tests/e2e/backup_age_test.sh).
#include "guilt/cli/age.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "age_sodium.hpp"

namespace guilt::age {

namespace {

constexpr std::string_view kIntro = "age-encryption.org/v1";
constexpr std::string_view kX25519Label = "age-encryption.org/v1/X25519";
constexpr std::string_view kScryptLabel = "age-encryption.org/v1/scrypt";
constexpr std::size_t kFileKeySize = 16;
constexpr std::size_t kTagSize = crypto_aead_chacha20poly1305_ietf_ABYTES;
constexpr std::size_t kNonceSize = 16;
constexpr std::size_t kBodyColumns = 64;
constexpr std::size_t kMaxHeaderLine = 64 * 1024;  // a header line longer than this is refused
constexpr std::size_t kMaxStanzas = 1000;

// ChaCha20-Poly1305 (IETF) under `key` (32 bytes) with a 12-byte `nonce`.
Bytes seal(std::string_view key, std::string_view nonce, std::string_view plain) {
    Bytes out(plain.size() + kTagSize, '\0');
    unsigned long long n = 0;
    crypto_aead_chacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char*>(out.data()), &n,
                                              bytes_of(plain), plain.size(), nullptr, 0, nullptr,
                                              bytes_of(nonce), bytes_of(key));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::optional<Bytes> open_sealed(std::string_view key, std::string_view nonce,
                                 std::string_view sealed) {
    if (sealed.size() < kTagSize) return std::nullopt;
    Bytes out(sealed.size() - kTagSize, '\0');
    unsigned long long n = 0;
    if (crypto_aead_chacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(out.data()), &n,
                                                  nullptr, bytes_of(sealed), sealed.size(), nullptr,
                                                  0, bytes_of(nonce), bytes_of(key)) != 0)
        return std::nullopt;
    out.resize(static_cast<std::size_t>(n));
    return out;
}

const std::string kZeroNonce(12, '\0');

// The scrypt key of `passphrase` and the stanza's 16-byte `salt`.
std::optional<Bytes> scrypt_key(std::string_view passphrase, std::string_view salt,
                                int work_factor) {
    need_sodium();
    auto full_salt = std::string(kScryptLabel) + std::string(salt);
    Bytes key(32, '\0');
    if (crypto_pwhash_scryptsalsa208sha256_ll(
            bytes_of(passphrase), passphrase.size(), bytes_of(full_salt), full_salt.size(),
            std::uint64_t{1} << work_factor, 8, 1, reinterpret_cast<unsigned char*>(key.data()),
            key.size()) != 0)
        return std::nullopt;
    return key;
}

// The key that wraps the file key for an X25519 recipient: from the shared secret of `secret`
// and `point` (the ephemeral secret and the recipient's key, or the identity and the share),
// the ephemeral share and the recipient's public key. nullopt when the shared secret is all
// zeros.
std::optional<Bytes> x25519_wrap_key(const Key32& secret, std::string_view point,
                                     std::string_view share, std::string_view recipient) {
    need_sodium();
    Key32 shared{};
    if (crypto_scalarmult(shared.data(), secret.data(), bytes_of(point)) != 0) return std::nullopt;
    auto key =
        hkdf_sha256(view_of(shared), std::string(share) + std::string(recipient), kX25519Label, 32);
    sodium_memzero(shared.data(), shared.size());
    return key;
}

DecryptError header_error(const std::string& why) {
    return DecryptError(Failure::header, why);
}

// One header line without its "\n"; throws at the end of input, a CR, or a line too long.
std::string read_line(std::istream& in) {
    std::string line;
    for (int c = in.get(); c != '\n'; c = in.get()) {
        if (c == std::char_traits<char>::eof()) throw header_error("the header is cut short");
        if (c == '\r') throw header_error("a header line ends with CR");
        if (line.size() >= kMaxHeaderLine) throw header_error("a header line is too long");
        line += static_cast<char>(c);
    }
    return line;
}

bool is_argument(std::string_view arg) {
    return !arg.empty() &&
           std::all_of(arg.begin(), arg.end(), [](char c) { return c >= 0x21 && c <= 0x7e; });
}

// "-> A B C" as its arguments.
std::vector<std::string> stanza_arguments(std::string_view line) {
    std::vector<std::string> args;
    auto rest = line.substr(3);
    for (std::size_t start = 0;;) {
        auto space = rest.find(' ', start);
        auto arg = rest.substr(start, space == std::string_view::npos ? space : space - start);
        if (!is_argument(arg)) throw header_error("a stanza has an empty or invalid argument");
        args.emplace_back(arg);
        if (space == std::string_view::npos) break;
        start = space + 1;
    }
    return args;
}

// The body lines of a stanza, up to and including its short last line.
Bytes read_body(std::istream& in, std::string& header) {
    std::string text;
    for (;;) {
        auto line = read_line(in);
        header += line + "\n";
        if (line.size() > kBodyColumns) throw header_error("a stanza line is longer than 64");
        text += line;
        if (line.size() < kBodyColumns) break;
    }
    auto body = base64_decode(text);
    if (!body) throw header_error("a stanza's body is not canonical base64");
    return *body;
}

// have `count` arguments, that one of `size` bytes, and a wrapped 16-byte file key as its body.
Bytes checked_stanza(const Stanza& s, std::string_view type, std::size_t count, std::size_t size) {
    auto name = std::string(type);
    if (s.args.size() != count)
        throw header_error("a " + name + " stanza has too few or many arguments");
    auto first = base64_decode(s.args[1]);
    if (!first || first->size() != size)
        throw header_error("a " + name + " stanza's argument is not " + std::to_string(size) +
                           " bytes");
    if (s.body.size() != kFileKeySize + kTagSize)
        throw header_error("a " + name + " stanza's body is not a wrapped 16-byte file key");
    return *first;
}

struct X25519Stanza {
    Bytes share;
    Bytes body;
};
X25519Stanza check_x25519(const Stanza& s) {
    return {checked_stanza(s, "X25519", 2, 32), s.body};
}

struct ScryptStanza {
    Bytes salt;
    int work_factor;
};
ScryptStanza check_scrypt(const Stanza& s) {
    auto salt = checked_stanza(s, "scrypt", 3, 16);
    const auto& wf = s.args[2];
    bool decimal = !wf.empty() && wf.size() <= 2 && wf[0] != '0' &&
                   std::all_of(wf.begin(), wf.end(), [](char c) { return c >= '0' && c <= '9'; });
    int factor = decimal ? std::stoi(wf) : 0;
    if (factor < 1 || factor > kMaxWorkFactor)
        throw header_error("a scrypt work factor is not a number from 1 to 22");
    return {salt, factor};
}

// The file key, unwrapped by the first of `ids` that opens a stanza. Throws DecryptError.
Bytes unwrap_file_key(const std::vector<Stanza>& stanzas, const Identities& ids) {
    bool scrypt = std::any_of(stanzas.begin(), stanzas.end(),
                              [](const Stanza& s) { return s.args[0] == "scrypt"; });
    if (scrypt && stanzas.size() != 1)
        throw header_error("a scrypt stanza must be alone in the header");
    for (const auto& s : stanzas) {
        if (s.args[0] == "X25519") {
            auto x = check_x25519(s);
            for (const auto& secret : ids.keys) {
                Key32 pub{};
                crypto_scalarmult_base(pub.data(), secret.data());
                auto wrap = x25519_wrap_key(secret, x.share, x.share, view_of(pub));
                if (!wrap) throw header_error("an X25519 share gives the all-zero secret");
                if (auto key = open_sealed(*wrap, kZeroNonce, x.body)) return *key;
            }
        } else if (s.args[0] == "scrypt") {
            auto sc = check_scrypt(s);
            if (!ids.passphrase) continue;
            auto wrap = scrypt_key(*ids.passphrase, sc.salt, sc.work_factor);
            if (!wrap) throw std::runtime_error("not enough memory for scrypt");
            if (auto key = open_sealed(*wrap, kZeroNonce, s.body)) return *key;
        }
    }
    throw DecryptError(Failure::no_match, "no identity opens it");
}

// Reads up to `n` bytes.
std::size_t read_up_to(std::istream& in, char* buf, std::size_t n) {
    in.read(buf, static_cast<std::streamsize>(n));
    return static_cast<std::size_t>(in.gcount());
}

std::string chunk_nonce(std::uint64_t counter, bool last) {
    std::string nonce(12, '\0');
    for (int i = 0; i < 8; ++i)
        nonce[10 - i] = static_cast<char>((counter >> (8 * i)) & 0xff);
    nonce[11] = last ? 1 : 0;
    return nonce;
}

}  // namespace

Bytes hmac_sha256(std::string_view key, std::string_view message) {
    need_sodium();
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, bytes_of(key), key.size());
    crypto_auth_hmacsha256_update(&state, bytes_of(message), message.size());
    Bytes out(crypto_auth_hmacsha256_BYTES, '\0');
    crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char*>(out.data()));
    sodium_memzero(&state, sizeof state);
    return out;
}

Bytes hkdf_sha256(std::string_view ikm, std::string_view salt, std::string_view info,
                  std::size_t length) {
    if (length > 255 * 32) throw std::invalid_argument("HKDF: too long an output");
    // An empty salt is HashLen zero bytes; HMAC pads its key with zeros, so both are the same.
    auto prk = hmac_sha256(salt, ikm);
    Bytes out, block;
    for (unsigned char i = 1; out.size() < length; ++i) {
        block = hmac_sha256(prk, block + std::string(info) + static_cast<char>(i));
        out += block;
    }
    sodium_memzero(prk.data(), prk.size());
    out.resize(length);
    return out;
}

Bytes header_mac(std::string_view file_key, std::string_view header_to_dashes) {
    auto key = hkdf_sha256(file_key, "", "header", 32);
    auto mac = hmac_sha256(key, header_to_dashes);
    sodium_memzero(key.data(), key.size());
    return mac;
}

// ---- files -------------------------------------------------------------------------------------

namespace {

// The header's stanzas for `r`, each as its line and body lines, wrapping `file_key`.
std::string recipient_stanzas(const Recipients& r, std::string_view file_key) {
    std::vector<std::pair<std::string, Bytes>> stanzas;  // arguments, body
    if (r.passphrase) {
        auto salt = random_bytes(16);
        auto key = scrypt_key(*r.passphrase, salt, r.work_factor);
        if (!key) throw std::runtime_error("not enough memory for scrypt");
        stanzas.emplace_back("scrypt " + base64_encode(salt) + " " + std::to_string(r.work_factor),
                             seal(*key, kZeroNonce, file_key));
        sodium_memzero(key->data(), key->size());
    }
    for (const auto& recipient : r.keys) {
        auto ephemeral = new_secret();
        Key32 share{};
        crypto_scalarmult_base(share.data(), ephemeral.data());
        auto wrap =
            x25519_wrap_key(ephemeral, view_of(recipient), view_of(share), view_of(recipient));
        sodium_memzero(ephemeral.data(), ephemeral.size());
        if (!wrap) throw std::invalid_argument("a recipient is a low-order point");
        stanzas.emplace_back("X25519 " + base64_encode(view_of(share)),
                             seal(*wrap, kZeroNonce, file_key));
    }
    std::string out;
    for (const auto& [args, body] : stanzas) {
        out += "-> " + args + "\n";
        auto text = base64_encode(body);
        for (std::size_t at = 0;; at += kBodyColumns) {
            auto line = text.substr(std::min(at, text.size()), kBodyColumns);
            out += line + "\n";
            if (line.size() < kBodyColumns) break;
        }
    }
    return out;
}

}  // namespace

void encrypt(std::istream& in, const Recipients& recipients,
             const std::function<void(std::string_view)>& out) {
    need_sodium();
    if (recipients.passphrase && !recipients.keys.empty())
        throw std::invalid_argument("a passphrase must be the only recipient");
    if (!recipients.passphrase && recipients.keys.empty())
        throw std::invalid_argument("no recipient");
    auto file_key = random_bytes(kFileKeySize);
    auto header = std::string(kIntro) + "\n" + recipient_stanzas(recipients, file_key) + "---";
    header += " " + base64_encode(header_mac(file_key, header)) + "\n";
    auto nonce = random_bytes(kNonceSize);
    out(header);
    out(nonce);
    auto key = hkdf_sha256(file_key, nonce, "payload", 32);
    sodium_memzero(file_key.data(), file_key.size());
    std::string chunk(kChunkSize, '\0');
    for (std::uint64_t counter = 0;; ++counter) {
        auto n = read_up_to(in, chunk.data(), kChunkSize);
        if (in.bad()) throw std::runtime_error("cannot read what it encrypts");
        bool last = n < kChunkSize || in.peek() == std::char_traits<char>::eof();
        out(seal(key, chunk_nonce(counter, last), std::string_view(chunk.data(), n)));
        if (last) break;
    }
    sodium_memzero(key.data(), key.size());
    sodium_memzero(chunk.data(), chunk.size());
}

std::vector<Stanza> read_stanzas(std::istream& in, std::string* header_to_dashes, Bytes* mac) {
    auto first = read_line(in);
    if (first != kIntro)
        throw header_error(first.starts_with("age-encryption.org/")
                               ? "it is of an age version guilt does not read"
                               : "it is not an age file");
    std::string header = first + "\n";
    std::vector<Stanza> stanzas;
    for (;;) {
        auto line = read_line(in);
        if (line.starts_with("--- ")) {
            auto decoded = base64_decode(std::string_view(line).substr(4));
            if (!decoded || decoded->size() != 32) throw header_error("its MAC line is malformed");
            if (stanzas.empty()) throw header_error("it has no recipient stanza");
            if (header_to_dashes) *header_to_dashes = header + "---";
            if (mac) *mac = *decoded;
            return stanzas;
        }
        if (!line.starts_with("-> ")) throw header_error("a header line is not a stanza");
        if (stanzas.size() >= kMaxStanzas) throw header_error("it has too many stanzas");
        header += line + "\n";
        Stanza s;
        s.args = stanza_arguments(line);
        s.body = read_body(in, header);
        stanzas.push_back(std::move(s));
    }
}

void decrypt(std::istream& in, const Identities& identities,
             const std::function<void(std::string_view)>& out) {
    need_sodium();
    std::string header;
    Bytes mac;
    auto stanzas = read_stanzas(in, &header, &mac);
    auto file_key = unwrap_file_key(stanzas, identities);
    auto expected = header_mac(file_key, header);
    if (sodium_memcmp(expected.data(), mac.data(), 32) != 0)
        throw DecryptError(Failure::hmac, "its header was changed (the MAC does not match)");
    Bytes nonce(kNonceSize, '\0');
    if (read_up_to(in, nonce.data(), kNonceSize) != kNonceSize)
        throw header_error("it ends before its payload");
    auto key = hkdf_sha256(file_key, nonce, "payload", 32);
    sodium_memzero(file_key.data(), file_key.size());
    std::string chunk(kChunkSize + kTagSize, '\0');
    for (std::uint64_t counter = 0;; ++counter) {
        auto n = read_up_to(in, chunk.data(), chunk.size());
        // A short chunk is the last one; a full one may be too, when it opens as the last.
        bool last = n < chunk.size();
        if (n < kTagSize || (last && n == kTagSize && counter > 0))
            throw DecryptError(Failure::payload, "it is cut short");
        auto sealed = std::string_view(chunk.data(), n);
        auto plain = open_sealed(key, chunk_nonce(counter, last), sealed);
        if (!plain && !last) {
            last = true;
            plain = open_sealed(key, chunk_nonce(counter, true), sealed);
        }
        if (!plain) throw DecryptError(Failure::payload, "it was cut short or changed");
        out(*plain);
        sodium_memzero(plain->data(), plain->size());
        if (last && in.peek() != std::char_traits<char>::eof())
            throw DecryptError(Failure::payload, "it holds more after its end");
        if (last) break;
    }
    sodium_memzero(key.data(), key.size());
}

}  // namespace guilt::age
