'use client';

import { ThumbsDown } from 'lucide-react';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogHeader, DialogTrigger } from '@/components/ui/dialog';
import { reviewDocumentAction } from './document-actions';

/**
 * Rejecting a client's document asks in a dialog for the reason the client will read (by email and in the
 * portal), so a stray click never sends "not accepted". A refusal (no reason) stays in the dialog.
 */
export function RejectDocumentDialog({ caseId, itemId, versionId, labels }: {
  caseId: string;
  itemId: string;
  versionId: string;
  labels: { trigger: string; title: string; text: string; reason: string; placeholder: string; cancel: string; close: string };
}) {
  const [open, setOpen] = useState(false);
  const fieldId = `reason-${itemId}`;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" className="border-red-700 text-red-800 hover:bg-red-50">
          <ThumbsDown aria-hidden="true" />
          {labels.trigger}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={labels.close}>
        <DialogHeader title={labels.title} description={labels.text} />
        <ActionForm action={reviewDocumentAction} onSuccess={() => setOpen(false)} className="space-y-3">
          <input type="hidden" name="caseId" value={caseId} />
          <input type="hidden" name="itemId" value={itemId} />
          <input type="hidden" name="versionId" value={versionId} />
          <input type="hidden" name="decision" value="REJECT" />
          <div className="space-y-1">
            <label className="block text-sm font-medium" htmlFor={fieldId}>{labels.reason}</label>
            <textarea id={fieldId} name="reason" rows={3} placeholder={labels.placeholder} className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">{labels.cancel}</Button>
            </DialogClose>
            <Button type="submit" variant="destructive">{labels.trigger}</Button>
          </DialogFooter>
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
