import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type FieldErrors, parseForm } from '../platform/http/forms.js';
import { serviceContext } from '../platform/http/service-context.js';
import { pageContext } from '../platform/ui/page-context.js';
import { sendPage } from '../platform/ui/render.js';
import { withNext } from './login.js';
import { afterLogin, applyRetryAfter, nextFrom } from './login.routes.js';
import { elevateSession } from './session.service.js';
import type { IdentityThrottle } from './throttle.js';
import {
  beginTotpEnrolment,
  confirmTotpEnrolment,
  hasSecondFactor,
  regenerateRecoveryCodes,
  verifySecondFactor,
} from './totp.service.js';
import {
  EnrolPage,
  qrCodeSvg,
  RecoveryCodesPage,
  RegenerateRecoveryCodesPage,
  SecondFactorPage,
} from './totp.views.js';

const codeField = z
  .string('totp.error_code_required')
  .trim()
  .min(1, 'totp.error_code_required')
  .max(40, 'totp.error_code_invalid');

const SecondFactorFormSchema = z.object({ code: codeField });
const EnrolFormSchema = z.object({
  code: codeField,
  currentCode: z
    .string('totp.error_current_code_invalid')
    .max(40, 'totp.error_current_code_invalid')
    .optional(),
});
const RegenerateFormSchema = z.object({
  currentCode: z
    .string('totp.error_current_code_invalid')
    .trim()
    .min(1, 'totp.error_current_code_invalid')
    .max(40, 'totp.error_current_code_invalid'),
});

/**
 * The second factor: the login step that asks for a code (`/login/second-factor`), enrolment during
 * login (`/login/enrol`, when a role demands a factor) and from the account page
 * (`/account/second-factor`), and new recovery codes (`/account/recovery-codes`).
 */
export function registerTotpRoutes(app: FastifyInstance, throttle: IdentityThrottle): void {
  app.get('/login/second-factor', { config: { access: 'pending' } }, async (request, reply) => {
    if (request.auth?.stage === 'enrol') {
      return reply.redirect(withNext('/login/enrol', nextFrom(request.query)), 303);
    }
    return sendPage(reply, <SecondFactorPage page={pageContext(request)} action={request.url} />);
  });

  app.post('/login/second-factor', { config: { access: 'pending' } }, async (request, reply) => {
    if (request.auth?.stage === 'enrol') {
      return reply.redirect(withNext('/login/enrol', nextFrom(request.query)), 303);
    }
    const parsed = parseForm(SecondFactorFormSchema, request.body);
    if (!parsed.ok) {
      return sendPage(
        reply,
        <SecondFactorPage page={pageContext(request)} action={request.url} errors={parsed.errors} />,
        422,
      );
    }
    const result = await verifySecondFactor(serviceContext(request), throttle, parsed.data);
    if (!result.ok) {
      applyRetryAfter(reply, result);
      return sendPage(
        reply,
        <SecondFactorPage
          page={pageContext(request)}
          action={request.url}
          errors={{ [result.field]: result.message }}
        />,
        result.status,
      );
    }
    await elevateSession(request, reply, 'active');
    return reply.redirect(afterLogin(request), 303);
  });

  const duringLogin = enrolmentHandlers(throttle, true);
  const fromAccount = enrolmentHandlers(throttle, false);

  app.get('/login/enrol', { config: { access: 'pending' } }, async (request, reply) => {
    // A session that still owes its code must not swap the factor it has not proved.
    if (request.auth?.stage !== 'enrol') {
      return reply.redirect(withNext('/login/second-factor', nextFrom(request.query)), 303);
    }
    return duringLogin.show(request, reply);
  });
  app.post('/login/enrol', { config: { access: 'pending' } }, async (request, reply) => {
    if (request.auth?.stage !== 'enrol') {
      return reply.redirect(withNext('/login/second-factor', nextFrom(request.query)), 303);
    }
    return duringLogin.confirm(request, reply);
  });
  app.get('/account/second-factor', { config: { access: 'authenticated' } }, async (request, reply) =>
    fromAccount.show(request, reply),
  );
  app.post('/account/second-factor', { config: { access: 'authenticated' } }, async (request, reply) =>
    fromAccount.confirm(request, reply),
  );

  app.get('/account/recovery-codes', { config: { access: 'authenticated' } }, async (request, reply) => {
    if (!(await hasSecondFactor(serviceContext(request)))) {
      return reply.redirect('/account/second-factor', 303);
    }
    return sendPage(reply, <RegenerateRecoveryCodesPage page={pageContext(request)} />);
  });
  app.post('/account/recovery-codes', { config: { access: 'authenticated' } }, async (request, reply) => {
    const parsed = parseForm(RegenerateFormSchema, request.body);
    if (!parsed.ok) {
      return sendPage(
        reply,
        <RegenerateRecoveryCodesPage page={pageContext(request)} errors={parsed.errors} />,
        422,
      );
    }
    const result = await regenerateRecoveryCodes(serviceContext(request), throttle, parsed.data);
    if (!result.ok) {
      applyRetryAfter(reply, result);
      return sendPage(
        reply,
        <RegenerateRecoveryCodesPage
          page={pageContext(request)}
          errors={{ [result.field]: result.message }}
        />,
        result.status,
      );
    }
    return sendPage(
      reply,
      <RecoveryCodesPage
        page={pageContext(request)}
        codes={result.recoveryCodes}
        continueHref="/account"
        enrolled={false}
      />,
    );
  });
}

/**
 * Enrolment pages, shared by the login step (`required`: a role demands a factor) and the account
 * page: show the secret, confirm it with a code, then show the recovery codes once.
 */
function enrolmentHandlers(throttle: IdentityThrottle, required: boolean) {
  const show = async (request: FastifyRequest, reply: FastifyReply, status = 200, errors?: FieldErrors) => {
    const page = pageContext(request);
    const secret = await beginTotpEnrolment(serviceContext(request), { issuer: page.t('app.name') });
    return sendPage(
      reply,
      <EnrolPage
        page={page}
        action={request.url}
        secret={secret}
        qrSvg={await qrCodeSvg(secret.uri)}
        required={required}
        {...(errors ? { errors } : {})}
      />,
      status,
    );
  };

  const confirm = async (request: FastifyRequest, reply: FastifyReply) => {
    const parsed = parseForm(EnrolFormSchema, request.body);
    if (!parsed.ok) return show(request, reply, 422, parsed.errors);
    const result = await confirmTotpEnrolment(serviceContext(request), throttle, parsed.data);
    if (!result.ok) {
      applyRetryAfter(reply, result);
      return show(request, reply, result.status, { [result.field]: result.message });
    }
    const auth = request.auth;
    if (auth && auth.stage !== 'active') {
      await elevateSession(request, reply, 'active');
      // This answer is already the first page of the active session: show it signed in.
      request.auth = { ...auth, stage: 'active' };
    }
    // The codes are shown in the answer to the POST, not after a redirect: keeping them for a
    // later GET would mean storing them in plain text, even briefly.
    return sendPage(
      reply,
      <RecoveryCodesPage
        page={pageContext(request)}
        codes={result.recoveryCodes}
        continueHref={required ? afterLogin(request) : '/account'}
        enrolled
      />,
    );
  };

  return { show, confirm };
}
