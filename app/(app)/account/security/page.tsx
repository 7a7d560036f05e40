import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import QRCode from 'qrcode';
import { FormMessage } from '@/components/form/form-message';
import { requireStaff } from '@/lib/auth/current-actor';
import { startTotpEnrolment } from '@/lib/server/account/totp-enrolment';
import { ConfirmTotpForm } from './confirm-totp-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('security');
  return { title: t('heading') };
}

export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ required?: string }> }) {
  const actor = await requireStaff();
  const { required } = await searchParams;
  const t = await getTranslations('security');
  const enrolment = await startTotpEnrolment({ actor });
  const qr = enrolment ? await QRCode.toDataURL(enrolment.uri, { margin: 1, width: 200 }) : null;
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      {required && enrolment ? <FormMessage tone="info">{t('requiredByFirm')}</FormMessage> : null}
      {enrolment ? (
        <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="font-semibold">{t('setUpHeading')}</h2>
          <p className="text-sm text-slate-700">{t('setUpIntro')}</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL generated per person, nothing to optimise */}
          <img src={qr ?? ''} alt={t('qrAlt')} width={200} height={200} />
          <p className="text-sm text-slate-700">
            {t('manualKey')} <code data-testid="totp-key" className="rounded bg-slate-100 px-2 py-1 font-mono">{enrolment.manualKey}</code>
          </p>
          <ConfirmTotpForm />
        </section>
      ) : (
        <FormMessage tone="success">{t('enabled')}</FormMessage>
      )}
    </div>
  );
}
