import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

/**
 * Pino options for the server. Requests are logged with method, path and request id only:
 * never the client address, user agent or forwarded headers, for anyone (reporters must not be
 * traceable, and staff addresses belong in the audit log, not in log files).
 */
export function loggerOptions(config: Config) {
  return {
    level: config.logLevel,
    serializers: {
      req: (request: FastifyRequest) => ({
        id: request.id,
        method: request.method,
        // The query string can carry receipts or tokens: log the path only.
        path: request.url.split('?')[0],
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
    // Plugins may log request headers at debug/trace level (@fastify/multipart logs its busboy
    // options, headers included): forwarded addresses, user agents and cookies are removed
    // wherever they appear, whatever the level.
    redact: {
      paths: [
        'headers',
        '*.headers',
        '*.*.headers',
        'busboyOptions',
        '*.busboyOptions',
        'cookie',
        '*.cookie',
        'cookies',
        '*.cookies',
        // Fastify's client-error line carries the raw request bytes (headers included).
        'rawPacket',
        '*.rawPacket',
      ],
      remove: true,
    },
  };
}
