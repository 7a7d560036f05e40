'use client';

import { useActionState, useState } from 'react';
import { FormMessage } from '@/components/form/form-message';
import { cancelBookingAction, rescheduleBookingAction, type BookingActionState } from './actions';

// The cancel and move forms of a manage link. The page may be in German, which the app catalogues sent to the
// browser do not speak, so every word arrives translated from the server (props), refusals included.

export type ManageLabels = {
  cancelHeading: string; cancel: string; cancelQuestion: string; cancelYes: string; cancelNo: string; cancelled: string;
  rescheduleHeading: string; chooseSlot: string; noSlots: string; move: string; moved: string;
};

/** The refusal in the booking's language: the operation's own key when the page has it, else a generic line. */
function refusal(state: BookingActionState, errors: Record<string, string>): string | null {
  if (!state || state.ok) return null;
  const field = Object.values(state.fieldErrors ?? {}).flat()[0];
  const key = state.userMessage.startsWith('booking.errors.') ? state.userMessage.slice('booking.errors.'.length) : field;
  return (key && errors[key]) || errors.generic || null;
}

export function ManageBookingForms({ token, labels, errors, slots }: { token: string; labels: ManageLabels; errors: Record<string, string>; slots: { id: string; label: string }[] }) {
  const [cancelState, cancel, cancelling] = useActionState(cancelBookingAction, null);
  const [moveState, move, moving] = useActionState(rescheduleBookingAction, null);
  const [asking, setAsking] = useState(false);
  if (cancelState?.ok) return <FormMessage tone="success">{labels.cancelled}</FormMessage>;
  const cancelError = refusal(cancelState, errors);
  const moveError = refusal(moveState, errors);
  return (
    <div className="space-y-6">
      <section aria-labelledby="move-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="move-heading" className="font-semibold">{labels.rescheduleHeading}</h2>
        {moveState?.ok ? <FormMessage tone="success">{labels.moved}</FormMessage> : null}
        {moveError ? <FormMessage tone="error">{moveError}</FormMessage> : null}
        {slots.length === 0 ? (
          <p className="text-slate-700">{labels.noSlots}</p>
        ) : (
          <form action={move} className="space-y-3" aria-busy={moving}>
            <input type="hidden" name="token" value={token} />
            <fieldset disabled={moving} className="space-y-2">
              <legend className="text-sm font-medium text-slate-800">{labels.chooseSlot}</legend>
              {slots.map((slot) => (
                <label key={slot.id} className="flex items-start gap-2 text-sm">
                  <input type="radio" name="slotId" value={slot.id} className="mt-1" />
                  <span>{slot.label}</span>
                </label>
              ))}
            </fieldset>
            <button type="submit" disabled={moving} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60">{labels.move}</button>
          </form>
        )}
      </section>
      <section aria-labelledby="cancel-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="cancel-heading" className="font-semibold">{labels.cancelHeading}</h2>
        {cancelError ? <FormMessage tone="error">{cancelError}</FormMessage> : null}
        {asking ? (
          <form action={cancel} className="flex flex-wrap items-center gap-2" aria-busy={cancelling}>
            <input type="hidden" name="token" value={token} />
            <span role="status">{labels.cancelQuestion}</span>
            <button type="submit" disabled={cancelling} className="rounded-md bg-red-700 px-3 py-1 font-medium text-white hover:bg-red-800">{labels.cancelYes}</button>
            <button type="button" onClick={() => setAsking(false)} className="rounded-md border border-slate-300 px-3 py-1">{labels.cancelNo}</button>
          </form>
        ) : (
          <button type="button" onClick={() => setAsking(true)} className="rounded-md border border-red-700 px-4 py-2 font-medium text-red-800 hover:bg-red-50">{labels.cancel}</button>
        )}
      </section>
    </div>
  );
}
