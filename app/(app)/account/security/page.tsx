import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import QRCode from 'qrcode';
import { ConfirmDeleteForm } from '@/components/form/confirm-delete-form';
import { FormMessage } from '@/components/form/form-message';
import { requireStaff } from '@/lib/auth/current-actor';
import { getSecondFactors } from '@/lib/server/account/get-second-factors';
import { startTotpEnrolment } from '@/lib/server/account/totp-enrolment';
import { getFirmContext } from '@/lib/server/firm/get-firm-context';
import { disableTotpAction } from './actions';
import { ConfirmTotpForm } from './confirm-totp-form';
import { AddPasskeyForm, DeletePasskeyForm, RenamePasskeyForm } from './passkey-forms';
import { RegenerateRecoveryCodesForm } from './recovery-codes';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('security');
  return { title: t('heading') };
}

const card = 'space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm';

export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ required?: string }> }) {
  const actor = await requireStaff();
  const { required } = await searchParams;
  const t = await getTranslations('security');
  const dates = await getDateFormatter();
  const [enrolment, factors, { firm, mustEnrollSecondFactor }] = await Promise.all([startTotpEnrolment({ actor }), getSecondFactors({ actor }), getFirmContext({ actor })]);
  const qr = enrolment ? await QRCode.toDataURL(enrolment.uri, { margin: 1, width: 200 }) : null;
  const date = (value: Date) => dates.instantDate(value);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">{t('heading')}</h1>
      {required && mustEnrollSecondFactor ? <FormMessage tone="info">{firm.secondFactorPolicy === 'PASSKEY' ? t('passkeyRequiredByFirm') : t('requiredByFirm')}</FormMessage> : null}
      {enrolment ? (
        <section className={card}>
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
        <div className="space-y-2">
          <FormMessage tone="success">{t('enabled')}</FormMessage>
          <ConfirmDeleteForm action={disableTotpAction} fields={{}} name={t('totpAppName')} label={t('totpDisable')} question={t('totpDisableQuestion')} />
        </div>
      )}
      <section aria-labelledby="passkeys-heading" className={card}>
        <h2 id="passkeys-heading" className="font-semibold">{t('passkeysHeading')}</h2>
        <p className="text-sm text-slate-700">{t('passkeysIntro')}</p>
        {factors.passkeys.length ? (
          <ul className="divide-y divide-slate-200">
            {factors.passkeys.map((passkey) => (
              <li key={passkey.id} className="flex flex-wrap items-end justify-between gap-3 py-3" data-testid="passkey">
                <div className="space-y-1 text-sm">
                  <p className="font-medium">{passkey.name}</p>
                  <p className="text-slate-600">{t('passkeyAdded', { date: date(passkey.createdAt) })} · {passkey.lastUsedAt ? t('passkeyLastUsed', { date: date(passkey.lastUsedAt) }) : t('passkeyNeverUsed')}</p>
                  <RenamePasskeyForm passkeyId={passkey.id} name={passkey.name} />
                </div>
                <DeletePasskeyForm passkeyId={passkey.id} name={passkey.name} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t('passkeysNone')}</p>
        )}
        <AddPasskeyForm />
      </section>
      {factors.recoveryCodesIssued > 0 ? (
        <section aria-labelledby="recovery-heading" className={card}>
          <h2 id="recovery-heading" className="font-semibold">{t('recoveryHeading')}</h2>
          <p className="text-sm text-slate-700">{t('recoveryLeft', { count: factors.recoveryCodesLeft })}</p>
          <RegenerateRecoveryCodesForm />
        </section>
      ) : null}
    </div>
  );
}
