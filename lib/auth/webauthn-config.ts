import { env } from '@/lib/env';

/** The relying party passkeys are made for and checked against: APP_URL's host and origin unless overridden. */
export function webAuthnRelyingParty(): { rpID: string; rpName: string; origin: string } {
  const { APP_URL, WEBAUTHN_RP_ID, WEBAUTHN_ORIGIN } = env();
  const app = new URL(APP_URL);
  return { rpID: WEBAUTHN_RP_ID ?? app.hostname, rpName: 'Sejour', origin: WEBAUTHN_ORIGIN ? new URL(WEBAUTHN_ORIGIN).origin : app.origin };
}
