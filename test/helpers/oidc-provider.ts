import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A person known to the test identity provider. */
export interface TestOidcAccount {
  readonly sub: string;
  readonly email?: string;
  /** Sent as `email_verified` when set. */
  readonly emailVerified?: boolean;
  readonly name?: string;
}

export interface TestOidcProvider {
  /** `http://127.0.0.1:<port>`, the issuer identifier. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The `OIDC_*` variables that point the application at this provider (for `createTestApp`). */
  readonly env: Readonly<Record<string, string>>;
  /** Adds a person, or replaces the one with the same `sub` (to change their e-mail, say). */
  addAccount(account: TestOidcAccount): void;
  /**
   * Plays a browser at the provider: follows the authorization URL, signs in as `sub` on the
   * login page (with `amr` `['pwd', 'mfa']` when `mfa` is set) and returns the URL the provider
   * sends the browser back to (the application's callback, with `code`, `state` and `iss`).
   * Each call uses a fresh cookie jar, so nobody is still signed in at the provider.
   */
  signIn(authorizationUrl: string | URL, sub: string, options?: { readonly mfa?: boolean }): Promise<URL>;
  /** Like `signIn`, but the person presses "Cancel": the callback URL carries `error=access_denied`. */
  refuse(authorizationUrl: string | URL): Promise<URL>;
  close(): Promise<void>;
}

/**
 * Starts a real OpenID Connect provider (`oidc-provider`) on 127.0.0.1 and a random port, with
 * one confidential client (client_secret_basic, authorization code, PKCE required) and a minimal
 * login page of its own at `/interaction/:uid` (a form with the account's `sub` or e-mail and a
 * "multi-factor" box; consent is given with the login). Usable from HTTP tests through
 * {@link TestOidcProvider.signIn} and from browser tests, which can fill the form themselves.
 */
export async function startOidcProvider(options: {
  /** The application's callback URLs, `${PUBLIC_URL}/auth/oidc/callback`. */
  readonly redirectUris: readonly string[];
  readonly clientId?: string;
  readonly clientSecret?: string;
}): Promise<TestOidcProvider> {
  const clientId = options.clientId ?? 'integrity-desk';
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url');
  const accounts = new Map<string, TestOidcAccount>();

  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [...options.redirectUris],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          ...(account.email !== undefined ? { email: account.email } : {}),
          ...(account.emailVerified !== undefined ? { email_verified: account.emailVerified } : {}),
          ...(account.name !== undefined ? { name: account.name } : {}),
        }),
      };
    },
    // `amr` goes with the openid scope so that it reaches the ID token, as with most real providers.
    claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    jwks: { keys: [signingKey] },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 3600,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
    },
  });
  const providerCallback = provider.callback();

  const findAccount = (login: string): TestOidcAccount | undefined =>
    accounts.get(login) ?? [...accounts.values()].find((a) => a.email?.toLowerCase() === login.toLowerCase());

  const interactions = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      sendHtml(res, 200, loginPage(details.uid, undefined));
      return;
    }
    const form = new URLSearchParams(await readBody(req));
    if (path.endsWith('/abort')) {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The person cancelled the login' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const account = findAccount(form.get('login') ?? '');
    if (!account) {
      sendHtml(res, 200, loginPage(details.uid, 'Unknown account'));
      return;
    }
    const grant = new provider.Grant({ accountId: account.sub, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    const grantId = await grant.save();
    const amr = form.get('mfa') ? ['pwd', 'mfa'] : ['pwd'];
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.sub, amr }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  };

  handle = (req, res) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    if (!path.startsWith('/interaction/')) {
      providerCallback(req, res);
      return;
    }
    interactions(req, res, path).catch((error: unknown) => {
      if (!res.headersSent) sendHtml(res, 400, `<p>${escapeHtml(String(error))}</p>`);
      else res.end();
    });
  };

  const drive = async (
    authorizationUrl: string | URL,
    act: (interactionUrl: URL, jar: CookieJar) => Promise<Response>,
  ): Promise<URL> => {
    const jar = new CookieJar();
    let current = new URL(authorizationUrl);
    let response = await jar.fetch(current);
    let interacted = false;
    for (let hop = 0; hop < 12; hop += 1) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) {
        throw new Error(
          `Unexpected ${response.status} from the provider at ${current}: ${await response.text()}`,
        );
      }
      const target = new URL(location, current);
      if (target.origin !== issuer) return target;
      if (target.pathname.startsWith('/interaction/') && !interacted) {
        interacted = true;
        const page = await jar.fetch(target);
        if (page.status !== 200) throw new Error(`The provider's login page answered ${page.status}`);
        response = await act(target, jar);
      } else {
        response = await jar.fetch(target);
      }
      current = target;
    }
    throw new Error('Too many redirects at the provider');
  };

  return {
    issuer,
    clientId,
    clientSecret,
    env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret },
    addAccount(account) {
      accounts.set(account.sub, account);
    },
    signIn(authorizationUrl, sub, signInOptions = {}) {
      return drive(authorizationUrl, (interactionUrl, jar) =>
        jar.fetch(new URL(`${interactionUrl.pathname}/login`, issuer), {
          login: sub,
          ...(signInOptions.mfa ? { mfa: '1' } : {}),
        }),
      );
    },
    refuse(authorizationUrl) {
      return drive(authorizationUrl, (interactionUrl, jar) =>
        jar.fetch(new URL(`${interactionUrl.pathname}/abort`, issuer), {}),
      );
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

/** A browser's cookies, enough for one visit to the provider (paths are ignored). */
class CookieJar {
  readonly #cookies = new Map<string, string>();

  /** GET, or a url-encoded POST when `form` is given; never follows redirects. */
  async fetch(url: URL, form?: Record<string, string>): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.#cookies.size > 0) {
      headers.cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    const init: RequestInit = { redirect: 'manual', headers };
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      init.method = 'POST';
      init.body = new URLSearchParams(form).toString();
    }
    const response = await fetch(url, init);
    for (const line of response.headers.getSetCookie()) this.#store(line);
    return response;
  }

  #store(line: string): void {
    const [pair = '', ...attributes] = line.split(';');
    const at = pair.indexOf('=');
    if (at <= 0) return;
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    const expired = attributes.some((attribute) => {
      const [key = '', val = ''] = attribute.split('=');
      const k = key.trim().toLowerCase();
      if (k === 'max-age') return Number(val) <= 0;
      if (k === 'expires') return new Date(val).getTime() <= Date.now();
      return false;
    });
    if (expired || value === '') this.#cookies.delete(name);
    else this.#cookies.set(name, value);
  }
}

function loginPage(uid: string, error: string | undefined): string {
  const base = `/interaction/${encodeURIComponent(uid)}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main>
<h1>Test identity provider</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${base}/login">
<p><label for="login">Account (subject or e-mail)</label> <input id="login" name="login" autocomplete="off"></p>
<p><input type="checkbox" id="mfa" name="mfa" value="1"> <label for="mfa">Multi-factor</label></p>
<p><button type="submit">Sign in</button></p>
</form>
<form method="post" action="${base}/abort"><p><button type="submit">Cancel</button></p></form>
</main></body></html>`;
}

function sendHtml(res: ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(body);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error('Body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
