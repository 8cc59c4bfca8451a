import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import sodium from 'sodium-native';
import { DEFAULT_AFTER_LOGIN, type FormRefusal, safeNextPath } from '../../identity/login.js';
import { formatRecoveryKey } from '../../platform/crypto/envelope.js';
import { type FieldErrors, formValues, parseForm } from '../../platform/http/forms.js';
import type { Auth } from '../../platform/http/request-context.js';
import { serviceContext } from '../../platform/http/service-context.js';
import { pageContext } from '../../platform/ui/page-context.js';
import { sendPage } from '../../platform/ui/render.js';
import {
  KEYS_PATH,
  KEYS_RECOVER_PATH,
  KEYS_RECOVERY_KEY_PATH,
  KEYS_SETUP_PATH,
  KEYS_UNLOCK_PATH,
  keysPathWithNext,
} from './key-paths.js';
import { KeyThrottle } from './key-throttle.js';
import { isKeysNotice, KeysPage, RecoverPage, RecoveryKeyPage, SetUpPage, UnlockPage } from './keys.views.js';
import { unlockedKeysOf } from './unlocked.js';
import {
  getKeyStatus,
  RecoverFormSchema,
  ReplaceRecoveryFormSchema,
  recoverKeys,
  replaceRecoveryKey,
  SetUpFormSchema,
  setUpKeys,
  storePendingKeys,
  UnlockFormSchema,
  unlockKeys,
} from './user-keys.service.js';

const authenticated = { config: { access: 'authenticated' } } as const;

/** `next` from the query (GET) or the form (POST), when it is a path on this site. */
function nextOf(request: FastifyRequest): string | undefined {
  const source = request.method === 'GET' ? request.query : request.body;
  return safeNextPath(formValues(source).next);
}

function retryAfter(reply: FastifyReply, refusal: FormRefusal): void {
  if (refusal.retryAfterSeconds !== undefined) reply.header('retry-after', String(refusal.retryAfterSeconds));
}

function nowMsOf(request: FastifyRequest): number {
  return request.server.deps.clock.now().getTime();
}

/**
 * Routes of recipients' key pairs, all for the signed-in person's own key pair:
 * - `GET /account/keys`: status (not needed, none, locked, open), links and actions;
 * - `GET|POST /account/keys/unlock?next=`: open the key pair with the password or key passphrase;
 * - `GET|POST /account/keys/setup?next=`: make a key pair (OIDC accounts, or a local account that
 *   has not logged in with its password since becoming a recipient);
 * - `GET /account/keys/recovery-key?next=`: the recovery key made in this session, shown once;
 *   a key pair made at the password step of the login is stored here, right before (until then
 *   every other keys page leads here, and the keys count as locked);
 *   `POST` there makes a new one with the password or key passphrase asked again (the old one
 *   stops working);
 * - `GET|POST /account/keys/recover?next=`: open it with the recovery key and wrap it again;
 * - `POST /account/keys/lock`: drop the open key pair from this session.
 * Failed attempts count per account (in memory, like logins).
 */
export function registerKeyRoutes(app: FastifyInstance): void {
  const throttle = new KeyThrottle();

  /** Where to go first when this session holds a key pair made at login and not stored yet. */
  const pendingDetour = (request: FastifyRequest, next: string | undefined): string | null => {
    const auth = request.auth as Auth;
    if (!request.server.keyring.pendingOf(auth.sessionIdHash, nowMsOf(request))) return null;
    return keysPathWithNext(KEYS_RECOVERY_KEY_PATH, next);
  };

  const sendKeysPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: { readonly errors?: FieldErrors; readonly status?: number } = {},
  ) => {
    const auth = request.auth as Auth;
    const status = await getKeyStatus(serviceContext(request));
    const notice = formValues(request.query).notice;
    return sendPage(
      reply,
      <KeysPage
        page={pageContext(request)}
        status={status}
        unlocked={unlockedKeysOf(request) !== null}
        recoveryKeyWaiting={request.server.keyring.hasRecoveryKey(auth.sessionIdHash, nowMsOf(request))}
        notice={isKeysNotice(notice) ? notice : undefined}
        errors={options.errors}
      />,
      options.status,
    );
  };

  app.get(KEYS_PATH, authenticated, async (request, reply) => {
    const first = pendingDetour(request, undefined);
    if (first) return reply.redirect(first, 303);
    return sendKeysPage(request, reply);
  });

  /** Where unlock, set-up and recovery send a person they cannot serve; null when they can. */
  const detour = async (
    request: FastifyRequest,
    page: 'unlock' | 'setup' | 'recover',
  ): Promise<
    { readonly to: string } | { readonly to: null; readonly status: Awaited<ReturnType<typeof getKeyStatus>> }
  > => {
    const next = nextOf(request);
    const first = pendingDetour(request, next);
    if (first) return { to: first };
    const status = await getKeyStatus(serviceContext(request));
    if (!status.needed) return { to: KEYS_PATH };
    if (page === 'setup') return status.keyPair ? { to: next ?? KEYS_PATH } : { to: null, status };
    if (!status.keyPair) return { to: keysPathWithNext(KEYS_SETUP_PATH, next) };
    if (page === 'unlock' && unlockedKeysOf(request)) return { to: next ?? KEYS_PATH };
    return { to: null, status };
  };

  app.get(KEYS_UNLOCK_PATH, authenticated, async (request, reply) => {
    const way = await detour(request, 'unlock');
    if (way.to !== null) return reply.redirect(way.to, 303);
    return sendPage(
      reply,
      <UnlockPage
        page={pageContext(request)}
        wrappedWith={way.status.keyPair?.wrappedWith ?? way.status.wrapMode}
        next={nextOf(request)}
      />,
    );
  });

  app.post(KEYS_UNLOCK_PATH, authenticated, async (request, reply) => {
    const way = await detour(request, 'unlock');
    if (way.to !== null) return reply.redirect(way.to, 303);
    const next = nextOf(request);
    const wrappedWith = way.status.keyPair?.wrappedWith ?? way.status.wrapMode;
    const parsed = parseForm(UnlockFormSchema, request.body);
    if (!parsed.ok) {
      return sendPage(
        reply,
        <UnlockPage
          page={pageContext(request)}
          wrappedWith={wrappedWith}
          next={next}
          errors={parsed.errors}
        />,
        422,
      );
    }
    const result = await unlockKeys(serviceContext(request), throttle, parsed.data);
    if (!result.ok) {
      retryAfter(reply, result);
      return sendPage(
        reply,
        <UnlockPage
          page={pageContext(request)}
          wrappedWith={wrappedWith}
          next={next}
          errors={{ [result.field]: result.message }}
        />,
        result.status,
      );
    }
    const auth = request.auth as Auth;
    request.server.keyring.put(auth.sessionIdHash, result.keys, nowMsOf(request));
    return reply.redirect(next ?? `${KEYS_PATH}?notice=unlocked`, 303);
  });

  app.get(KEYS_SETUP_PATH, authenticated, async (request, reply) => {
    const way = await detour(request, 'setup');
    if (way.to !== null) return reply.redirect(way.to, 303);
    return sendPage(
      reply,
      <SetUpPage page={pageContext(request)} mode={way.status.wrapMode} next={nextOf(request)} />,
    );
  });

  app.post(KEYS_SETUP_PATH, authenticated, async (request, reply) => {
    const way = await detour(request, 'setup');
    if (way.to !== null) return reply.redirect(way.to, 303);
    const next = nextOf(request);
    const mode = way.status.wrapMode;
    const parsed = parseForm(SetUpFormSchema, request.body);
    if (!parsed.ok) {
      return sendPage(
        reply,
        <SetUpPage page={pageContext(request)} mode={mode} next={next} errors={parsed.errors} />,
        422,
      );
    }
    const result = await setUpKeys(serviceContext(request), throttle, parsed.data);
    if (!result.ok) {
      retryAfter(reply, result);
      return sendPage(
        reply,
        <SetUpPage
          page={pageContext(request)}
          mode={mode}
          next={next}
          errors={{ [result.field]: result.message }}
        />,
        result.status,
      );
    }
    const auth = request.auth as Auth;
    request.server.keyring.put(auth.sessionIdHash, result.keys, nowMsOf(request), result.recoveryKey);
    return reply.redirect(keysPathWithNext(KEYS_RECOVERY_KEY_PATH, next), 303);
  });

  app.get(KEYS_RECOVERY_KEY_PATH, authenticated, async (request, reply) => {
    const auth = request.auth as Auth;
    const { keyring } = request.server;
    // A key pair made at the password step is stored only now, when its recovery key is shown.
    const pending = keyring.pendingOf(auth.sessionIdHash, nowMsOf(request));
    let takenElsewhere = false;
    if (pending) {
      const outcome = await storePendingKeys(serviceContext(request), pending);
      if (outcome === 'stored')
        keyring.confirmPending(auth.sessionIdHash, pending.publicKey, nowMsOf(request));
      else {
        // Another session stored a key pair first (or no key pair is needed any more): this one
        // goes; the stored one opens only with the password, so the key stays locked.
        keyring.dropSession(auth.sessionIdHash);
        takenElsewhere = outcome === 'taken';
      }
    }
    const recoveryKey = keyring.takeRecoveryKey(auth.sessionIdHash, nowMsOf(request));
    let formatted: string | null = null;
    if (recoveryKey) {
      // The string cannot be zeroed; it lives only for this answer.
      formatted = formatRecoveryKey(recoveryKey);
      sodium.sodium_memzero(recoveryKey);
    }
    return sendPage(
      reply,
      <RecoveryKeyPage
        page={pageContext(request)}
        recoveryKey={formatted}
        takenElsewhere={takenElsewhere}
        continueHref={nextOf(request) ?? DEFAULT_AFTER_LOGIN}
      />,
    );
  });

  app.post(KEYS_RECOVERY_KEY_PATH, authenticated, async (request, reply) => {
    const keys = unlockedKeysOf(request);
    if (!keys) return reply.redirect(keysPathWithNext(KEYS_UNLOCK_PATH, KEYS_PATH), 303);
    const parsed = parseForm(ReplaceRecoveryFormSchema, request.body);
    if (!parsed.ok) return sendKeysPage(request, reply, { errors: parsed.errors, status: 422 });
    const result = await replaceRecoveryKey(serviceContext(request), throttle, keys, parsed.data);
    if (!result.ok) {
      retryAfter(reply, result);
      return sendKeysPage(request, reply, {
        errors: { [result.field]: result.message },
        status: result.status,
      });
    }
    const auth = request.auth as Auth;
    request.server.keyring.holdRecoveryKey(auth.sessionIdHash, result.recoveryKey, nowMsOf(request));
    return reply.redirect(keysPathWithNext(KEYS_RECOVERY_KEY_PATH, KEYS_PATH), 303);
  });

  app.get(KEYS_RECOVER_PATH, authenticated, async (request, reply) => {
    const way = await detour(request, 'recover');
    if (way.to !== null) return reply.redirect(way.to, 303);
    return sendPage(
      reply,
      <RecoverPage page={pageContext(request)} mode={way.status.wrapMode} next={nextOf(request)} />,
    );
  });

  app.post(KEYS_RECOVER_PATH, authenticated, async (request, reply) => {
    const way = await detour(request, 'recover');
    if (way.to !== null) return reply.redirect(way.to, 303);
    const next = nextOf(request);
    const mode = way.status.wrapMode;
    const parsed = parseForm(RecoverFormSchema, request.body);
    if (!parsed.ok) {
      return sendPage(
        reply,
        <RecoverPage page={pageContext(request)} mode={mode} next={next} errors={parsed.errors} />,
        422,
      );
    }
    const result = await recoverKeys(serviceContext(request), throttle, parsed.data);
    if (!result.ok) {
      retryAfter(reply, result);
      return sendPage(
        reply,
        <RecoverPage
          page={pageContext(request)}
          mode={mode}
          next={next}
          errors={{ [result.field]: result.message }}
        />,
        result.status,
      );
    }
    const auth = request.auth as Auth;
    const { keyring } = request.server;
    const nowMs = nowMsOf(request);
    // A recovery key still waiting to be shown in this session stays waiting.
    const waiting = keyring.takeRecoveryKey(auth.sessionIdHash, nowMs);
    keyring.put(auth.sessionIdHash, result.keys, nowMs, waiting ?? undefined);
    return reply.redirect(next ?? `${KEYS_PATH}?notice=recovered`, 303);
  });

  app.post('/account/keys/lock', authenticated, async (request, reply) => {
    const auth = request.auth as Auth;
    request.server.keyring.dropSession(auth.sessionIdHash);
    return reply.redirect(`${KEYS_PATH}?notice=locked`, 303);
  });
}
