// A reporter as the benchmark plays one: the form page, the multipart post with a file, the
// review page, the send — the same requests a browser without JavaScript makes.
import type { Question } from '../src/reporting/questionnaire.js';

/** The benchmark channel's questionnaire: one required text and one file question. */
export const BENCH_QUESTIONS: readonly Question[] = [
  {
    id: 'what',
    type: 'long_text',
    required: true,
    label_nl: 'Wat is er gebeurd?',
    label_en: 'What happened?',
    help_nl: '',
    help_en: '',
    options: [],
  },
  {
    id: 'evidence',
    type: 'files',
    required: false,
    label_nl: 'Bewijsstukken',
    label_en: 'Evidence',
    help_nl: '',
    help_en: '',
    options: [],
  },
];

class Jar {
  readonly #cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair && at > 0) this.#cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  header(): string {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

function hidden(html: string, name: string): string {
  const match = new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html);
  if (!match?.[1]) throw new Error(`no ${name} field on the page`);
  return match[1];
}

/** Submits one anonymous report with `file` attached; resolves when the receipt page came back. */
export async function submitReport(base: string, slug: string, file: Buffer): Promise<void> {
  const jar = new Jar();
  const formUrl = `${base}/report/channel/${slug}`;
  const formPage = await fetch(formUrl);
  jar.take(formPage);
  const html = await formPage.text();
  if (formPage.status !== 200) throw new Error(`form answered ${formPage.status}`);

  const body = new FormData();
  body.append('_csrf', hidden(html, '_csrf'));
  body.append('version', hidden(html, 'version'));
  body.append('identity', 'anonymous');
  body.append('category', 'unknown');
  body.append('q_what', 'A benchmark report: someone approves their own expense claims.');
  body.append('website', '');
  body.append('file_evidence', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), 'evidence.pdf');
  const posted = await fetch(formUrl, {
    method: 'POST',
    body,
    headers: { cookie: jar.header() },
    redirect: 'manual',
  });
  jar.take(posted);
  await posted.arrayBuffer();
  if (posted.status !== 303) throw new Error(`form post answered ${posted.status}`);

  const reviewUrl = `${formUrl}/review`;
  const review = await fetch(reviewUrl, { headers: { cookie: jar.header() } });
  jar.take(review);
  const reviewHtml = await review.text();
  if (review.status !== 200) throw new Error(`review answered ${review.status}`);
  const sent = await fetch(reviewUrl, {
    method: 'POST',
    headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: hidden(reviewHtml, '_csrf'),
      revision: hidden(reviewHtml, 'revision'),
    }),
    redirect: 'manual',
  });
  const receipt = await sent.text();
  if (sent.status !== 200 || !/\d{4} \d{4} \d{4} \d{4}/.test(receipt)) {
    throw new Error(`send answered ${sent.status} without a receipt`);
  }
}
