import { fromDbDate, type PlainDate } from '@/lib/dates';
import { dateFormatter } from '@/lib/format/date-formatter';

type LegalDateProps = { date: PlainDate | Date; locale: string; today?: PlainDate; short?: boolean; relative?: boolean; className?: string; testId?: string };

/**
 * A legal date as people read it, "7 December 2026", with the distance to it beside ("in 2 days") so nobody
 * counts on their fingers. Pass `today` (Brussels) where the page already knows it, so server and client agree.
 */
export function LegalDate({ date, locale, today, short = false, relative = true, className, testId }: LegalDateProps) {
  const format = dateFormatter(locale);
  const plain = typeof date === 'string' ? date : fromDbDate(date);
  return (
    <span className={className}>
      <time dateTime={plain} data-testid={testId}>{short ? format.short(plain) : format.long(plain)}</time>
      {relative ? <span className="text-slate-600"> ({format.relative(plain, today)})</span> : null}
    </span>
  );
}
