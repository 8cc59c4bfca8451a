import { crc32 } from 'node:zlib';

/**
 * Removes hidden data (camera, location, time, author, software, comments) from an image, keeping
 * the picture itself byte for byte: JPEG, PNG and WebP. Other types — and an image whose structure
 * cannot be followed — come back unchanged (the caller decides whether to say so).
 *
 * - JPEG: keeps SOI, JFIF (APP0), ICC profiles (APP2 `ICC_PROFILE`), Adobe (APP14), the tables and
 *   the scans up to EOI; drops every other APPn (APP1 Exif/XMP, APP13 IPTC/Photoshop, APP2 MPF …),
 *   COM segments and anything after EOI (appended thumbnails or images). If the Exif said the
 *   picture is rotated, a minimal Exif segment carrying only that orientation is put back, so that
 *   the photo is not shown on its side.
 * - PNG: drops tEXt, iTXt, zTXt, eXIf and tIME chunks and anything after IEND; the chunks kept are
 *   copied whole, so their CRCs stay valid.
 * - WebP: drops EXIF and XMP chunks, clears their flags in VP8X and rewrites the RIFF size.
 */
export function stripImageMetadata(data: Buffer, mediaType: string): Buffer {
  switch (mediaType) {
    case 'image/jpeg':
      return stripJpeg(data) ?? data;
    case 'image/png':
      return stripPng(data) ?? data;
    case 'image/webp':
      return stripWebp(data) ?? data;
    default:
      return data;
  }
}

/** Media types {@link stripImageMetadata} can clean. */
export const STRIPPABLE_IMAGE_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'image/webp']);

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;

function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

function keepJpegSegment(marker: number, payload: Buffer): boolean {
  if (marker === 0xfe) return false; // COM
  if (marker < 0xe0 || marker > 0xef) return true; // not APPn: tables, frame headers …
  if (marker === 0xe0) return true; // JFIF / JFXX
  if (marker === 0xe2) return payload.subarray(0, 12).toString('latin1') === 'ICC_PROFILE\0';
  if (marker === 0xee) return payload.subarray(0, 5).toString('latin1') === 'Adobe';
  return false;
}

function stripJpeg(data: Buffer): Buffer | null {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== SOI) return null;
  const parts: Buffer[] = [data.subarray(0, 2)];
  let orientation: number | null = null;
  let insertedOrientationAt = -1;
  let pos = 2;
  while (pos < data.length) {
    if (data[pos] !== 0xff) {
      // Extraneous bytes before a marker: decoders skip them, so do we (else the metadata would stay).
      const next = data.indexOf(0xff, pos);
      if (next < 0) return null;
      pos = next;
      continue;
    }
    let markerPos = pos + 1;
    while (markerPos < data.length && data[markerPos] === 0xff) markerPos++; // fill bytes
    if (markerPos >= data.length) break; // truncated after the last segment
    const marker = data[markerPos] as number;
    if (marker === EOI) {
      parts.push(Buffer.from([0xff, EOI]));
      break; // anything after EOI goes
    }
    if (isStandalone(marker)) {
      parts.push(Buffer.from([0xff, marker]));
      pos = markerPos + 1;
      continue;
    }
    if (markerPos + 3 > data.length) return null;
    const length = data.readUInt16BE(markerPos + 1);
    const end = markerPos + 1 + length;
    if (length < 2 || end > data.length) return null;
    const payload = data.subarray(markerPos + 3, end);
    if (marker === 0xe1 && orientation === null) orientation = readExifOrientation(payload);
    if (keepJpegSegment(marker, payload)) {
      if (insertedOrientationAt < 0 && marker !== 0xe0) insertedOrientationAt = parts.length;
      parts.push(Buffer.concat([Buffer.from([0xff, marker]), data.subarray(markerPos + 1, end)]));
    }
    pos = end;
    if (marker === SOS) {
      // Entropy-coded data runs until a marker that is neither a stuffed 0xFF00 nor a restart.
      let scan = pos;
      while (scan < data.length) {
        if (data[scan] === 0xff) {
          const next = data[scan + 1];
          if (next === undefined) break;
          if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) break;
        }
        scan++;
      }
      parts.push(data.subarray(pos, scan));
      if (scan >= data.length) break; // truncated image: keep what there is, without metadata
      pos = scan;
      while (data[pos + 1] === 0xff) pos++; // fill bytes before the marker
    }
  }
  if (orientation !== null && orientation >= 2 && orientation <= 8) {
    parts.splice(insertedOrientationAt < 0 ? 1 : insertedOrientationAt, 0, orientationExif(orientation));
  }
  return Buffer.concat(parts);
}

/** The Orientation tag (0x0112) of IFD0 in an APP1 Exif payload, or null. */
function readExifOrientation(payload: Buffer): number | null {
  if (payload.length < 14 || payload.subarray(0, 6).toString('latin1') !== 'Exif\0\0') return null;
  const tiff = payload.subarray(6);
  const order = tiff.subarray(0, 2).toString('latin1');
  if (order !== 'II' && order !== 'MM') return null;
  const le = order === 'II';
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return null;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) === 0x0112 && u16(entry + 2) === 3) return u16(entry + 8);
  }
  return null;
}

/** An APP1 segment with a big-endian Exif that holds one tag: Orientation. */
function orientationExif(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10);
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_DROPPED = new Set(['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME']);

function stripPng(data: Buffer): Buffer | null {
  if (data.length < 8 || !data.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  const parts: Buffer[] = [PNG_SIGNATURE];
  let pos = 8;
  while (pos + 12 <= data.length) {
    const length = data.readUInt32BE(pos);
    const end = pos + 12 + length;
    if (end > data.length) return null;
    const type = data.subarray(pos + 4, pos + 8).toString('latin1');
    if (!PNG_DROPPED.has(type)) parts.push(data.subarray(pos, end));
    pos = end;
    if (type === 'IEND') return Buffer.concat(parts);
  }
  return null; // no IEND: not a PNG we can vouch for
}

/** CRC of a PNG chunk (type and data), exported for tests that build PNGs. */
export function pngChunkCrc(type: string, chunkData: Buffer): number {
  return crc32(Buffer.concat([Buffer.from(type, 'latin1'), chunkData]));
}

const VP8X_EXIF_FLAG = 0x08;
const VP8X_XMP_FLAG = 0x04;

function stripWebp(data: Buffer): Buffer | null {
  if (
    data.length < 12 ||
    data.toString('latin1', 0, 4) !== 'RIFF' ||
    data.toString('latin1', 8, 12) !== 'WEBP'
  ) {
    return null;
  }
  const riffEnd = Math.min(data.length, 8 + data.readUInt32LE(4));
  const parts: Buffer[] = [];
  let pos = 12;
  while (pos + 8 <= riffEnd) {
    const fourcc = data.toString('latin1', pos, pos + 4);
    const size = data.readUInt32LE(pos + 4);
    const end = pos + 8 + size + (size % 2);
    if (pos + 8 + size > riffEnd) return null;
    const chunk = Buffer.from(data.subarray(pos, Math.min(end, riffEnd)));
    if (fourcc === 'VP8X' && size >= 1) {
      chunk[8] = (chunk[8] as number) & ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG);
      parts.push(chunk);
    } else if (fourcc !== 'EXIF' && fourcc !== 'XMP ') {
      parts.push(chunk);
    }
    pos = end;
  }
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}
