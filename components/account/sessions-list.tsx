import { getTranslations } from 'next-intl/server';
import { getDateFormatter } from '@/lib/format/get-date-formatter';
import type { ActionResult } from '@/lib/errors';
import type { MySession } from '@/lib/server/account/list-my-sessions';
import { EndSessionButton } from './end-session-button';

const cell = 'px-3 py-2 align-top';

type State = ActionResult<unknown> | null;

/** Where a person is signed in, for staff (/account/sessions) and clients (/portal/sessions): each ends its own. */
export async function SessionsList({ sessions, endAction, portal = false }: { sessions: MySession[]; endAction: (state: State, form: FormData) => Promise<State>; portal?: boolean }) {
  const t = await getTranslations('sessions');
  const dates = await getDateFormatter();
  const when = (date: Date) => dates.dateTime(date);
  const deviceText = (session: MySession) =>
    [session.device.browser ?? t('unknownBrowser'), session.device.os ? t('on', { os: session.device.os }) : null, session.device.platform ? t(`platform.${session.device.platform}`) : null]
      .filter(Boolean)
      .join(' ');
  const others = sessions.filter((session) => !session.current);
  return (
    <section aria-labelledby="sessions-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="sessions-heading" className="font-semibold">{t('listHeading')}</h2>
      <p className="text-sm text-slate-700">{t(portal ? 'portalIntro' : 'intro')}</p>
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <thead className="text-left text-slate-600">
            <tr>
              <th className={cell}>{t('device')}</th>
              <th className={cell}>{t('ip')}</th>
              <th className={cell}>{t('firm')}</th>
              <th className={cell}>{t('signedIn')}</th>
              <th className={cell}>{t('lastSeen')}</th>
              <th className={cell}><span className="sr-only">{t('actions')}</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {sessions.map((session) => (
              <tr key={session.id} data-testid="session-row">
                <td className={cell}>
                  {deviceText(session)}
                  {session.current ? <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900">{t('thisDevice')}</span> : null}
                </td>
                <td className={`${cell} font-mono`}>{session.ip ?? t('unknownIp')}</td>
                <td className={cell}>{session.firmName ?? ''}</td>
                <td className={cell}>{when(session.signedInAt)}</td>
                <td className={cell}>{when(session.lastSeenAt)}</td>
                <td className={cell}>{session.current ? null : <EndSessionButton action={endAction} sessionId={session.id} device={deviceText(session)} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {others.length ? <EndSessionButton action={endAction} others /> : <p className="text-sm text-slate-600">{t('onlyThis')}</p>}
    </section>
  );
}
