import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Question } from '../questionnaire.js';

/**
 * Test kit for the reporter's pages (used by the tests beside it, never by the application): a
 * browser-like client over `app.inject()` that keeps cookies, echoes the CSRF token of the last
 * page, posts multipart forms with files, and can pose as a given address and user agent.
 */

export interface UploadPart {
  readonly field: string;
  readonly filename: string;
  readonly data: Buffer;
  readonly contentType?: string;
}

/** A `multipart/form-data` body: the fields in order (arrays repeat the name), then the files. */
export function multipartBody(
  fields: readonly (readonly [string, string])[],
  files: readonly UploadPart[],
): { readonly body: Buffer; readonly contentType: string } {
  const boundary = `----idesk${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of fields) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`, 'utf8'),
    );
    chunks.push(Buffer.from(value, 'utf8'), Buffer.from('\r\n'));
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
        'utf8',
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export type FormFields = Readonly<Record<string, string | readonly string[]>>;

export class ReporterClient {
  readonly cookies = new Map<string, string>();
  /** Every Set-Cookie header received, as sent. */
  readonly setCookies: string[] = [];
  csrf = '';
  lastBody = '';

  constructor(
    readonly app: FastifyInstance,
    readonly options: { readonly remoteAddress?: string; readonly headers?: Record<string, string> } = {},
  ) {}

  get(url: string): Promise<LightMyRequestResponse> {
    return this.#send({ method: 'GET', url });
  }

  /** Posts the report form: CSRF token first, then the fields, then the files. */
  postForm(
    url: string,
    fields: FormFields,
    files: readonly UploadPart[] = [],
  ): Promise<LightMyRequestResponse> {
    const list: [string, string][] = [['_csrf', this.csrf]];
    for (const [name, value] of Object.entries(fields)) {
      for (const v of typeof value === 'string' ? [value] : value) list.push([name, v]);
    }
    const { body, contentType } = multipartBody(list, files);
    return this.#send({ method: 'POST', url, payload: body, headers: { 'content-type': contentType } });
  }

  /** Posts a url-encoded form (the "send" button). */
  post(url: string, fields: FormFields): Promise<LightMyRequestResponse> {
    const params = new URLSearchParams();
    if (!('_csrf' in fields)) params.append('_csrf', this.csrf);
    for (const [name, value] of Object.entries(fields)) {
      for (const v of typeof value === 'string' ? [value] : value) params.append(name, v);
    }
    return this.#send({
      method: 'POST',
      url,
      payload: params.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  async #send(request: {
    method: 'GET' | 'POST';
    url: string;
    payload?: string | Buffer;
    headers?: Record<string, string>;
  }): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.app.inject({
      method: request.method,
      url: request.url,
      ...(request.payload !== undefined ? { payload: request.payload } : {}),
      ...(this.options.remoteAddress ? { remoteAddress: this.options.remoteAddress } : {}),
      headers: { ...this.options.headers, ...(cookie ? { cookie } : {}), ...request.headers },
    });
    const raw = response.headers['set-cookie'];
    if (raw) this.setCookies.push(...(Array.isArray(raw) ? raw : [raw]));
    for (const c of response.cookies) {
      const gone =
        c.value === '' ||
        (c.maxAge !== undefined && c.maxAge <= 0) ||
        (c.expires && c.expires.getTime() < Date.now());
      if (gone) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    if ((response.headers['content-type'] ?? '').toString().startsWith('text/html')) {
      this.lastBody = response.body;
      const match = /name="_csrf" value="([^"]+)"/.exec(response.body);
      if (match?.[1]) this.csrf = match[1];
    }
    return response;
  }
}

/** The hidden questionnaire version of the form last shown. */
export function formVersion(body: string): string {
  const match = /name="version" value="([^"]+)"/.exec(body);
  if (!match?.[1]) throw new Error('the page has no questionnaire version field');
  return match[1];
}

/** The hidden revision of the review page last shown. */
export function reviewRevision(body: string): string {
  const match = /name="revision" value="(\d+)"/.exec(body);
  if (!match?.[1]) throw new Error('the page has no revision field');
  return match[1];
}

/** The receipt on a receipt page, digits only. */
export function receiptOf(body: string): string {
  const match = /data-receipt[^>]*><span aria-hidden="true">([\d ]{19})<\/span>/.exec(body);
  if (!match?.[1]) throw new Error('the page shows no receipt');
  return match[1].replace(/ /g, '');
}

/** A questionnaire with every question type, for tests. */
export const everyTypeQuestions: readonly Question[] = [
  q('what', 'long_text', true),
  q('where', 'short_text', false),
  {
    ...q('kind', 'single_choice', false),
    options: [
      { id: 'fraud', label_nl: 'Fraude', label_en: 'Fraud' },
      { id: 'other', label_nl: 'Iets anders', label_en: 'Something else' },
    ],
  },
  {
    ...q('how', 'multiple_choice', false),
    options: [
      { id: 'saw', label_nl: 'Gezien', label_en: 'Saw it' },
      { id: 'heard', label_nl: 'Gehoord', label_en: 'Heard it' },
    ],
  },
  q('when', 'date', false),
  q('ongoing', 'yes_no', false),
  q('evidence', 'files', false),
];

function q(id: string, type: Question['type'], required: boolean): Question {
  return {
    id,
    type,
    required,
    label_nl: `Vraag ${id}`,
    label_en: `Question ${id}`,
    help_nl: '',
    help_en: '',
    options: [],
  };
}
