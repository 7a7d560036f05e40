/** Where a client lands once signed in (verify/language/route.ts): it settles the portal's language, then opens the portal. */
export const SIGNED_IN_LANDING = '/portal/sign-in/verify/language';
