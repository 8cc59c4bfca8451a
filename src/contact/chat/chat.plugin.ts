import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { CHAT_COOKIE, identifyVisitor, type VisitorIdentity } from './chat.service.js';
import { ChatHub, MAX_FRAME_BYTES } from './chat-hub.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** This instance's live chat hub (src/contact/chat/chat-hub.ts). */
    readonly chatHub: ChatHub;
  }
}

/** The chat found by the visitor's cookie before the upgrade, handed to the socket handler. */
const visitorChats = new WeakMap<FastifyRequest, VisitorIdentity>();

/**
 * Refuses a WebSocket upgrade whose `Origin` is not this application's: a page on another site
 * must not open a socket that rides on the visitor's cookie or the agent's session (cross-site
 * WebSocket hijacking; SameSite does not cover WebSockets everywhere). Allowed: the origin of
 * `PUBLIC_URL`, or the page's own origin — `Origin` naming the very host the request was sent to
 * (`Host`), as when the app is opened at http://127.0.0.1:3000 while `PUBLIC_URL` says localhost.
 * A browser never lets another site's page claim that origin. A missing Origin is refused: every
 * browser sends one.
 */
export function isAllowedOrigin(origin: string | undefined, publicUrl: string, host?: string): boolean {
  if (!origin) return false;
  try {
    const url = new URL(origin);
    if (url.origin === new URL(publicUrl).origin) return true;
    return (
      host !== undefined &&
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.origin === `${url.protocol}//${host.toLowerCase()}` &&
      url.host === host.toLowerCase()
    );
  } catch {
    return false;
  }
}

/** The live chat's runtime: the hub of this instance, the visitor and agent WebSockets, assignment. */
export async function registerChatRuntime(app: FastifyInstance): Promise<void> {
  const { config, database, clock } = app.deps;
  await app.register(fastifyWebsocket, {
    options: { maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false },
    // An error on an established socket (reset, bad UTF-8, oversized frame): drop that socket only.
    errorHandler: (_error, socket) => socket.terminate(),
  });

  const hub = new ChatHub({ db: database.db, clock, config, bus: app.contactBus, log: app.log });
  app.decorate('chatHub', hub);
  hub.start();
  app.addHook('onClose', async () => hub.close());

  const checkOrigin = async (request: FastifyRequest): Promise<void> => {
    if (!isAllowedOrigin(request.headers.origin, config.publicUrl, request.headers.host)) {
      throw new AppError('forbidden');
    }
  };

  app.get(
    '/contact/chat/socket',
    {
      websocket: true,
      config: { access: 'public', anonymous: true },
      onRequest: checkOrigin,
      preHandler: async (request) => {
        const token = request.cookies[CHAT_COOKIE];
        const chat = token
          ? await identifyVisitor({ db: database.db, now: clock.now(), config }, token)
          : null;
        // No chat for this cookie (none, forged, deleted): refused before the upgrade.
        if (!chat) throw new AppError('forbidden');
        // Many tabs or a reconnect loop: refused before the upgrade (see ChatHub.admitVisitor).
        if (!hub.admitVisitor(chat.id)) throw new AppError('too_many_requests');
        visitorChats.set(request, chat);
      },
    },
    (socket, request) => {
      const chat = visitorChats.get(request);
      if (!chat) {
        socket.close(1011);
        return;
      }
      const after = (request.query as Record<string, unknown> | undefined)?.after;
      hub.addVisitor(socket, chat, typeof after === 'string' ? after : undefined);
    },
  );

  app.get(
    '/console/socket',
    { websocket: true, config: { access: ['agent'] }, onRequest: checkOrigin },
    async (socket, request) => {
      const auth = request.auth;
      if (!auth) {
        socket.close(1011);
        return;
      }
      await hub.addAgent(socket, {
        userId: auth.userId,
        sessionIdHash: auth.sessionIdHash,
        locale: request.locale,
      });
    },
  );
}
