import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { newReportKey } from '../../platform/crypto/envelope.js';
import { readFileMeta, storeFiles } from '../report-files.js';
import { safeFilename } from './file-names.js';

describe('safeFilename: a name whose extension matches what the file is', () => {
  it('keeps names whose extension fits the detected type', () => {
    assert.equal(safeFilename('notities.txt', 'text/plain'), 'notities.txt');
    assert.equal(safeFilename('Scan 3.PDF', 'application/pdf'), 'Scan 3.PDF');
    assert.equal(safeFilename('foto.jpeg', 'image/jpeg'), 'foto.jpeg');
    assert.equal(
      safeFilename('brief.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
      'brief.docx',
    );
    assert.equal(safeFilename('brief.odt', 'application/vnd.oasis.opendocument.text'), 'brief.odt');
    assert.equal(safeFilename('mail.eml', 'message/rfc822'), 'mail.eml');
  });

  it('adds the extension of the detected type to a name that would open as something else', () => {
    // Text that a double-click would open as a web page, a shortcut, a console or a script.
    assert.equal(safeFilename('bewijs.html', 'text/plain'), 'bewijs.html.txt');
    assert.equal(safeFilename('kaart.svg', 'text/plain'), 'kaart.svg.txt');
    assert.equal(safeFilename('link.url', 'text/plain'), 'link.url.txt');
    assert.equal(safeFilename('beheer.msc', 'text/plain'), 'beheer.msc.txt');
    assert.equal(safeFilename('brief.rtf', 'text/plain'), 'brief.rtf.txt');
    assert.equal(safeFilename('archief.mht', 'message/rfc822'), 'archief.mht.eml');
    // A PDF polyglot named as a page; a macro document named as one.
    assert.equal(safeFilename('factuur.html', 'application/pdf'), 'factuur.html.pdf');
    assert.equal(
      safeFilename('brief.docm', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
      'brief.docm.docx',
    );
    assert.equal(safeFilename('README', 'text/plain'), 'README.txt');
    assert.equal(safeFilename('addin.xla', 'application/x-ole-storage'), 'addin.xla.bin');
  });

  it('removes bidirectional controls that make a name read as another extension', () => {
    // "rapport<RLO>fdp.html" shows as "rapportlmth.pdf".
    assert.equal(safeFilename('rapport\u202efdp.html', 'text/plain'), 'rapportfdp.html.txt');
    assert.equal(safeFilename('a\u2066b\u2069\u200f.txt', 'text/plain'), 'ab.txt');
  });

  it('keeps names short, without path or control characters, and never empty', () => {
    const long = safeFilename(`${'x'.repeat(10_000)}.html`, 'text/plain');
    assert.ok(long.length <= 200, `${long.length} characters`);
    assert.ok(long.endsWith('.txt'));
    assert.equal(safeFilename('../../etc/passwd', 'text/plain'), 'passwd.txt');
    assert.equal(safeFilename('C:\\Users\\jan\\a\u0000b.txt', 'text/plain'), 'ab.txt');
    assert.equal(safeFilename('..', 'text/plain'), 'file.txt');
    assert.equal(safeFilename('', 'application/pdf'), 'file.pdf');
  });
});

describe('storeFiles', () => {
  it('stores the name under the extension of the detected type', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'idesk-names-'));
    try {
      const key = newReportKey();
      const [stored] = await storeFiles(dir, 'report-1', key, [
        {
          filename: 'bewijs.html',
          mediaType: 'text/plain',
          data: Buffer.from('<script>x</script>'),
          uploadedBy: 'reporter',
        },
      ]);
      assert.ok(stored);
      assert.equal(readFileMeta(key, 'report-1', stored.id, stored.meta).filename, 'bewijs.html.txt');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
