import type { Role } from './role.js';

/**
 * The demo accounts that `npm run demo` creates, one per role, with one shared password.
 * The login page lists them in demo mode only; outside demo mode none of them exists.
 */
export const DEMO_PASSWORD = 'integriteit-demo';

export const demoAccounts: readonly { readonly username: string; readonly role: Role }[] = [
  { username: 'admin', role: 'admin' },
  { username: 'coordinator', role: 'coordinator' },
  { username: 'handler', role: 'handler' },
  { username: 'investigator', role: 'investigator' },
  { username: 'counselor', role: 'counselor' },
  { username: 'manager', role: 'manager' },
  { username: 'staff', role: 'staff' },
  { username: 'agent', role: 'agent' },
  { username: 'discipline', role: 'discipline' },
];
