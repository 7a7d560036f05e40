import { compareDates, isPlainDate, type PlainDate } from './plain-date';
import type { Confidence, Locale } from './vocabulary';

// The legal-aid (pro deo) point lists for alien-law work, as dated parameters. The BJB/BAJ pays the designated
// lawyer in points per the nomenclature of the Ministerial Decree of 19 July 2016 and its later amendments (the
// "2024" list). A service is valued by the list in force on the day it was performed, and the entry keeps the
// list's id and its points, so a new list never rewrites an old file.
//
// The point values below could NOT be checked against the published nomenclature from the machine this was
// written on: they are plausible placeholders, every list is marked confidence 'L', and its `source` says "to
// verify against the published nomenclature". The structure (codes, dated lists, hundredths) is what the app
// relies on; correcting a value is a data change here.
//
// Checked (ejustice.just.fgov.be/eli/besluit/2016/07/19/2016009402/justel): the 2016 decree is in force from
// 1 September 2016 (the date below), each point stands for one hour of work (art. 1), and the base points of a
// case can be claimed once per client, or once for clients with the same interests in the same case (art. 2).

export interface PointListItem {
  code: string;
  /** Points in hundredths (a half point is 50), per unit of quantity. */
  points: number;
  labels: Record<Locale, string>;
}

export interface PointList {
  id: string;
  /** Inclusive, a Brussels plain date. */
  effectiveFrom: PlainDate;
  /** Exclusive; absent for the list in force today. */
  effectiveUntil?: PlainDate;
  source: string;
  confidence: Confidence;
  items: readonly PointListItem[];
}

const TO_VERIFY = 'to verify against the published nomenclature';

const item = (code: string, points: number, en: string, nl: string, fr: string): PointListItem => ({ code, points, labels: { en, nl, fr } });

// The services shared by both lists, with the 2016 values; the 2024 list revalues some and adds one.
const OPENING = (p: number) => item('OPENING', p, 'First consultation and opening of the file', 'Eerste consultatie en opening van het dossier', 'Première consultation et ouverture du dossier');
const APPLICATION = (p: number) => item('APPLICATION', p, 'Application file at the commune or the DVZ/OE', 'Aanvraagdossier bij de gemeente of de DVZ', 'Dossier de demande à la commune ou à l’OE');
const RVV_ANNULMENT = (p: number) => item('RVV_ANNULMENT', p, 'Appeal to the RvV/CCE: annulment', 'Beroep bij de RvV: annulatie', 'Recours au CCE : annulation');
const RVV_SUSPENSION = (p: number) => item('RVV_SUSPENSION', p, 'Appeal to the RvV/CCE: annulment with suspension', 'Beroep bij de RvV: annulatie en schorsing', 'Recours au CCE : annulation et suspension');
const EXTREME_URGENCY = (p: number) => item('EXTREME_URGENCY', p, 'Extreme urgency procedure', 'Procedure bij uiterst dringende noodzakelijkheid', 'Procédure en extrême urgence');
const RVV_HEARING = (p: number) => item('RVV_HEARING', p, 'Hearing at the RvV/CCE', 'Zitting bij de RvV', 'Audience au CCE');
const COUNCIL_OF_STATE = (p: number) => item('COUNCIL_OF_STATE', p, 'Appeal in cassation to the Council of State', 'Cassatieberoep bij de Raad van State', 'Recours en cassation au Conseil d’État');
const DETENTION = (p: number) => item('DETENTION', p, 'Detention: petition to the raadkamer/chambre du conseil', 'Vrijheidsberoving: verzoekschrift bij de raadkamer', 'Détention : requête à la chambre du conseil');
const FAMILY_REUNIFICATION = (p: number) => item('FAMILY_REUNIFICATION', p, 'Family reunification file', 'Dossier gezinshereniging', 'Dossier de regroupement familial');
const REGULARISATION_9BIS = (p: number) => item('REGULARISATION_9BIS', p, 'Regularisation application (art. 9bis)', 'Regularisatieaanvraag (art. 9bis)', 'Demande de régularisation (art. 9bis)');
const REGULARISATION_9TER = (p: number) => item('REGULARISATION_9TER', p, 'Medical regularisation application (art. 9ter)', 'Medische regularisatieaanvraag (art. 9ter)', 'Demande de régularisation médicale (art. 9ter)');
const TRAVEL = (p: number) => item('TRAVEL', p, 'Travel (per journey)', 'Verplaatsing (per verplaatsing)', 'Déplacement (par déplacement)');
const CORRESPONDENCE = (p: number) => item('CORRESPONDENCE', p, 'Correspondence (per letter)', 'Briefwisseling (per brief)', 'Correspondance (par lettre)');

export const POINT_LISTS: readonly PointList[] = [
  {
    id: '2016',
    effectiveFrom: '2016-09-01',
    effectiveUntil: '2024-09-01',
    source: `Ministerial Decree of 19 July 2016 (nomenclature of legal-aid points), alien law; ${TO_VERIFY}`,
    confidence: 'L',
    items: [
      OPENING(300), APPLICATION(500), RVV_ANNULMENT(1000), RVV_SUSPENSION(1200), EXTREME_URGENCY(1000), RVV_HEARING(300),
      COUNCIL_OF_STATE(800), DETENTION(800), FAMILY_REUNIFICATION(600), REGULARISATION_9BIS(800), REGULARISATION_9TER(800),
      TRAVEL(50), CORRESPONDENCE(25),
    ],
  },
  {
    id: '2024',
    effectiveFrom: '2024-09-01',
    source: `Ministerial Decree of 19 July 2016 as amended in 2024 (point list 2024), alien law; ${TO_VERIFY}`,
    confidence: 'L',
    items: [
      OPENING(400), APPLICATION(600), RVV_ANNULMENT(1200), RVV_SUSPENSION(1500), EXTREME_URGENCY(1200), RVV_HEARING(400),
      COUNCIL_OF_STATE(1000), DETENTION(1000), FAMILY_REUNIFICATION(700), REGULARISATION_9BIS(900), REGULARISATION_9TER(900),
      TRAVEL(50), CORRESPONDENCE(25),
      // The synthesis memorandum after the DVZ/OE's note: valued separately from the 2024 list on.
      item('RVV_SYNTHESIS', 300, 'RvV/CCE synthesis memorandum', 'Synthesememorie bij de RvV', 'Mémoire de synthèse au CCE'),
    ],
  },
];

/** The list in force on a Brussels plain date (effectiveFrom inclusive, effectiveUntil exclusive), or null. */
export function pointListOn(date: PlainDate, lists: readonly PointList[] = POINT_LISTS): PointList | null {
  if (!isPlainDate(date)) return null;
  return lists.find((list) => compareDates(list.effectiveFrom, date) <= 0 && (list.effectiveUntil === undefined || compareDates(date, list.effectiveUntil) < 0)) ?? null;
}

export function pointListById(id: string): PointList | null {
  return POINT_LISTS.find((list) => list.id === id) ?? null;
}

/** The item with that code in the list in force on the date, or null when there is no list or no such item. */
export function itemOn(code: string, date: PlainDate): { list: PointList; item: PointListItem } | null {
  const list = pointListOn(date);
  const found = list?.items.find((candidate) => candidate.code === code);
  return list && found ? { list, item: found } : null;
}

/** The points a service earns on the date, in hundredths, with the list that gave them; null when not in force. */
export function pointsFor(code: string, quantity: number, date: PlainDate): { pointListId: string; pointsHundredths: number } | null {
  if (!Number.isInteger(quantity) || quantity < 1) return null;
  const hit = itemOn(code, date);
  return hit ? { pointListId: hit.list.id, pointsHundredths: hit.item.points * quantity } : null;
}

/** The label of a stored entry's item in its own list (the code itself when the list no longer knows it). */
export function itemLabel(pointListId: string, code: string, locale: Locale): string {
  return pointListById(pointListId)?.items.find((candidate) => candidate.code === code)?.labels[locale] ?? code;
}

/** Points in hundredths as a decimal string ("12.5", "3"), for reports and CSV. */
export function formatPoints(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  return cents === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}
