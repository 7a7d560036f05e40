import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { isLocale, localeFromAcceptLanguage, LOCALE_COOKIE } from './config';
import { loadMessages } from './messages';
import { appLocaleFor, isPublicLocale, loadPublicMessages, PUBLIC_LOCALE_HEADER } from './public-locales';

// No locale in the URL: staff and clients share links, and the language is a person's choice
// (cookie, later their profile), falling back to the browser's Accept-Language.
export default getRequestConfig(async () => {
  const requestHeaders = await headers();
  const publicLocale = requestHeaders.get(PUBLIC_LOCALE_HEADER);
  if (isPublicLocale(publicLocale)) {
    // A public page (proxy.ts chose its language): the public catalogues in that language over the app's nearest
    // (German pages reuse English for the few app strings they show, such as the language names).
    const [app, publicMessages] = await Promise.all([loadMessages(appLocaleFor(publicLocale)), loadPublicMessages(publicLocale)]);
    return { locale: publicLocale, timeZone: 'Europe/Brussels', messages: { ...app, ...publicMessages } };
  }
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage(requestHeaders.get('accept-language'));
  return {
    locale,
    timeZone: 'Europe/Brussels',
    messages: await loadMessages(locale),
  };
});
