// SPDX-License-Identifier: MIT
// The age v1 file format (age-encryption.org/v1), written from its specification on libsodium:
// X25519 and scrypt recipients, the header and its MAC, and the STREAM payload (ChaCha20-Poly1305
// in 64 KiB chunks). What `guilt backup --to/--passphrase` writes and `guilt restore` reads; the
// `age` command reads and writes the same files. No ASCII armor and no plugins.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace guilt::age {

using Bytes = std::string;  // raw bytes
using Key32 = std::array<unsigned char, 32>;

inline constexpr std::size_t kChunkSize = 64 * 1024;  // plaintext bytes of a full STREAM chunk
inline constexpr int kDefaultWorkFactor = 18;         // scrypt's log2(N), as age writes it
inline constexpr int kMaxWorkFactor = 22;             // the highest guilt reads (4 GiB of memory)

// Why a file could not be decrypted, in the order they are found: its header cannot be read (or
// breaks a rule of the format), no key given opens it, its header was changed (the MAC), or its
// payload was cut or changed.
enum class Failure { header, no_match, hmac, payload };

class DecryptError : public std::runtime_error {
  public:
    DecryptError(Failure failure, const std::string& what)
        : std::runtime_error(what), m_failure(failure) {}
    Failure failure() const { return m_failure; }

  private:
    Failure m_failure;
};

// ---- encodings (pure) ---------------------------------------------------------------------------

// Standard base64 without padding, as age writes it; decode accepts only that canonical form
// (no padding, no line breaks, unused bits zero) and returns nullopt otherwise.
std::string base64_encode(std::string_view bytes);
std::optional<Bytes> base64_decode(std::string_view text);

// Bech32 (BIP 173, not bech32m): `hrp` and the bytes in lower case. decode returns the
// human-readable part in lower case and the bytes; nullopt for a bad checksum, mixed case, or a
// padding that is not zero.
std::string bech32_encode(std::string_view hrp, std::string_view bytes);
std::optional<std::pair<std::string, Bytes>> bech32_decode(std::string_view text);

// HKDF-SHA-256 (RFC 5869) of `ikm` with `salt` and `info`, `length` bytes (at most 255 * 32).
Bytes hkdf_sha256(std::string_view ikm, std::string_view salt, std::string_view info,
                  std::size_t length);

// HMAC-SHA-256 of `message` under `key`.
Bytes hmac_sha256(std::string_view key, std::string_view message);

// The header MAC: HMAC-SHA-256 under HKDF(file key, no salt, "header") of the header's bytes up
// to and including the "---" of its last line.
Bytes header_mac(std::string_view file_key, std::string_view header_to_dashes);

// ---- keys ---------------------------------------------------------------------------------------

// An X25519 public key from its "age1..." form. Throws std::invalid_argument saying why not.
Key32 parse_recipient(std::string_view text);

// The secret keys of an identity file: lines "AGE-SECRET-KEY-1...", blank lines and # comments.
// Throws std::invalid_argument naming the line that is none of these.
std::vector<Key32> parse_identities(std::string_view text);

// The "age1..." public key of a secret key; and a new key pair's secret (tests).
std::string recipient_of(const Key32& secret);
std::string identity_text(const Key32& secret);
Key32 new_secret();

// ---- files --------------------------------------------------------------------------------------

// What an encrypted file is for: X25519 public keys, or one passphrase (scrypt, alone).
struct Recipients {
    std::vector<Key32> keys;
    std::optional<std::string> passphrase;
    int work_factor = kDefaultWorkFactor;
};

// Encrypts everything readable from `in` to `recipients`, handing the file's bytes to `out` in
// pieces. Throws std::runtime_error when `in` cannot be read.
void encrypt(std::istream& in, const Recipients& recipients,
             const std::function<void(std::string_view)>& out);

// What can open a file: X25519 secret keys, or a passphrase.
struct Identities {
    std::vector<Key32> keys;
    std::optional<std::string> passphrase;
};

// One recipient stanza of a header: "-> TYPE ARGS..." and its body.
struct Stanza {
    std::vector<std::string> args;  // the type first
    Bytes body;
};

// Reads the header of `in` (up to and including the MAC line), without checking the MAC.
// Throws DecryptError(header).
std::vector<Stanza> read_stanzas(std::istream& in, std::string* header_to_dashes = nullptr,
                                 Bytes* mac = nullptr);

// Decrypts the file in `in` with `identities`, handing the plaintext to `out` chunk by chunk as
// each one is authenticated (a failure later on means the file is not whole: throw away what
// came). Throws DecryptError.
void decrypt(std::istream& in, const Identities& identities,
             const std::function<void(std::string_view)>& out);

}  // namespace guilt::age
