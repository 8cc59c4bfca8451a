import type { FastifyInstance } from 'fastify';
import { verifyAgainstDummy } from '../platform/crypto/password-hash.js';
import { registerAccountRoutes } from './account.routes.js';
import { registerLoginRoutes } from './login.routes.js';
import { IdentityThrottle } from './throttle.js';
import { registerTotpRoutes } from './totp.routes.js';

/**
 * Login, second factor, logout and the person's own account. The throttles live in this app
 * instance's memory (never stored) and are shared by these routes.
 */
export function registerIdentityRoutes(app: FastifyInstance): void {
  const throttle = new IdentityThrottle();
  registerLoginRoutes(app, throttle);
  registerTotpRoutes(app, throttle);
  registerAccountRoutes(app, throttle);

  app.addHook('onReady', async () => {
    // The dummy hash for unknown users is made lazily; making it now (in the background, on the
    // thread pool) keeps the first unknown-user login after a start as slow as any other.
    void verifyAgainstDummy('warm-up').catch((error: unknown) =>
      app.log.error({ err: error }, 'password hashing is not available'),
    );
  });
}
