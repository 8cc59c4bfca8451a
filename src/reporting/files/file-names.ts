/**
 * The name a report file is stored, shown and downloaded under. The uploader chooses the name and
 * {@link inspectUpload} decides the type from the content; a reader who downloads the file gets the
 * name, and their computer opens it by its extension. So the extension must be one of the detected
 * type's: plain text named `bewijs.html`, `kaart.svg`, `link.url` or `beheer.msc`, a PDF polyglot
 * named `factuur.html` or a macro document named `.docm` would otherwise open as a web page, a
 * shortcut, a console or a macro host on a handler's computer. A name whose extension does not fit
 * gets the type's own added (`bewijs.html.txt`). Bidirectional controls go too: with them
 * `rapport<RLO>fdp.html` reads as `rapportlmth.pdf`.
 */

const IMAGES = ['jpg', 'jpeg', 'jpe', 'jfif', 'png', 'gif', 'webp', 'heic', 'heif'];
const MEDIA = ['mp4', 'm4v', 'm4a', 'm4b', 'mov', 'qt', '3gp', '3g2', 'mp3', 'wav', 'ogg', 'oga', 'opus'];
const OPENDOCUMENT = [
  'odt',
  'ott',
  'ods',
  'ots',
  'odp',
  'otp',
  'odg',
  'otg',
  'odc',
  'odf',
  'odi',
  'odb',
  'odm',
  'oth',
];

/** The extensions a detected type may carry, its own first. */
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', ...IMAGES],
  'image/png': ['png', ...IMAGES],
  'image/gif': ['gif', ...IMAGES],
  'image/webp': ['webp', ...IMAGES],
  'image/heic': ['heic', ...IMAGES],
  'image/heif': ['heif', ...IMAGES],
  'audio/wav': ['wav', ...MEDIA],
  'audio/ogg': ['ogg', ...MEDIA],
  'audio/mpeg': ['mp3', ...MEDIA],
  'audio/mp4': ['m4a', ...MEDIA],
  'video/mp4': ['mp4', ...MEDIA],
  'video/quicktime': ['mov', ...MEDIA],
  'application/msword': ['doc', 'dot'],
  'application/vnd.ms-excel': ['xls', 'xlt'],
  'application/vnd.ms-powerpoint': ['ppt', 'pps', 'pot'],
  'application/vnd.ms-outlook': ['msg'],
  'application/x-ole-storage': ['bin', 'pub', 'vsd', 'vss', 'vst', 'mpp', 'wps'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx', 'dotx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx', 'xltx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx', 'ppsx', 'potx'],
  'message/rfc822': ['eml'],
  'text/csv': ['csv'],
  'text/plain': ['txt', 'text', 'log'],
};

const OPENDOCUMENT_OWN: Readonly<Record<string, string>> = {
  text: 'odt',
  spreadsheet: 'ods',
  presentation: 'odp',
  graphics: 'odg',
  chart: 'odc',
  formula: 'odf',
  image: 'odi',
  database: 'odb',
};

function extensionsOf(mediaType: string): readonly string[] {
  const known = EXTENSIONS[mediaType];
  if (known) return known;
  const od = /^application\/vnd\.oasis\.opendocument\.([a-z-]+)/.exec(mediaType)?.[1];
  if (od) return [OPENDOCUMENT_OWN[od] ?? 'odt', ...OPENDOCUMENT];
  return ['bin'];
}

const MAX_LENGTH = 200;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const UNWANTED = /[\u0000-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name to store for an upload of `mediaType`: the last path part, without control and
 * bidirectional characters, at most 200 characters, ending in an extension of the type.
 */
export function safeFilename(name: string, mediaType: string): string {
  let base = (name.split(/[/\\]/).pop() ?? '').replace(UNWANTED, '').trim();
  if (base === '.' || base === '..') base = '';
  const allowed = extensionsOf(mediaType);
  const dot = base.lastIndexOf('.');
  const extension = dot >= 0 ? base.slice(dot + 1).toLowerCase() : '';
  if (base !== '' && dot > 0 && allowed.includes(extension)) {
    if (base.length <= MAX_LENGTH) return base;
    const suffix = base.slice(dot);
    return `${base.slice(0, MAX_LENGTH - suffix.length)}${suffix}`;
  }
  const suffix = `.${allowed[0]}`;
  return `${(base || 'file').slice(0, MAX_LENGTH - suffix.length)}${suffix}`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
const CONTROL_CHARACTERS_ALL = /[\u0000-\u001f\u007f]/g;

/** The name a file is shown and downloaded under: the last path part, no control characters. */
export function displayFilename(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base.replace(CONTROL_CHARACTERS_ALL, '').trim().slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'bestand' : cleaned;
}

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266/8187). */
export function attachmentDisposition(filename: string): string {
  const name = displayFilename(filename);
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const ACTIVE_CONTENT = /html|xml|svg|javascript|ecmascript/i;

/** The detected media type, unless it is one a browser could run; then a plain byte stream. */
export function safeMediaType(mediaType: string): string {
  if (!/^[a-z]+\/[a-z0-9.+-]+$/i.test(mediaType) || ACTIVE_CONTENT.test(mediaType)) {
    return 'application/octet-stream';
  }
  return mediaType;
}
