import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/current-actor';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/config';
import { setLocale } from '@/lib/i18n/set-locale';
import { getFirmContext } from '@/lib/server/firm/get-firm-context';

// The sign-in link lands the client here, signed in: the portal opens in their own language (their portal
// user's, which is the language the advisor recorded for them) unless this browser already chose one.
// The session is only readable on the request after sign-in, so this cannot happen inside the sign-in action.
export async function GET() {
  const actor = await currentActor();
  if (actor?.kind !== 'client') redirect('/portal/sign-in');
  if (!isLocale((await cookies()).get(LOCALE_COOKIE)?.value)) {
    const { user } = await getFirmContext({ actor });
    await setLocale(user.locale);
  }
  redirect('/portal');
}
