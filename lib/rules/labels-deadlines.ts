import type { HolidayKey } from './calendar';
import type { RequirementKey } from './checklists';
import type { FindingCode } from './document-checks';
import type { Actor, Confidence, DeadlineKind, DocumentKind, Localized } from './vocabulary';

// Labels for deadlines and what surrounds them: holidays that moved a date, confidence, who acts, and the
// documents of the checklists with the findings of their checks.

export const DEADLINE_KIND_LABELS: Readonly<Record<DeadlineKind, Localized>> = {
  ARRIVAL_DECLARATION: { en: 'Declaration of arrival', nl: 'Aankomstverklaring', fr: "Déclaration d'arrivée" },
  REGISTRATION: { en: 'Registration at the commune', nl: 'Inschrijving bij de gemeente', fr: 'Inscription à la commune' },
  DECLARATION_OF_PRESENCE: { en: 'Declaration of presence', nl: 'Melding van aanwezigheid', fr: 'Déclaration de présence' },
  EU_REGISTRATION: {
    en: 'Registration as an EU citizen (Annex 19)',
    nl: 'Inschrijving als burger van de Unie (bijlage 19)',
    fr: "Enregistrement comme citoyen de l'Union (annexe 19)",
  },
  APPEAL: { en: 'Appeal to the RvV/CCE', nl: 'Beroep bij de RvV', fr: 'Recours au CCE' },
  RENEWAL_WINDOW: { en: 'Card renewal', nl: 'Verlenging van de kaart', fr: 'Renouvellement de la carte' },
  CARD_EXPIRY: { en: 'Card expiry', nl: 'Vervaldatum van de kaart', fr: "Date d'expiration de la carte" },
  PERMANENT_RESIDENCE: {
    en: 'Permanent residence request (Annex 22)',
    nl: 'Aanvraag duurzaam verblijf (bijlage 22)',
    fr: 'Demande de séjour permanent (annexe 22)',
  },
  ADDRESS_CHANGE: { en: 'Change of address', nl: 'Adreswijziging', fr: "Changement d'adresse" },
  RETURN_AFTER_ABSENCE: { en: 'Absence and return', nl: 'Afwezigheid en terugkeer', fr: 'Absence et retour' },
  LONG_TERM_RESIDENCE_ELIGIBLE: {
    en: 'Eligible for long-term residence',
    nl: 'In aanmerking voor langdurig ingezetene',
    fr: 'Éligible au statut de résident de longue durée',
  },
  NATIONALITY_ELIGIBLE: {
    en: 'Eligible for Belgian nationality',
    nl: 'In aanmerking voor de Belgische nationaliteit',
    fr: 'Éligible à la nationalité belge',
  },
  DECISION_DUE: { en: 'Decision due', nl: 'Beslissing verwacht', fr: 'Décision attendue' },
  DOCUMENT_EXPIRY: { en: 'Document expiry', nl: 'Vervaldatum van een document', fr: "Date d'expiration d'un document" },
};

export const HOLIDAY_LABELS: Readonly<Record<HolidayKey, Localized>> = {
  NEW_YEAR: { en: "New Year's Day", nl: 'Nieuwjaar', fr: "Jour de l'An" },
  EASTER_MONDAY: { en: 'Easter Monday', nl: 'Paasmaandag', fr: 'Lundi de Pâques' },
  LABOUR_DAY: { en: 'Labour Day', nl: 'Dag van de Arbeid', fr: 'Fête du Travail' },
  ASCENSION: { en: 'Ascension Day', nl: 'Onze-Lieve-Heer-Hemelvaart', fr: 'Ascension' },
  WHIT_MONDAY: { en: 'Whit Monday', nl: 'Pinkstermaandag', fr: 'Lundi de Pentecôte' },
  NATIONAL_DAY: { en: 'National Day', nl: 'Nationale feestdag', fr: 'Fête nationale' },
  ASSUMPTION: { en: 'Assumption Day', nl: 'Onze-Lieve-Vrouw-Hemelvaart', fr: 'Assomption' },
  ALL_SAINTS: { en: "All Saints' Day", nl: 'Allerheiligen', fr: 'Toussaint' },
  ARMISTICE: { en: 'Armistice Day', nl: 'Wapenstilstand', fr: 'Armistice' },
  CHRISTMAS: { en: 'Christmas Day', nl: 'Kerstmis', fr: 'Noël' },
};

export const CONFIDENCE_LABELS: Readonly<Record<Confidence, Localized>> = {
  H: { en: 'High: stated by an official body', nl: 'Hoog: door een officiële instantie vermeld', fr: 'Élevée : indiquée par un organisme officiel' },
  M: { en: 'Medium: one reputable source', nl: 'Gemiddeld: één betrouwbare bron', fr: 'Moyenne : une source fiable' },
  L: { en: 'Low: second-hand or disputed', nl: 'Laag: onrechtstreeks of betwist', fr: 'Faible : indirecte ou contestée' },
};

export const ACTOR_LABELS: Readonly<Record<Actor, Localized>> = {
  CLIENT: { en: 'Client', nl: 'Cliënt', fr: 'Client' },
  ADVISOR: { en: 'Advisor', nl: 'Adviseur', fr: 'Conseiller' },
};

export const DOCUMENT_KIND_LABELS: Readonly<Record<DocumentKind, Localized>> = {
  PASSPORT: { en: 'Passport', nl: 'Paspoort', fr: 'Passeport' },
  VISA: { en: 'Visa', nl: 'Visum', fr: 'Visa' },
  RESIDENCE_CARD: { en: 'Residence card', nl: 'Verblijfskaart', fr: 'Carte de séjour' },
  BIRTH_CERTIFICATE: { en: 'Birth certificate', nl: 'Geboorteakte', fr: 'Acte de naissance' },
  MARRIAGE_CERTIFICATE: { en: 'Marriage certificate', nl: 'Huwelijksakte', fr: 'Acte de mariage' },
  MEDICAL_CERTIFICATE: { en: 'Medical certificate', nl: 'Medisch attest', fr: 'Certificat médical' },
  CRIMINAL_RECORD: { en: 'Criminal record extract', nl: 'Uittreksel uit het strafregister', fr: 'Extrait de casier judiciaire' },
  PROOF_OF_MEANS: { en: 'Proof of sufficient means', nl: 'Bewijs van voldoende bestaansmiddelen', fr: 'Preuve de moyens de subsistance' },
  PROOF_OF_ACCOMMODATION: { en: 'Proof of accommodation', nl: 'Bewijs van huisvesting', fr: 'Preuve de logement' },
  HEALTH_INSURANCE: { en: 'Health insurance', nl: 'Ziektekostenverzekering', fr: 'Assurance maladie' },
  EMPLOYMENT_CONTRACT: { en: 'Employment contract', nl: 'Arbeidsovereenkomst', fr: 'Contrat de travail' },
  SINGLE_PERMIT_APPROVAL: { en: 'Single-permit approval', nl: 'Toelating gecombineerde vergunning', fr: 'Autorisation de permis unique' },
  STUDENT_ENROLMENT: { en: 'Proof of enrolment', nl: 'Inschrijvingsbewijs', fr: "Attestation d'inscription" },
  DECISION_LETTER: { en: 'Decision letter', nl: 'Beslissing', fr: 'Décision' },
  APPEAL_PETITION: { en: 'Appeal petition', nl: 'Verzoekschrift (beroep)', fr: 'Requête (recours)' },
  PHOTO: { en: 'Photo', nl: 'Pasfoto', fr: "Photo d'identité" },
  TRANSLATION: { en: 'Sworn translation', nl: 'Beëdigde vertaling', fr: 'Traduction jurée' },
  OTHER: { en: 'Other document', nl: 'Ander document', fr: 'Autre document' },
};

const LEGALISED = {
  en: 'legalised or apostilled; sworn translation unless in Dutch, French, German or English',
  nl: 'gelegaliseerd of met apostille; beëdigde vertaling tenzij in het Nederlands, Frans, Duits of Engels',
  fr: 'légalisé ou apostillé ; traduction jurée sauf en néerlandais, français, allemand ou anglais',
};

export const REQUIREMENT_LABELS: Readonly<Record<RequirementKey, Localized>> = {
  passport: {
    en: 'Passport valid well beyond the stay',
    nl: 'Paspoort dat ruim na het verblijf geldig blijft',
    fr: 'Passeport valable bien au-delà du séjour',
  },
  visa: { en: 'The right visa (type D for a long stay)', nl: 'Het juiste visum (type D voor lang verblijf)', fr: 'Le bon visa (type D pour un long séjour)' },
  'proof-of-means': {
    en: 'Proof of sufficient means (120% of the integration income)',
    nl: 'Bewijs van voldoende bestaansmiddelen (120% van het leefloon)',
    fr: "Preuve de moyens de subsistance suffisants (120 % du revenu d'intégration)",
  },
  'proof-of-accommodation': { en: 'Proof of accommodation', nl: 'Bewijs van huisvesting', fr: 'Preuve de logement' },
  'health-insurance': {
    en: 'Health insurance covering Belgium',
    nl: 'Ziektekostenverzekering die België dekt',
    fr: 'Assurance maladie couvrant la Belgique',
  },
  'medical-certificate': {
    en: 'Medical certificate (at most 6 months old)',
    nl: 'Medisch attest (hoogstens 6 maanden oud)',
    fr: 'Certificat médical (6 mois maximum)',
  },
  'criminal-record': {
    en: 'Criminal record extract or proof of good conduct (18+, at most 6 months old)',
    nl: 'Uittreksel uit het strafregister of bewijs van goed gedrag (18+, hoogstens 6 maanden oud)',
    fr: 'Extrait de casier judiciaire ou certificat de bonne conduite (18 ans et plus, 6 mois maximum)',
  },
  'birth-certificate': {
    en: `Birth certificate (${LEGALISED.en})`,
    nl: `Geboorteakte (${LEGALISED.nl})`,
    fr: `Acte de naissance (${LEGALISED.fr})`,
  },
  'marriage-certificate': {
    en: `Marriage or partnership certificate (${LEGALISED.en})`,
    nl: `Huwelijksakte of bewijs van partnerschap (${LEGALISED.nl})`,
    fr: `Acte de mariage ou de partenariat (${LEGALISED.fr})`,
  },
  'employment-contract': { en: 'Employment contract', nl: 'Arbeidsovereenkomst', fr: 'Contrat de travail' },
  'single-permit-approval': {
    en: 'Single-permit approval',
    nl: 'Toelating gecombineerde vergunning',
    fr: 'Autorisation de permis unique',
  },
  'student-enrolment': {
    en: 'Enrolment at a recognised school',
    nl: 'Inschrijving bij een erkende onderwijsinstelling',
    fr: "Inscription dans un établissement d'enseignement reconnu",
  },
  'residence-card': { en: 'Current residence card', nl: 'Huidige verblijfskaart', fr: 'Carte de séjour actuelle' },
  'decision-letter': {
    en: 'Copy of the contested decision',
    nl: 'Kopie van de bestreden beslissing',
    fr: 'Copie de la décision attaquée',
  },
  'language-certificate': {
    en: 'Proof of knowledge of a national language (A2)',
    nl: 'Bewijs van kennis van een landstaal (A2)',
    fr: "Preuve de connaissance d'une langue nationale (A2)",
  },
  'integration-proof': {
    en: 'Proof of social integration',
    nl: 'Bewijs van maatschappelijke integratie',
    fr: "Preuve d'intégration sociale",
  },
  'economic-participation': {
    en: 'Proof of economic participation (468 working days)',
    nl: 'Bewijs van economische participatie (468 arbeidsdagen)',
    fr: 'Preuve de participation économique (468 journées de travail)',
  },
};

export const FINDING_LABELS: Readonly<Record<FindingCode, Localized>> = {
  MISSING: { en: 'Missing', nl: 'Ontbreekt', fr: 'Manquant' },
  CERTIFICATE_TOO_OLD: {
    en: 'More than 6 months old on the submission date',
    nl: 'Ouder dan 6 maanden op de indieningsdatum',
    fr: "Plus de 6 mois à la date d'introduction",
  },
  ISSUE_DATE_UNKNOWN: {
    en: 'Issue date unknown: its age cannot be checked',
    nl: 'Afgiftedatum onbekend: de ouderdom kan niet worden gecontroleerd',
    fr: "Date de délivrance inconnue : l'ancienneté ne peut pas être vérifiée",
  },
  EXPIRED: { en: 'Expired on the submission date', nl: 'Vervallen op de indieningsdatum', fr: "Expiré à la date d'introduction" },
  PASSPORT_VALID_UNDER_12_MONTHS: {
    en: 'Passport valid for less than 12 months after submission (requirement not confirmed)',
    nl: 'Paspoort minder dan 12 maanden geldig na indiening (vereiste niet bevestigd)',
    fr: "Passeport valable moins de 12 mois après l'introduction (exigence non confirmée)",
  },
  PASSPORT_EXPIRES_DURING_STAY: {
    en: 'Passport expires before the end of the stay',
    nl: 'Paspoort vervalt vóór het einde van het verblijf',
    fr: 'Le passeport expire avant la fin du séjour',
  },
};
