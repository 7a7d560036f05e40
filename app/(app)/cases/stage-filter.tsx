'use client';

import { ChevronDown } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';

/**
 * The stage filter's ticks in a popover. The popover's panel leaves the page when closed (and sits in a portal
 * when open), so the ticks are held here and posted by hidden fields that always stay inside the filter form.
 */
export function StageFilter({ stages, defaultChosen }: { stages: { value: string; label: string }[]; defaultChosen: string[] }) {
  const t = useTranslations('casesTable.filters');
  const [chosen, setChosen] = useState<string[]>(defaultChosen);
  const toggle = (stage: string, on: boolean) => setChosen((now) => (on ? [...now, stage] : now.filter((s) => s !== stage)));
  return (
    <Popover>
      {chosen.map((stage) => (
        <input key={stage} type="hidden" name="stage" value={stage} />
      ))}
      <PopoverTrigger asChild>
        <Button variant="secondary" className="self-start">
          {t('stage')}: {chosen.length === 0 ? t('allStages') : t('stagesChosen', { count: chosen.length })}
          <ChevronDown aria-hidden="true" />
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="p-3 text-sm">
        <fieldset className="grid w-max grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2">
          <legend className="sr-only">{t('stage')}</legend>
          {stages.map((stage) => (
            <label key={stage.value} className="flex items-center gap-2">
              <input type="checkbox" checked={chosen.includes(stage.value)} onChange={(event) => toggle(stage.value, event.target.checked)} />
              {stage.label}
            </label>
          ))}
        </fieldset>
      </PopoverContent>
    </Popover>
  );
}
