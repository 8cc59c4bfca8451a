import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import { hasExecutableExtension, inspectUpload, stripImageMetadata } from './inspect-upload.js';
import { pngChunkCrc } from './strip-metadata.js';

// --- Small crafted files -------------------------------------------------------------------------

interface ZipSpec {
  readonly name: string;
  readonly content: string | Buffer;
  readonly deflate?: boolean;
}

/** A minimal but valid zip archive (local headers, central directory, end record). */
function zip(entries: readonly ZipSpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content, 'utf8');
    const body = entry.deflate ? deflateRawSync(raw) : raw;
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const docxContentTypes =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

function jpegSegment(marker: number, payload: Buffer): Buffer {
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

/** Exif payload ("Exif\0\0" + little-endian TIFF) with Orientation and a GPS latitude reference. */
function exifPayload(orientation: number, marker: string): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 12 * 2 + 4);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(2, 8);
  tiff.writeUInt16LE(0x0112, 10); // Orientation, SHORT, 1
  tiff.writeUInt16LE(3, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt16LE(orientation, 18);
  tiff.writeUInt16LE(0x8825, 22); // GPS IFD pointer (points past the end: we only need the bytes)
  tiff.writeUInt16LE(4, 24);
  tiff.writeUInt32LE(1, 26);
  tiff.writeUInt32LE(999, 30);
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff, Buffer.from(`GPS ${marker}`, 'latin1')]);
}

const jfif = jpegSegment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'));
const dqt = jpegSegment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)]));
const sof = jpegSegment(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0]));
const sos = jpegSegment(0xda, Buffer.from([1, 1, 0, 0, 63, 0]));
// Entropy-coded data with a stuffed 0xFF00 and a restart marker, as a real scan has.
const scanData = Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56]);

function tinyJpeg(extra: readonly Buffer[]): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    jfif,
    ...extra,
    dqt,
    sof,
    sos,
    scanData,
    Buffer.from([0xff, 0xd9]),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(pngChunkCrc(type, data), 0);
  return Buffer.concat([head, data, crc]);
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function tinyPng(extra: readonly Buffer[]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  return Buffer.concat([
    pngSignature,
    pngChunk('IHDR', ihdr),
    ...extra,
    pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01])),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function riffChunk(fourcc: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(fourcc, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

function riff(form: string, chunks: readonly Buffer[]): Buffer {
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write(form, 8, 'latin1');
  return Buffer.concat([head, body]);
}

function ftyp(major: string, ...compatible: string[]): Buffer {
  const box = Buffer.alloc(16 + compatible.length * 4);
  box.writeUInt32BE(box.length, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(major, 8, 'latin1');
  for (const [i, brand] of compatible.entries()) box.write(brand, 16 + i * 4, 'latin1');
  return Buffer.concat([box, Buffer.alloc(32)]);
}

function ole(clsid: string): Buffer {
  const file = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  file.writeUInt16LE(9, 0x1e); // 512-byte sectors
  file.writeUInt32LE(0, 0x30); // directory in sector 0 (offset 512)
  Buffer.from(clsid, 'hex').copy(file, 512 + 0x50);
  return file;
}

const accepts = (name: string, data: Buffer, mediaType: string) =>
  assert.deepEqual(inspectUpload(name, data), { ok: true, mediaType }, name);
const refuses = (name: string, data: Buffer, reason: 'empty' | 'executable' | 'type_not_accepted') =>
  assert.deepEqual(inspectUpload(name, data), { ok: false, reason }, name);

// --- Tests ---------------------------------------------------------------------------------------

describe('inspectUpload: the real type from the content', () => {
  it('accepts documents, images, sound and video by their magic numbers, whatever their name', () => {
    accepts('scan', Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj', 'latin1'), 'application/pdf');
    accepts('foto.png', tinyJpeg([]), 'image/jpeg');
    accepts('x', tinyPng([]), 'image/png');
    accepts('a.gif', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'image/gif');
    accepts('a.webp', riff('WEBP', [riffChunk('VP8L', Buffer.alloc(10))]), 'image/webp');
    accepts('a.wav', riff('WAVE', [riffChunk('fmt ', Buffer.alloc(16))]), 'audio/wav');
    accepts('a.ogg', Buffer.from('OggS\0\x02\0\0\0\0', 'latin1'), 'audio/ogg');
    accepts('a.mp3', Buffer.from('ID3\x04\0\0\0\0\0\0', 'latin1'), 'audio/mpeg');
    accepts('b.mp3', Buffer.from([0xff, 0xfb, 0x90, 0x64, 0, 0]), 'audio/mpeg');
    accepts('a.mp4', ftyp('isom', 'isom', 'avc1'), 'video/mp4');
    accepts('a.m4a', ftyp('M4A ', 'M4A ', 'mp42'), 'audio/mp4');
    accepts('a.mov', ftyp('qt  ', 'qt  '), 'video/quicktime');
    accepts('IMG_1.HEIC', ftyp('heic', 'mif1', 'heic'), 'image/heic');
    accepts('a.heif', ftyp('mif1', 'mif1'), 'image/heif');
    accepts('nota.doc', ole('00'.repeat(16)), 'application/msword');
    accepts('lijst.xls', ole('00'.repeat(16)), 'application/vnd.ms-excel');
  });

  it('accepts OpenDocument and Office Open XML archives by their declared entries', () => {
    accepts(
      'brief.odt',
      zip([
        { name: 'mimetype', content: 'application/vnd.oasis.opendocument.text' },
        { name: 'content.xml', content: '<office:document-content/>', deflate: true },
      ]),
      'application/vnd.oasis.opendocument.text',
    );
    accepts(
      'brief.docx',
      zip([
        { name: '[Content_Types].xml', content: docxContentTypes, deflate: true },
        { name: 'word/document.xml', content: '<w:document/>', deflate: true },
      ]),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });

  it('accepts UTF-8 text, CSV and e-mail messages, and refuses text with NUL bytes or bad encoding', () => {
    accepts('notities.txt', Buffer.from('Op 3 maart zag ik… één factuur\n', 'utf8'), 'text/plain');
    accepts('lijst.csv', Buffer.from('datum;bedrag\n2026-03-01;100\n', 'utf8'), 'text/csv');
    accepts(
      'mail.eml',
      Buffer.from(
        'From: a@example.org\r\nTo: b@example.org\r\nSubject: Factuur\r\nDate: Mon, 1 Mar 2026\r\n\r\nTekst',
        'latin1',
      ),
      'message/rfc822',
    );
    refuses('a.txt', Buffer.from('tekst\0met nul', 'utf8'), 'type_not_accepted');
    refuses('a.txt', Buffer.from([0x41, 0xc3, 0x28, 0x41]), 'type_not_accepted');
  });

  it('refuses empty files and unknown binary formats', () => {
    refuses('leeg.pdf', Buffer.alloc(0), 'empty');
    refuses('a.bin', Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04]), 'type_not_accepted');
    refuses('a.zip', zip([{ name: 'foto.jpg', content: tinyJpeg([]) }]), 'type_not_accepted');
    refuses('a.avi', riff('AVI ', [riffChunk('LIST', Buffer.alloc(4))]), 'type_not_accepted');
  });

  it('refuses executables by content, whatever their name', () => {
    const pe = Buffer.alloc(128);
    pe.write('MZ', 0, 'latin1');
    pe.writeUInt32LE(64, 0x3c);
    pe.write('PE\0\0', 64, 'latin1');
    refuses('factuur.pdf', pe, 'executable');
    refuses('a.txt', Buffer.from('\x7fELF\x02\x01\x01\0', 'latin1'), 'executable');
    refuses('a.txt', Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), 'executable');
    refuses('a.txt', Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 52]), 'executable');
    refuses('run.txt', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'executable');
    refuses('setup.doc', ole('84100c0000000000c000000000000046'), 'executable');
    refuses(
      'bijlage.zip',
      zip([
        { name: 'leesmij.txt', content: 'x' },
        { name: 'factuur.pdf.exe', content: 'MZ' },
      ]),
      'executable',
    );
    refuses(
      'app.jar',
      zip([{ name: 'META-INF/MANIFEST.MF', content: 'Manifest-Version: 1.0' }]),
      'executable',
    );
    refuses(
      'brief.docx',
      zip([
        { name: '[Content_Types].xml', content: docxContentTypes },
        { name: 'word/evil.js', content: 'alert(1)' },
      ]),
      'executable',
    );
    // A text that merely starts with "MZ" is text, not a program.
    accepts('bank.txt', Buffer.from('MZ-bank stortte het geld'), 'text/plain');
  });

  it('refuses any file whose name ends in an executable extension, also with tricks', () => {
    for (const name of [
      'a.exe',
      'A.EXE',
      'factuur.pdf.js',
      'x.vbs',
      'x.bat',
      'x.cmd',
      'x.ps1',
      'x.jar',
      'x.msi',
      'x.exe.',
      'x.exe ',
      'x.exe::$DATA',
    ]) {
      assert.equal(hasExecutableExtension(name), true, name);
      refuses(name, Buffer.from('gewone tekst'), 'executable');
    }
    assert.equal(hasExecutableExtension('rapport.pdf'), false);
    assert.equal(hasExecutableExtension('geen-extensie'), false);
  });
});

describe('stripImageMetadata', () => {
  it('removes an Exif segment with GPS data, XMP, IPTC and comments from a JPEG and keeps the image', () => {
    const marker = 'MARKER-51.0543N-3.7174E';
    const exif = jpegSegment(0xe1, exifPayload(1, marker));
    const xmp = jpegSegment(
      0xe1,
      Buffer.from(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>${marker}</x:xmpmeta>`, 'latin1'),
    );
    const iptc = jpegSegment(0xed, Buffer.from(`Photoshop 3.0\0${marker}`, 'latin1'));
    const comment = jpegSegment(0xfe, Buffer.from(marker, 'latin1'));
    const icc = jpegSegment(0xe2, Buffer.from('ICC_PROFILE\0\x01\x01profile', 'latin1'));
    const original = tinyJpeg([exif, xmp, iptc, comment, icc]);
    const stripped = stripImageMetadata(
      Buffer.concat([original, Buffer.from(`trailing ${marker}`)]),
      'image/jpeg',
    );

    assert.equal(stripped.includes(marker), false);
    assert.equal(stripped.includes(exif), false);
    assert.deepEqual([...stripped.subarray(0, 2)], [0xff, 0xd8]);
    assert.deepEqual([...stripped.subarray(-2)], [0xff, 0xd9]);
    // Exactly the image without the dropped segments: JFIF, ICC, tables, frame and scan unchanged.
    assert.deepEqual(stripped, tinyJpeg([icc]));
    assert.deepEqual(inspectUpload('foto.jpg', stripped), { ok: true, mediaType: 'image/jpeg' });
  });

  it('puts back only the orientation of a rotated photo', () => {
    const stripped = stripImageMetadata(
      tinyJpeg([jpegSegment(0xe1, exifPayload(6, 'secret'))]),
      'image/jpeg',
    );
    assert.equal(stripped.includes('secret'), false);
    const app1 = stripped.indexOf(Buffer.from([0xff, 0xe1]));
    assert.ok(app1 > 0, 'an APP1 segment with the orientation');
    const exif = stripped.subarray(app1 + 4, app1 + 4 + stripped.readUInt16BE(app1 + 2) - 2);
    assert.equal(exif.subarray(0, 6).toString('latin1'), 'Exif\0\0');
    assert.equal(exif.readUInt16BE(6 + 10), 0x0112);
    assert.equal(exif.readUInt16BE(6 + 18), 6);
    assert.equal(exif.length, 6 + 26);
  });

  it('drops text, time and Exif chunks from a PNG and leaves the other chunks with valid CRCs', () => {
    const marker = 'MARKER-png-author';
    const original = tinyPng([
      pngChunk('tEXt', Buffer.from(`Author\0${marker}`, 'latin1')),
      pngChunk('iTXt', Buffer.from(`Comment\0\0\0\0\0${marker}`, 'latin1')),
      pngChunk('zTXt', Buffer.from(`Title\0\0${marker}`, 'latin1')),
      pngChunk('eXIf', Buffer.from(`MM\0*${marker}`, 'latin1')),
      pngChunk('tIME', Buffer.from([0x07, 0xea, 3, 1, 12, 0, 0])),
      pngChunk('gAMA', Buffer.from([0, 0, 0xb1, 0x8f])),
    ]);
    const stripped = stripImageMetadata(original, 'image/png');
    assert.equal(stripped.includes(marker), false);
    assert.deepEqual(stripped, tinyPng([pngChunk('gAMA', Buffer.from([0, 0, 0xb1, 0x8f]))]));
    // Every chunk that is left carries a valid CRC.
    let pos = 8;
    const types: string[] = [];
    while (pos < stripped.length) {
      const length = stripped.readUInt32BE(pos);
      const type = stripped.toString('latin1', pos + 4, pos + 8);
      const data = stripped.subarray(pos + 8, pos + 8 + length);
      assert.equal(stripped.readUInt32BE(pos + 8 + length), pngChunkCrc(type, data), type);
      types.push(type);
      pos += 12 + length;
    }
    assert.deepEqual(types, ['IHDR', 'gAMA', 'IDAT', 'IEND']);
  });

  it('drops EXIF and XMP chunks from a WebP, clears their VP8X flags and fixes the RIFF size', () => {
    const marker = 'MARKER-webp-gps';
    const vp8x = Buffer.alloc(10);
    vp8x[0] = 0x20 | 0x10 | 0x08 | 0x04; // ICC, alpha, EXIF, XMP
    const original = riff('WEBP', [
      riffChunk('VP8X', vp8x),
      riffChunk('ICCP', Buffer.from('icc')),
      riffChunk('VP8L', Buffer.alloc(12, 7)),
      riffChunk('EXIF', Buffer.from(`MM\0*${marker}`)),
      riffChunk('XMP ', Buffer.from(`<x>${marker}</x>`)),
    ]);
    const stripped = stripImageMetadata(original, 'image/webp');
    assert.equal(stripped.includes(marker), false);
    assert.equal(stripped.readUInt32LE(4), stripped.length - 8);
    assert.equal(stripped[20], 0x20 | 0x10);
    const expectedVp8x = Buffer.from(vp8x);
    expectedVp8x[0] = 0x30;
    assert.deepEqual(
      stripped,
      riff('WEBP', [
        riffChunk('VP8X', expectedVp8x),
        riffChunk('ICCP', Buffer.from('icc')),
        riffChunk('VP8L', Buffer.alloc(12, 7)),
      ]),
    );
  });

  it('returns other types and unreadable images unchanged', () => {
    const pdf = Buffer.from('%PDF-1.4 Author MARKER');
    assert.equal(stripImageMetadata(pdf, 'application/pdf'), pdf);
    const broken = Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 1, 2]);
    assert.equal(stripImageMetadata(broken, 'image/jpeg'), broken);
  });
});
