import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Renders a full page (a `<Layout>` tree) as an HTML document. */
export function renderPage(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}

/**
 * Sends a full page as HTML: a `<Layout>` tree, or a document already rendered (a string, or a
 * Buffer of UTF-8 for pages served many times, which spares encoding it on every request).
 */
export function sendPage(reply: FastifyReply, page: VNode | string | Buffer, status = 200): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .send(typeof page === 'string' || Buffer.isBuffer(page) ? page : renderPage(page));
}
