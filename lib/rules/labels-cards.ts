import type { AnnexKey } from './annexes';
import type { CardType, Localized } from './vocabulary';

// Official names of cards, annexes and authorities as Agii, DVZ/OE and the communes use them, so that
// a client reads on screen exactly what is printed on their document.

export const CARD_LABELS: Readonly<Record<CardType, Localized>> = {
  A: { en: 'A card', nl: 'A-kaart', fr: 'carte A' },
  B: { en: 'B card', nl: 'B-kaart', fr: 'carte B' },
  K: { en: 'K card', nl: 'K-kaart', fr: 'carte K' },
  L: { en: 'L card', nl: 'L-kaart', fr: 'carte L' },
  EU: { en: 'EU card', nl: 'EU-kaart', fr: 'carte EU' },
  EU_PLUS: { en: 'EU+ card', nl: 'EU+-kaart', fr: 'carte EU+' },
  F: { en: 'F card', nl: 'F-kaart', fr: 'carte F' },
  F_PLUS: { en: 'F+ card', nl: 'F+-kaart', fr: 'carte F+' },
  H: { en: 'H card (EU Blue Card)', nl: 'H-kaart (Europese blauwe kaart)', fr: 'carte H (carte bleue européenne)' },
  ORANGE: { en: 'orange card (Annex 4)', nl: 'oranje kaart (bijlage 4)', fr: 'carte orange (annexe 4)' },
  I: { en: 'I card', nl: 'I-kaart', fr: 'carte I' },
  J: { en: 'J card', nl: 'J-kaart', fr: 'carte J' },
  M: { en: 'M card', nl: 'M-kaart', fr: 'carte M' },
  N: { en: 'N card', nl: 'N-kaart', fr: 'carte N' },
};

export const CARD_HOLDER_LABELS: Readonly<Record<CardType, Localized>> = {
  A: {
    en: 'Limited stay: family of non-EU nationals, workers, students, refugees in their first 5 years',
    nl: 'Beperkt verblijf: gezinsleden van niet-EU-onderdanen, werknemers, studenten, vluchtelingen in hun eerste 5 jaar',
    fr: 'Séjour limité : famille de ressortissants non européens, travailleurs, étudiants, réfugiés pendant leurs 5 premières années',
  },
  B: { en: 'Unlimited stay', nl: 'Onbeperkt verblijf', fr: 'Séjour illimité' },
  K: { en: 'Settlement', nl: 'Vestiging', fr: 'Établissement' },
  L: { en: 'EU long-term resident', nl: 'EU-langdurig ingezetene', fr: 'Résident de longue durée UE' },
  EU: {
    en: 'EU citizen: registration certificate',
    nl: 'Burger van de Unie: verklaring van inschrijving',
    fr: "Citoyen de l'Union : attestation d'enregistrement",
  },
  EU_PLUS: { en: 'EU citizen: permanent residence', nl: 'Burger van de Unie: duurzaam verblijf', fr: "Citoyen de l'Union : séjour permanent" },
  F: { en: 'Family member of an EU citizen', nl: 'Familielid van een burger van de Unie', fr: "Membre de la famille d'un citoyen de l'Union" },
  F_PLUS: {
    en: 'Family member of an EU citizen: permanent residence',
    nl: 'Familielid van een burger van de Unie: duurzaam verblijf',
    fr: "Membre de la famille d'un citoyen de l'Union : séjour permanent",
  },
  H: {
    en: 'Highly qualified worker (EU Blue Card)',
    nl: 'Hooggekwalificeerde werknemer (Europese blauwe kaart)',
    fr: 'Travailleur hautement qualifié (carte bleue européenne)',
  },
  ORANGE: {
    en: 'Applicant while the procedure runs (no travel)',
    nl: 'Aanvrager zolang de procedure loopt (niet reizen)',
    fr: 'Demandeur pendant la procédure (pas de voyage)',
  },
  I: {
    en: 'Intra-corporate transferee',
    nl: 'Binnen een onderneming overgeplaatste werknemer',
    fr: "Travailleur transféré temporairement au sein d'une entreprise",
  },
  J: {
    en: 'Intra-corporate transferee, long-term mobility',
    nl: 'Binnen een onderneming overgeplaatste werknemer, mobiliteit op lange termijn',
    fr: "Travailleur transféré au sein d'une entreprise, mobilité de longue durée",
  },
  M: {
    en: 'Beneficiary of the Brexit withdrawal agreement',
    nl: 'Begunstigde van het Brexit-terugtrekkingsakkoord',
    fr: "Bénéficiaire de l'accord de retrait du Brexit",
  },
  N: { en: 'Brexit frontier worker', nl: 'Grensarbeider (Brexit)', fr: 'Travailleur frontalier (Brexit)' },
};

export const ANNEX_LABELS: Readonly<Record<AnnexKey, Localized>> = {
  '3': { en: 'Annex 3 (declaration of arrival)', nl: 'Bijlage 3 (aankomstverklaring)', fr: "Annexe 3 (déclaration d'arrivée)" },
  '3ter': {
    en: 'Annex 3ter (declaration of presence)',
    nl: 'Bijlage 3ter (melding van aanwezigheid)',
    fr: 'Annexe 3ter (déclaration de présence)',
  },
  '4': {
    en: 'Annex 4 (certificate of registration, orange card)',
    nl: 'Bijlage 4 (attest van immatriculatie, oranje kaart)',
    fr: "Annexe 4 (attestation d'immatriculation, carte orange)",
  },
  '8ter': {
    en: 'Annex 8ter (EU registration granted, before the EU card)',
    nl: 'Bijlage 8ter (inschrijving als burger van de Unie toegekend, vóór de EU-kaart)',
    fr: "Annexe 8ter (enregistrement comme citoyen de l'Union accordé, avant la carte EU)",
  },
  '15': {
    en: 'Annex 15 (certificate temporarily covering the stay)',
    nl: 'Bijlage 15 (attest dat het verblijf tijdelijk dekt)',
    fr: 'Annexe 15 (attestation couvrant provisoirement le séjour)',
  },
  '16': {
    en: 'Annex 16 (application for long-term resident status)',
    nl: 'Bijlage 16 (aanvraag van de status van langdurig ingezetene)',
    fr: 'Annexe 16 (demande du statut de résident de longue durée)',
  },
  '16bis': {
    en: 'Annex 16bis (receipt of the long-term residence application)',
    nl: 'Bijlage 16bis (ontvangstbewijs van de aanvraag langdurig ingezetene)',
    fr: 'Annexe 16bis (accusé de réception de la demande de résident de longue durée)',
  },
  '17': {
    en: 'Annex 17 (refusal of long-term resident status)',
    nl: 'Bijlage 17 (weigering van de status van langdurig ingezetene)',
    fr: 'Annexe 17 (refus du statut de résident de longue durée)',
  },
  '18': {
    en: 'Annex 18 (notice of an absence of more than 3 months)',
    nl: 'Bijlage 18 (melding van een afwezigheid van meer dan 3 maanden)',
    fr: "Annexe 18 (déclaration d'une absence de plus de 3 mois)",
  },
  '19': {
    en: 'Annex 19 (application for a registration certificate, EU citizen)',
    nl: 'Bijlage 19 (aanvraag van een verklaring van inschrijving, burger van de Unie)',
    fr: "Annexe 19 (demande d'attestation d'enregistrement, citoyen de l'Union)",
  },
  '19ter': {
    en: 'Annex 19ter (application for a residence card, family member of an EU citizen)',
    nl: 'Bijlage 19ter (aanvraag van een verblijfskaart van een familielid van een burger van de Unie)',
    fr: "Annexe 19ter (demande de carte de séjour de membre de la famille d'un citoyen de l'Union)",
  },
  '22': {
    en: 'Annex 22 (application for permanent residence, family member of an EU citizen)',
    nl: 'Bijlage 22 (aanvraag van duurzaam verblijf, familielid van een burger van de Unie)',
    fr: "Annexe 22 (demande de séjour permanent, membre de la famille d'un citoyen de l'Union)",
  },
};

export const AUTHORITY_KEYS = ['DVZ', 'RVV', 'COMMUNE'] as const;
export type AuthorityKey = (typeof AUTHORITY_KEYS)[number];

export const AUTHORITY_LABELS: Readonly<Record<AuthorityKey, Localized>> = {
  DVZ: { en: 'Immigration Office (DVZ/OE)', nl: 'Dienst Vreemdelingenzaken (DVZ)', fr: 'Office des Étrangers (OE)' },
  RVV: {
    en: 'Council for Alien Law Litigation (RvV/CCE)',
    nl: 'Raad voor Vreemdelingenbetwistingen (RvV)',
    fr: 'Conseil du Contentieux des Etrangers (CCE)',
  },
  COMMUNE: { en: 'commune', nl: 'gemeente', fr: 'commune' },
};
