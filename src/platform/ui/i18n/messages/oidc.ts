import { defineMessages } from '../define.js';

/** Single sign-on with the organisation's identity provider (OpenID Connect). */
export const oidcMessages = defineMessages(
  {
    'oidc.unreachable_title': 'Identiteitsprovider onbereikbaar',
    'oidc.unreachable_body':
      'We konden de identiteitsprovider van uw organisatie nu niet bereiken. Probeer het over enkele minuten opnieuw, of meld u aan met uw gebruikersnaam en wachtwoord.',
    'oidc.flow_invalid_title': 'Aanmelding verlopen',
    'oidc.flow_invalid_body':
      'Deze aanmelding is verlopen of werd niet op deze site gestart. Begin de aanmelding opnieuw.',
    'oidc.provider_refused_title': 'Aanmelding niet gelukt',
    'oidc.provider_refused_body':
      'De identiteitsprovider van uw organisatie heeft u niet aangemeld. Probeer het opnieuw of neem contact op met uw helpdesk.',
    'oidc.provider_error_code': 'Foutcode van de identiteitsprovider: {code}',
    'oidc.response_invalid_title': 'Aanmelding mislukt',
    'oidc.response_invalid_body':
      'Het antwoord van de identiteitsprovider kon niet worden gecontroleerd. Begin de aanmelding opnieuw.',
    'oidc.email_missing_title': 'E-mailadres ontbreekt',
    'oidc.email_missing_body':
      'De identiteitsprovider gaf geen bevestigd e-mailadres door. Zonder dat adres kunnen we geen account voor u vinden of aanmaken. Neem contact op met de beheerder.',
    'oidc.account_refused_title': 'Geen toegang met dit account',
    'oidc.account_refused_body':
      'U kunt zich met dit account niet aanmelden bij het Integriteitsloket. Neem contact op met de beheerder.',
    'oidc.try_again': 'Opnieuw proberen',
    'oidc.back_to_login': 'Terug naar de aanmeldpagina',
  },
  {
    'oidc.unreachable_title': 'Identity provider unreachable',
    'oidc.unreachable_body':
      "We could not reach your organisation's identity provider just now. Try again in a few minutes, or log in with your username and password.",
    'oidc.flow_invalid_title': 'Sign-in expired',
    'oidc.flow_invalid_body': 'This sign-in has expired or was not started on this site. Please start again.',
    'oidc.provider_refused_title': 'Sign-in did not succeed',
    'oidc.provider_refused_body':
      "Your organisation's identity provider did not sign you in. Try again or contact your help desk.",
    'oidc.provider_error_code': 'Error code from the identity provider: {code}',
    'oidc.response_invalid_title': 'Sign-in failed',
    'oidc.response_invalid_body':
      "The identity provider's answer could not be verified. Please start the sign-in again.",
    'oidc.email_missing_title': 'E-mail address missing',
    'oidc.email_missing_body':
      'The identity provider did not share a confirmed e-mail address. Without it we cannot find or create an account for you. Please contact the administrator.',
    'oidc.account_refused_title': 'No access with this account',
    'oidc.account_refused_body':
      'You cannot log in to Integrity Desk with this account. Please contact the administrator.',
    'oidc.try_again': 'Try again',
    'oidc.back_to_login': 'Back to the login page',
  },
);
