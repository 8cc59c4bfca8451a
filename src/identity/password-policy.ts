/**
 * The password policy for local accounts (pure, no I/O). Used when the first admin is created,
 * when a user changes their password and when an admin sets an initial password.
 *
 * Length is what makes a password strong, so the rules are few: at least 12 characters, at most
 * 200 (Argon2 input stays bounded), not built from the user's own name or e-mail address, and not
 * one of the passwords that every guessing list starts with.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** Why a password is refused; each value is a message key in both catalogues. */
export type PasswordProblem =
  | 'password.error_too_short'
  | 'password.error_too_long'
  | 'password.error_contains_username'
  | 'password.error_contains_email'
  | 'password.error_too_common';

/**
 * Words that guessing lists try first with digits or symbols around them ("Wachtwoord2024!").
 * Stored lowercase; a password whose letters, stripped of leading and trailing non-letters, are one
 * of these is refused.
 */
const commonWords: ReadonlySet<string> = new Set([
  'password',
  'passw',
  'passwd',
  'wachtwoord',
  'paswoord',
  'motdepasse',
  'welkom',
  'welcome',
  'qwerty',
  'qwertyuiop',
  'azerty',
  'azertyuiop',
  'qwertz',
  'letmein',
  'iloveyou',
  'admin',
  'administrator',
  'beheerder',
  'monkey',
  'dragon',
  'football',
  'voetbal',
  'sunshine',
  'princess',
  'master',
  'secret',
  'geheim',
  'changeme',
  'default',
  'login',
  'abc',
  'abcdef',
  'abcdefgh',
  'integriteit',
  'integrity',
  'integriteitsloket',
  'vlaanderen',
  'belgie',
  'belgium',
  'brussel',
  'antwerpen',
  'gent',
  'zomer',
  'winter',
  'lente',
  'herfst',
  'summer',
  'spring',
  'autumn',
  'januari',
  'january',
]);

/** Whole passwords of 12 or more characters that lead public breach lists. */
const commonPasswords: ReadonlySet<string> = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123123123123',
  '123451234512345',
  '098765432109',
  '112233445566',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'q1w2e3r4t5y6',
  'qwertyuiopasdfgh',
  'qwertyuiopasdfghjkl',
  'azertyuiopqsdfghjklm',
  'asdfghjkl123',
  'zxcvbnm12345',
  'qazwsxedcrfv',
  'passwordpassword',
  'iloveyouiloveyou',
  'trustno1trustno1',
  'correcthorsebatterystaple',
]);

/**
 * Checks a new password against the policy.
 * @returns the first problem found (a message key), or null when the password is acceptable.
 */
export function checkPassword(
  password: string,
  context: { readonly username?: string | undefined; readonly email?: string | undefined } = {},
): PasswordProblem | null {
  // Characters as people count them: an emoji or accented letter is one, not two UTF-16 units.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'password.error_too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'password.error_too_long';
  const lower = password.toLowerCase();
  const username = context.username?.trim().toLowerCase() ?? '';
  if (username.length >= 3 && lower.includes(username)) return 'password.error_contains_username';
  const localPart = (context.email?.trim().toLowerCase() ?? '').split('@')[0] ?? '';
  if (localPart.length >= 3 && lower.includes(localPart)) return 'password.error_contains_email';
  if (isCommonPassword(lower)) return 'password.error_too_common';
  return null;
}

function isCommonPassword(lower: string): boolean {
  if (commonPasswords.has(lower)) return true;
  // One character repeated, or a run of one digit sequence ("aaaaaaaaaaaa", "111111111111").
  if (new Set(lower).size <= 2) return true;
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (commonWords.has(core)) return true;
  // A short pattern or a common word said over and over ("abcabcabcabc", "welkomwelkom").
  const unit = /^(.+?)\1+$/u.exec(core)?.[1];
  if (unit !== undefined && (unit.length <= 3 || commonWords.has(unit))) return true;
  // Only common words, separated by digits or symbols ("wachtwoord12wachtwoord", "zomer-winter-lente").
  const letters = lower
    .replace(/[^\p{L}]+/gu, ' ')
    .trim()
    .split(' ');
  return letters.length > 0 && letters.every((word) => commonWords.has(word));
}
