import type { FastifyReply } from 'fastify';

/**
 * Sets a cookie with the app's safe defaults: HttpOnly, SameSite=Lax, path /, Secure unless turned
 * off for local http. Without `maxAgeSeconds` it is a session cookie, gone when the browser closes.
 */
export function setCookie(
  reply: FastifyReply,
  name: string,
  value: string,
  options: { readonly maxAgeSeconds?: number; readonly httpOnly?: boolean } = {},
): void {
  reply.setCookie(name, value, {
    path: '/',
    httpOnly: options.httpOnly ?? true,
    sameSite: 'lax',
    secure: reply.server.deps.config.cookieSecure,
    ...(options.maxAgeSeconds !== undefined ? { maxAge: options.maxAgeSeconds } : {}),
  });
}

export function clearCookie(reply: FastifyReply, name: string): void {
  reply.clearCookie(name, { path: '/', sameSite: 'lax', secure: reply.server.deps.config.cookieSecure });
}
