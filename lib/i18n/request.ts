import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { isLocale, localeFromAcceptLanguage, LOCALE_COOKIE } from './config';
import { loadMessages } from './messages';

// No locale in the URL: staff and clients share links, and the language is a person's choice
// (cookie, later their profile), falling back to the browser's Accept-Language.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage((await headers()).get('accept-language'));
  return {
    locale,
    timeZone: 'Europe/Brussels',
    messages: await loadMessages(locale),
  };
});
