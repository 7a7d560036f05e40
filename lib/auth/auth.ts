import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { contextFromHeaders } from '@/lib/server/request-context';
import { redeemMagicLink } from './magic-link';
import { challengeIdFromCookies, passkeySignIn } from './passkey-sign-in';
import type { SecondFactorOffer } from './second-factor';
import { CLIENT_SESSION_HOURS } from './sessions';
import { SignInRefused, staffSignIn } from './staff-sign-in';

// Auth.js handles the cookie (encrypted JWT, httpOnly, SameSite=Lax, __Secure- prefix over https) and
// the CSRF token of its own endpoints. The JWT carries only our session id ("sid"); lib/auth/current-actor.ts
// checks that session in Postgres on every request.

// Auth.js hands a server action's signIn() the error thrown here as is, so the offer of a second step (which
// passkey challenge to sign) reaches the sign-in form along with the code.
export class Refused extends CredentialsSignin {
  constructor(
    code: string,
    readonly secondFactor?: SecondFactorOffer,
  ) {
    super();
    this.code = code;
  }
}

declare module 'next-auth' {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sid?: string;
  }
}

// Lazy configuration: env() is read on the first request, not when `next build` imports this file.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: 'jwt', maxAge: CLIENT_SESSION_HOURS * 3600 },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    Credentials({
      id: 'password',
      credentials: { email: {}, password: {}, totp: {}, recoveryCode: {}, passkey: {}, challengeId: {} },
      async authorize(credentials, request) {
        try {
          const { sessionId, userId } = await staffSignIn(credentials, contextFromHeaders(request.headers));
          return { id: userId, sessionId };
        } catch (error) {
          if (error instanceof SignInRefused) throw new Refused(error.reason, error.secondFactor);
          throw error;
        }
      },
    }),
    // A passkey alone (passkey-sign-in.ts); the challenge it signed is named by an httpOnly cookie, not the form.
    Credentials({
      id: 'passkey',
      credentials: { response: {} },
      async authorize(credentials, request) {
        try {
          const input = { challengeId: challengeIdFromCookies(request.headers.get('cookie')), response: credentials.response };
          const { sessionId, userId } = await passkeySignIn(input, contextFromHeaders(request.headers));
          return { id: userId, sessionId };
        } catch (error) {
          if (error instanceof SignInRefused) throw new Refused(error.reason);
          throw error;
        }
      },
    }),
    Credentials({
      id: 'magic-link',
      credentials: { token: {} },
      async authorize(credentials, request) {
        const result = await redeemMagicLink(String(credentials.token ?? ''), contextFromHeaders(request.headers));
        if (!result) throw new Refused('link_invalid');
        return { id: result.userId, sessionId: result.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: typeof token.sid === 'string' ? token.sid : undefined };
    },
  },
}));
