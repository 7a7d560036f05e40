'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { brusselsDate } from '@/lib/dates';
import { dateFormatter } from '@/lib/format/date-formatter';
import { appealDueFromNotification, daysLeft } from '@/lib/rules/inquiry-appeal';
import { parseTypedDate } from '@/lib/rules/typed-date';
import { dateInputAttributes } from '@/components/form/date-input';
import { AppealNotice } from './appeal-notice';
import { IntakeField, inputClass } from './intake-field';

export type SlotOption = { id: string; day: string; time: string; summary: string };
type Sent = { appeal: { dueOn: string; daysLeft: number } | null; booking: { startsAt: string } | null; email: string };
/** The route's refusal, already in the person's language. */
type Refusal = { message?: string; fields?: Record<string, string> };

/**
 * The public form: a consultation time (optional), who the person is, what it is about and the letter. Sent with
 * fetch as multipart to the route beside this page, which answers JSON; nothing the person typed is ever echoed
 * as markup. The honeypot field is hidden from people and screen readers; scripts fill it.
 */
export function IntakeForm({ firmSlug, language, formToken, slots, countries, topics }: {
  firmSlug: string;
  language: string;
  formToken: string;
  slots: SlotOption[];
  countries: { code: string; name: string }[];
  topics: string[];
}) {
  const t = useTranslations('publicPage');
  const locale = useLocale();
  const [topic, setTopic] = useState('');
  const [notifiedOn, setNotifiedOn] = useState('');
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const today = brusselsDate();
  const notified = parseTypedDate(notifiedOn);
  const preview = topic === 'REFUSAL' && notified && notified <= today ? appealDueFromNotification(notified) : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const letter = data.get('letter');
    if (letter instanceof File && letter.size === 0) data.delete('letter');
    setPending(true);
    setRefusal(null);
    try {
      const response = await fetch(`/f/${encodeURIComponent(firmSlug)}/intake`, { method: 'POST', body: data, headers: { Accept: 'application/json' } });
      const body = (await response.json().catch(() => null)) as ({ ok: boolean; data?: Sent } & Refusal) | null;
      if (body?.ok && body.data) {
        setSent({ ...body.data, email: String(data.get('email') ?? '') });
        window.scrollTo({ top: 0 });
      } else setRefusal({ message: body?.message, fields: body?.fields });
    } catch {
      setRefusal({});
    } finally {
      setPending(false);
    }
  }

  if (sent) {
    return (
      <section aria-labelledby="sent-heading" className="space-y-3 rounded-lg border border-emerald-200 bg-emerald-50 p-5" role="status">
        <h2 id="sent-heading" className="text-xl font-semibold text-emerald-900">{t('sent.heading')}</h2>
        {sent.booking ? (
          <p>{t('sent.booked', { when: dateFormatter(locale).dateTime(sent.booking.startsAt, { weekday: true }), email: sent.email })}</p>
        ) : (
          <p>{t('sent.noBooking')}</p>
        )}
        {sent.appeal ? <AppealNotice dueOn={sent.appeal.dueOn} daysLeft={sent.appeal.daysLeft} /> : null}
      </section>
    );
  }

  const fieldError = (name: string) => refusal?.fields?.[name];
  const message = refusal ? (refusal.message ?? t('errors.generic')) : null;

  return (
    <form onSubmit={submit} action={`/f/${encodeURIComponent(firmSlug)}/intake`} method="post" encType="multipart/form-data" className="space-y-8" aria-busy={pending} noValidate>
      {message ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-red-900">{message}</p> : null}
      <input type="hidden" name="formToken" value={formToken} />
      <input type="hidden" name="language" value={language} />
      {/* The honeypot: off-screen, out of the tab order and hidden from assistive technology. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label>
          Website
          <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>
      <fieldset disabled={pending} className="space-y-8">
        <section aria-labelledby="slot-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
          <h2 id="slot-heading" className="text-lg font-semibold">{t('slot.heading')}</h2>
          <p className="text-sm text-slate-600">{t('slot.hint')}</p>
          <div role="radiogroup" aria-labelledby="slot-heading" className="space-y-2">
            {slots.map((slot) => (
              <label key={slot.id} className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
                <input type="radio" name="slotId" value={slot.id} className="mt-1" />
                <span>
                  <span className="block font-medium">{slot.day}, {slot.time}</span>
                  <span className="block text-sm text-slate-600">{slot.summary}</span>
                </span>
              </label>
            ))}
            <label className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3">
              <input type="radio" name="slotId" value="" defaultChecked className="mt-1" />
              <span>{slots.length > 0 ? t('slot.none') : t('slot.noneOffered')}</span>
            </label>
          </div>
          {fieldError('slotId') ? <p className="text-sm text-red-700">{fieldError('slotId')}</p> : null}
        </section>

        <section aria-labelledby="you-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
          <h2 id="you-heading" className="text-lg font-semibold">{t('you.heading')}</h2>
          <div className="grid gap-4 sm:grid-cols-2">
            <IntakeField label={t('you.firstName')} name="firstName" required autoComplete="given-name" error={fieldError('firstName')} />
            <IntakeField label={t('you.lastName')} name="lastName" required autoComplete="family-name" error={fieldError('lastName')} />
            <IntakeField label={t('you.email')} name="email" type="email" required autoComplete="email" error={fieldError('email')} />
            <IntakeField label={t('you.phone')} name="phone" type="tel" autoComplete="tel" error={fieldError('phone')} />
            <IntakeField label={t('you.nationality')} name="nationality" error={fieldError('nationality')}>
              {(props) => (
                <select {...props} defaultValue="" className={inputClass}>
                  <option value="">{t('you.choose')}</option>
                  {countries.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
                </select>
              )}
            </IntakeField>
            <IntakeField label={t('you.birthDate')} name="birthDate" error={fieldError('birthDate')} {...dateInputAttributes(locale, { autoComplete: 'bday' })} />
            <IntakeField label={t('you.residenceCountry')} name="residenceCountry" error={fieldError('residenceCountry')}>
              {(props) => (
                <select {...props} defaultValue="BE" className={inputClass}>
                  <option value="">{t('you.choose')}</option>
                  {countries.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
                </select>
              )}
            </IntakeField>
            <IntakeField label={t('you.residenceCommune')} name="residenceCommune" autoComplete="address-level2" error={fieldError('residenceCommune')} />
            <IntakeField label={t('you.nationalRegisterNumber')} name="nationalRegisterNumber" inputMode="numeric" hint={t('you.nationalRegisterNumberHint')} error={fieldError('nationalRegisterNumber')} />
          </div>
        </section>

        <section aria-labelledby="question-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
          <h2 id="question-heading" className="text-lg font-semibold">{t('question.heading')}</h2>
          <IntakeField label={t('question.topic')} name="topic" required error={fieldError('topic')}>
            {(props) => (
              <select {...props} value={topic} onChange={(e) => setTopic(e.target.value)} className={inputClass}>
                <option value="">{t('you.choose')}</option>
                {topics.map((code) => <option key={code} value={code}>{t(`topics.${code}`)}</option>)}
              </select>
            )}
          </IntakeField>
          {topic === 'REFUSAL' ? (
            <div className="space-y-3">
              <IntakeField label={t('question.refusalNotifiedOn')} name="refusalNotifiedOn" required hint={t('question.refusalNotifiedOnHint')} error={fieldError('refusalNotifiedOn')} {...dateInputAttributes(locale, { value: notifiedOn, onChange: (e) => setNotifiedOn(e.target.value) })} />
              {preview ? <AppealNotice dueOn={preview} daysLeft={daysLeft(preview, today)} /> : null}
            </div>
          ) : null}
          <IntakeField label={t('question.text')} name="question" required hint={t('question.textHint')} error={fieldError('question')}>
            {(props) => <textarea {...props} rows={6} maxLength={5000} className={inputClass} />}
          </IntakeField>
          <IntakeField label={t('question.letter')} name="letter" type="file" accept=".pdf,.jpg,.jpeg,.png,.heic,.webp,.docx,.odt,application/pdf,image/*" hint={t('question.letterHint')} error={fieldError('letter')} />
        </section>

        <div className="space-y-4">
          <label className="flex items-start gap-3 text-sm">
            <input type="checkbox" name="consent" required className="mt-1" aria-describedby={fieldError('consent') ? 'consent-error' : undefined} />
            <span>{t('consent')}</span>
          </label>
          {fieldError('consent') ? <p id="consent-error" className="text-sm text-red-700">{fieldError('consent')}</p> : null}
          <button type="submit" className="w-full rounded-md bg-brand-700 px-4 py-3 font-medium text-white hover:bg-brand-900 disabled:opacity-60 sm:w-auto">
            {pending ? t('sending') : t('send')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
