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
  export function randombytes_buf(buf: Buffer): void;
  export function sodium_memzero(buf: Buffer): void;
}
