/** The part of sodium-native's API that Integrity Desk uses (the package ships no types). */
declare module 'sodium-native' {
  export const crypto_pwhash_STRBYTES: number;
  export const crypto_pwhash_OPSLIMIT_INTERACTIVE: number;
  export const crypto_pwhash_MEMLIMIT_INTERACTIVE: number;
  export const crypto_pwhash_OPSLIMIT_MODERATE: number;
  export const crypto_pwhash_MEMLIMIT_MODERATE: number;
  export function crypto_pwhash_str_async(
    out: Buffer,
    passwd: Buffer,
    opslimit: number,
    memlimit: number,
  ): Promise<void>;
  export function crypto_pwhash_str_verify_async(str: Buffer, passwd: Buffer): Promise<boolean>;
  export function crypto_pwhash_str_needs_rehash(str: Buffer, opslimit: number, memlimit: number): boolean;
  export const crypto_pwhash_OPSLIMIT_MIN: number;
  export const crypto_pwhash_MEMLIMIT_MIN: number;
  export const crypto_pwhash_SALTBYTES: number;
  export const crypto_pwhash_ALG_ARGON2ID13: number;
  /** Raw Argon2 key derivation on libuv's thread pool; fills `out` (16..2^32 bytes). */
  export function crypto_pwhash_async(
    out: Buffer,
    passwd: Buffer,
    salt: Buffer,
    opslimit: number,
    memlimit: number,
    alg: number,
  ): Promise<void>;
  export const crypto_aead_xchacha20poly1305_ietf_KEYBYTES: number;
  export const crypto_aead_xchacha20poly1305_ietf_NPUBBYTES: number;
  export const crypto_aead_xchacha20poly1305_ietf_ABYTES: number;
  /** Writes ciphertext‖tag into `c` (m.length + ABYTES); returns the bytes written; `nsec` must be null. */
  export function crypto_aead_xchacha20poly1305_ietf_encrypt(
    c: Buffer,
    m: Buffer,
    ad: Buffer | null,
    nsec: null,
    npub: Buffer,
    k: Buffer,
  ): number;
  /** Writes the plaintext into `m` (c.length - ABYTES); THROWS (rather than returns false) when verification fails. */
  export function crypto_aead_xchacha20poly1305_ietf_decrypt(
    m: Buffer,
    nsec: null,
    c: Buffer,
    ad: Buffer | null,
    npub: Buffer,
    k: Buffer,
  ): number;
  export const crypto_box_PUBLICKEYBYTES: number;
  export const crypto_box_SECRETKEYBYTES: number;
  export const crypto_box_SEALBYTES: number;
  export function crypto_box_keypair(pk: Buffer, sk: Buffer): void;
  /** Anonymous sealed box: `c` must be m.length + SEALBYTES. */
  export function crypto_box_seal(c: Buffer, m: Buffer, pk: Buffer): void;
  /** Returns false (does not throw) when the box does not open with this key pair. */
  export function crypto_box_seal_open(m: Buffer, c: Buffer, pk: Buffer, sk: Buffer): boolean;
  export function randombytes_buf(buf: Buffer): void;
  export function sodium_memzero(buf: Buffer): void;
}
