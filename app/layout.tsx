import '@fontsource-variable/inter';
import './globals.css';
import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Toaster } from '@/components/ui/toaster';
import { CLIENT_MESSAGE_PATHS, pickMessages } from '@/lib/i18n/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meta');
  return { title: { default: t('title'), template: `%s · ${t('title')}` }, description: t('description') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  // Only what client components read goes to the browser (and into every page's payload).
  const messages = pickMessages(await getMessages(), CLIENT_MESSAGE_PATHS);
  const tu = await getTranslations('ui.toasts');
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>
        {/* one toast region for the workspace, the portal and the public pages alike */}
        <Toaster label={tu('region')} closeLabel={tu('close')} />
      </body>
    </html>
  );
}
