import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ClientComboboxField } from '@/components/form/client-combobox-field';
import type { ComboboxOption } from '@/components/ui/combobox';

/** The first step of a new case opened without a client: pick one, then the case form for that client opens. */
export async function ChooseClientForm({ initialOptions }: { initialOptions: ComboboxOption[] }) {
  const t = await getTranslations('caseView');
  return (
    <form method="get" action="/cases/new" className="space-y-4">
      <ClientComboboxField id="case-client" name="clientId" label={t('client')} hint={t('chooseClientHint')} placeholder={t('chooseClient')} initialOptions={initialOptions} />
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">
          {t('continue')}
        </button>
        <Link href="/clients/new" className="text-brand-700 underline">
          {t('orNewClient')}
        </Link>
      </div>
    </form>
  );
}
