import { inflateRawSync } from 'node:zlib';

export { STRIPPABLE_IMAGE_TYPES, stripImageMetadata } from './strip-metadata.js';

/**
 * Upload inspection: the real type of a file, detected from its content by magic numbers (never
 * the browser's claim or the file name), against an allowlist of the documents, images, sound and
 * video a report plausibly carries; executables are refused. Own code, no dependency: the formats
 * are few and their signatures stable.
 *
 * Accepted (media type returned): PDF, JPEG, PNG, GIF, WebP, HEIC/HEIF, MP3, MP4/M4A/MOV, WAV, OGG,
 * OpenDocument and Office Open XML (zip with the right `mimetype` or `[Content_Types].xml` entry),
 * legacy Office (OLE2 compound files), e-mail messages (message/rfc822), plain text and CSV (valid
 * UTF-8 without NUL bytes). Everything else is `type_not_accepted`.
 *
 * Refused as `executable`: Windows (MZ/PE), ELF, Mach-O and Java class files, scripts with a
 * shebang line, Windows Installer packages (OLE2 with the MSI class id), zip archives holding an
 * entry with an executable extension (jar, apk …), and any file whose own name ends in such an
 * extension, whatever its content.
 */
export type UploadInspection =
  | { readonly ok: true; readonly mediaType: string }
  | { readonly ok: false; readonly reason: 'empty' | 'executable' | 'type_not_accepted' };

/**
 * Extensions refused in a file name or a zip entry name (lower case, without the dot): programs,
 * installers, scripts a double-click runs, shortcuts and archives of code.
 */
export const EXECUTABLE_EXTENSIONS: ReadonlySet<string> = new Set([
  'exe',
  'com',
  'scr',
  'pif',
  'cpl',
  'dll',
  'sys',
  'msi',
  'msp',
  'mst',
  'bat',
  'cmd',
  'ps1',
  'psm1',
  'psd1',
  'vbs',
  'vbe',
  'js',
  'jse',
  'mjs',
  'cjs',
  'wsf',
  'wsh',
  'hta',
  'lnk',
  'reg',
  'jar',
  'class',
  'apk',
  'app',
  'dmg',
  'pkg',
  'deb',
  'rpm',
  'sh',
  'elf',
  'so',
  'dylib',
]);

/** True when a name (file or zip entry) ends in an executable extension. */
export function hasExecutableExtension(name: string): boolean {
  // Windows ignores trailing dots and spaces and alternate data streams ("a.exe.", "a.exe::$DATA").
  const cleaned = name
    .replace(/:.*$/s, '')
    .replace(/[.\s]+$/u, '')
    .toLowerCase();
  const base = cleaned.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot < 0) return false;
  return EXECUTABLE_EXTENSIONS.has(base.slice(dot + 1));
}

/** Detects the real type of an upload; see the module comment for what is accepted. */
export function inspectUpload(filename: string, data: Buffer): UploadInspection {
  if (data.length === 0) return { ok: false, reason: 'empty' };
  if (hasExecutableExtension(filename)) return { ok: false, reason: 'executable' };
  if (isNativeExecutable(data)) return { ok: false, reason: 'executable' };

  const binary = detectBinary(filename, data);
  if (binary !== null) return binary;

  const text = detectText(filename, data);
  if (text !== null) return text;
  return { ok: false, reason: 'type_not_accepted' };
}

const accepted = (mediaType: string): UploadInspection => ({ ok: true, mediaType });
const executable: UploadInspection = { ok: false, reason: 'executable' };
const notAccepted: UploadInspection = { ok: false, reason: 'type_not_accepted' };

function startsWith(data: Buffer, bytes: readonly number[], offset = 0): boolean {
  if (data.length < offset + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (data[offset + i] !== bytes[i]) return false;
  return true;
}

function ascii(data: Buffer, start: number, end: number): string {
  return data.subarray(start, Math.min(end, data.length)).toString('latin1');
}

function isNativeExecutable(data: Buffer): boolean {
  // MZ (DOS/PE): a real header is binary (NUL bytes) — a text that starts with "MZ" is not refused.
  if (startsWith(data, [0x4d, 0x5a]) && data.subarray(0, 64).includes(0)) return true;
  if (startsWith(data, [0x7f, 0x45, 0x4c, 0x46])) return true; // ELF
  const magic = data.length >= 4 ? data.readUInt32BE(0) : 0;
  // Mach-O 32/64 both byte orders; 0xCAFEBABE is a Mach-O universal binary or a Java class file.
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(magic)) return true;
  const bom = startsWith(data, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  if (startsWith(data, [0x23, 0x21], bom)) return true; // "#!" shebang script
  return false;
}

function detectBinary(filename: string, data: Buffer): UploadInspection | null {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return accepted('application/pdf'); // %PDF-
  if (startsWith(data, [0xff, 0xd8, 0xff])) return accepted('image/jpeg');
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return accepted('image/png');
  const head6 = ascii(data, 0, 6);
  if (head6 === 'GIF87a' || head6 === 'GIF89a') return accepted('image/gif');
  if (ascii(data, 0, 4) === 'RIFF' && data.length >= 12) {
    const form = ascii(data, 8, 12);
    if (form === 'WEBP') return accepted('image/webp');
    if (form === 'WAVE') return accepted('audio/wav');
    return notAccepted;
  }
  if (ascii(data, 0, 4) === 'OggS') return accepted('audio/ogg');
  if (ascii(data, 4, 8) === 'ftyp' && data.length >= 12) return detectIsoMedia(data);
  if (ascii(data, 0, 3) === 'ID3' || isMpegAudioFrame(data)) return accepted('audio/mpeg');
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return detectOle(filename, data);
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return detectZip(data);
  if (startsWith(data, [0x50, 0x4b, 0x05, 0x06])) return notAccepted; // empty zip
  return null;
}

/** ISO base media (MP4, M4A, MOV, HEIC …): decided by the major and compatible brands. */
function detectIsoMedia(data: Buffer): UploadInspection {
  const boxSize = data.readUInt32BE(0);
  const end = Math.min(data.length, boxSize >= 16 && boxSize <= 4096 ? boxSize : 16);
  const brands = [ascii(data, 8, 12)];
  for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(ascii(data, offset, offset + 4));
  const major = brands[0] ?? '';
  const has = (...names: string[]) => brands.some((b) => names.includes(b));
  if (['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx'].includes(major)) return accepted('image/heic');
  if (['mif1', 'msf1', 'avif'].includes(major)) {
    return has('heic', 'heix')
      ? accepted('image/heic')
      : major === 'avif'
        ? notAccepted
        : accepted('image/heif');
  }
  if (major === 'qt  ') return accepted('video/quicktime');
  if (major === 'M4A ' || major === 'M4B ') return accepted('audio/mp4');
  if (
    has(
      'isom',
      'iso2',
      'iso4',
      'iso5',
      'iso6',
      'mp41',
      'mp42',
      'avc1',
      'M4V ',
      'dash',
      'MSNV',
      '3gp4',
      '3gp5',
      '3gp6',
    )
  ) {
    return accepted('video/mp4');
  }
  return notAccepted;
}

function isMpegAudioFrame(data: Buffer): boolean {
  if (data.length < 4 || data[0] !== 0xff) return false;
  const b1 = data[1] ?? 0;
  const b2 = data[2] ?? 0;
  if ((b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 0x03;
  const layer = (b1 >> 1) & 0x03;
  const bitrate = (b2 >> 4) & 0x0f;
  const sampleRate = (b2 >> 2) & 0x03;
  return version !== 0x01 && layer !== 0x00 && bitrate !== 0x0f && sampleRate !== 0x03;
}

/** Class ids of Windows Installer packages, patches and transforms (root entry of the OLE2 file). */
const MSI_CLSIDS = [
  '84100c0000000000c000000000000046',
  '86100c0000000000c000000000000046',
  '82100c0000000000c000000000000046',
];

/** OLE2 compound file: a legacy Office document unless its root entry says Windows Installer. */
function detectOle(filename: string, data: Buffer): UploadInspection {
  if (data.length >= 512) {
    const sectorShift = data.readUInt16LE(0x1e);
    const directoryStart = data.readUInt32LE(0x30);
    if (sectorShift >= 7 && sectorShift <= 16 && directoryStart < 0xfffffffa) {
      // Sector n starts at (n + 1) × sector size: the header fills sector "-1".
      const offset = (directoryStart + 1) * 2 ** sectorShift;
      if (offset + 0x60 <= data.length) {
        const clsid = data.subarray(offset + 0x50, offset + 0x60).toString('hex');
        if (MSI_CLSIDS.includes(clsid)) return executable;
      }
    }
  }
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  switch (extension) {
    case 'doc':
    case 'dot':
      return accepted('application/msword');
    case 'xls':
    case 'xlt':
      return accepted('application/vnd.ms-excel');
    case 'ppt':
    case 'pps':
    case 'pot':
      return accepted('application/vnd.ms-powerpoint');
    case 'msg':
      return accepted('application/vnd.ms-outlook');
    default:
      return accepted('application/x-ole-storage');
  }
}

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** Lists a zip archive's entries from its central directory; `null` when it cannot be read. */
function readZipEntries(data: Buffer): ZipEntry[] | null {
  const searchStart = Math.max(0, data.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = data.length - 22; i >= searchStart; i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = data.readUInt16LE(eocd + 10);
  let offset = data.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== 0x02014b50) return null;
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > data.length) return null;
    entries.push({
      name: data.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'),
      method: data.readUInt16LE(offset + 10),
      compressedSize: data.readUInt32LE(offset + 20),
      uncompressedSize: data.readUInt32LE(offset + 24),
      localHeaderOffset: data.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Reads a small entry's content (stored or deflated), at most `limit` bytes; `null` if unreadable. */
function readZipEntry(data: Buffer, entry: ZipEntry, limit: number): Buffer | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== 0x04034b50) return null;
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  if (entry.uncompressedSize > limit || start + entry.compressedSize > data.length) return null;
  const raw = data.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return raw;
  if (entry.method !== 8) return null;
  try {
    return inflateRawSync(raw, { maxOutputLength: limit });
  } catch {
    return null; // corrupt entry: the archive is then not a document we accept
  }
}

/** Zip: OpenDocument or Office Open XML, refused when it carries an executable entry. */
function detectZip(data: Buffer): UploadInspection {
  const entries = readZipEntries(data);
  if (entries === null) return notAccepted;
  if (entries.some((e) => hasExecutableExtension(e.name))) return executable;
  const named = (name: string) => entries.find((e) => e.name === name);

  const mimetypeEntry = named('mimetype');
  if (mimetypeEntry) {
    const mimetype = readZipEntry(data, mimetypeEntry, 200)?.toString('ascii').trim() ?? '';
    if (/^application\/vnd\.oasis\.opendocument\.[a-z.-]+$/.test(mimetype)) return accepted(mimetype);
    return notAccepted;
  }
  const contentTypesEntry = named('[Content_Types].xml');
  if (contentTypesEntry) {
    const contentTypes = readZipEntry(data, contentTypesEntry, 1_000_000)?.toString('utf8') ?? '';
    const main =
      /ContentType="(application\/vnd\.(?:openxmlformats-officedocument|ms-[a-z]+)\.[A-Za-z.-]+)\.main\+xml"/.exec(
        contentTypes,
      )?.[1];
    if (main === undefined) return notAccepted;
    if (/wordprocessingml|ms-word/.test(main)) {
      return accepted('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    }
    if (/spreadsheetml|ms-excel/.test(main)) {
      return accepted('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    }
    if (/presentationml|ms-powerpoint/.test(main)) {
      return accepted('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    }
    return notAccepted;
  }
  return notAccepted;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text: e-mail message, CSV or plain text; valid UTF-8 (e-mail: ASCII headers) without NULs. */
function detectText(filename: string, data: Buffer): UploadInspection | null {
  if (data.includes(0)) return null;
  const lower = filename.toLowerCase();
  if (looksLikeEmail(data)) return accepted('message/rfc822');
  let text: string;
  try {
    text = utf8.decode(data);
  } catch {
    return null;
  }
  // Control characters other than tab, newlines and form feed mean binary data, not text.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point of this test
  if (/[\u0001-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return null;
  return accepted(lower.endsWith('.csv') ? 'text/csv' : 'text/plain');
}

const EMAIL_MARKERS = [
  'from',
  'date',
  'subject',
  'received',
  'message-id',
  'mime-version',
  'return-path',
  'to',
];

/** RFC 5322: a block of `Name: value` header lines (with folded continuations) before an empty line. */
function looksLikeEmail(data: Buffer): boolean {
  const head = data.subarray(0, 64 * 1024).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  if (end <= 0) return false;
  const lines = head.slice(0, end).split(/\r?\n/);
  const names = new Set<string>();
  for (const line of lines) {
    if (/^[ \t]/.test(line)) continue;
    const match = /^([!-9;-~]+):/.exec(line);
    if (!match?.[1]) return false;
    names.add(match[1].toLowerCase());
  }
  return names.has('from') && EMAIL_MARKERS.filter((n) => names.has(n)).length >= 3;
}
