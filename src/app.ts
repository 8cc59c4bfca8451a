import './identity/identity.events.js';
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import { seedDefaultCannedAnswers } from './contact/admin/canned-answers.js';
import { registerContactAdminRoutes } from './contact/admin/contact-admin.routes.js';
import { registerChatRuntime } from './contact/chat/chat.plugin.js';
import { registerConsoleRoutes } from './contact/console/console.routes.js';
import { ContactEventBus } from './contact/contact-events.js';
import { registerContactEmailRoutes } from './contact/email/email.routes.js';
import { seedDefaultTopics } from './contact/topics.js';
import { registerContactVisitorRoutes } from './contact/visitor/visitor.routes.js';
import { registerFeedbackRoutes } from './feedback/feedback.routes.js';
import { registerAdminRoutes } from './identity/admin.routes.js';
import { registerIdentityRoutes } from './identity/identity.routes.js';
import { registerOidcRoutes } from './identity/oidc.routes.js';
import { registerSessions } from './identity/session.plugin.js';
import { registerSetup } from './identity/setup.routes.js';
import { getOrCreateSecret } from './platform/crypto/app-secrets.js';
import { registerAccessGuard } from './platform/http/access.js';
import { registerCsrf } from './platform/http/csrf.js';
import { registerErrorHandling } from './platform/http/error-handler.js';
import { registerHealth } from './platform/http/health.routes.js';
import { registerLocale } from './platform/http/locale.js';
import { registerMultipart } from './platform/http/multipart.js';
import type { AppDeps } from './platform/http/request-context.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { registerStatic } from './platform/http/static.routes.js';
import { registerMailAdminRoutes } from './platform/mail/mail-admin.routes.js';
import { registerPublicRoutes } from './public/public.routes.js';
import { registerChannelAdminRoutes } from './reporting/channels/channel-admin.routes.js';
import { seedDefaultChannels } from './reporting/channels/default-channels.js';
import { registerHandlingRoutes } from './reporting/handling/handling.routes.js';
import { Keyring } from './reporting/keys/keyring.js';
import { registerKeyRoutes } from './reporting/keys/keys.routes.js';
import { registerMailboxRoutes } from './reporting/mailbox/mailbox.routes.js';
import { registerReportSubmitRoutes } from './reporting/submit/submit.routes.js';

export interface BuildAppOptions extends AppDeps {
  /** Pino logger options, or false for none (tests). */
  readonly logger?: FastifyServerOptions['logger'];
  /** The one-time token for /setup on an empty database; main.ts generates and logs it. */
  readonly setupToken?: string;
}

/** Largest form body accepted (url-encoded); file uploads have their own limits. */
const BODY_LIMIT = 64 * 1024;

/**
 * Builds the whole application: platform plugins first, then each domain's routes.
 * Never listens: `main.ts` does, and tests call `inject()`.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database, clock } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: trustProxyOption(config.trustProxy),
    routerOptions: { maxParamLength: 200 },
  });
  const deps: AppDeps = { config, database, clock };
  app.decorate('deps', deps);
  const keyring = new Keyring({ idleMinutes: config.session.idleMinutes });
  app.decorate('keyring', keyring);
  const keyringSweep = setInterval(() => {
    keyring.sweep(clock.now().getTime());
    keyring
      .dropEndedSessions(async (idHashes) => {
        const rows = await database.db
          .selectFrom('sessions')
          .select('id_hash')
          .where('id_hash', 'in', idHashes)
          .execute();
        return new Set(rows.map((r) => r.id_hash));
      })
      .catch((error: unknown) =>
        app.log.warn({ err: error }, 'could not check the sessions of unlocked keys'),
      );
  }, 60_000);
  keyringSweep.unref();
  app.addHook('onClose', async () => clearInterval(keyringSweep));

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: BODY_LIMIT });
  await registerMultipart(app);

  registerErrorHandling(app);
  registerSecurityHeaders(app, { hsts: config.publicUrl.startsWith('https:') });
  registerLocale(app);
  registerCsrf(app, await getOrCreateSecret(database.db, 'csrf'));
  registerSessions(app);
  registerAccessGuard(app);
  // The default reporting channels, once per installation (idempotent; see default-channels.ts).
  await seedDefaultChannels(database.db, clock.now());
  await seedDefaultTopics(database.db);
  await seedDefaultCannedAnswers(database.db, clock.now());
  // Contact-channel events between instances (LISTEN/NOTIFY; in process on PGlite).
  const contactBus = await ContactEventBus.start(database);
  app.decorate('contactBus', contactBus);
  app.addHook('onClose', async () => contactBus.close());
  await registerSetup(app, { setupToken: options.setupToken });

  await registerStatic(app);
  registerHealth(app);
  registerPublicRoutes(app);
  registerIdentityRoutes(app);
  registerOidcRoutes(app);
  registerAdminRoutes(app);
  registerKeyRoutes(app);
  registerReportSubmitRoutes(app);
  registerMailboxRoutes(app);
  registerHandlingRoutes(app);
  registerChannelAdminRoutes(app);
  registerMailAdminRoutes(app);
  await registerChatRuntime(app);
  await registerContactVisitorRoutes(app);
  await registerConsoleRoutes(app);
  await registerContactEmailRoutes(app);
  await registerContactAdminRoutes(app);
  await registerFeedbackRoutes(app);
  return app;
}

/** Fastify takes a hop count as a function: trust the nearest `hops` proxies. */
function trustProxyOption(
  value: Config['trustProxy'],
): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}
