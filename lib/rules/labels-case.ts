import type { ReasonCode, TransitionId } from './transitions';
import type {
  AppealRegime,
  AppealResult,
  CaseStage,
  DecisionOutcome,
  Localized,
  Phase,
  Procedure,
} from './vocabulary';

// Labels for the life of a case: procedures, stages, phases, the transitions offered as buttons and the
// reasons a transition is refused.

export const PROCEDURE_LABELS: Readonly<Record<Procedure, Localized>> = {
  REGISTRATION_NON_EU: {
    en: 'Registration (non-EU national)',
    nl: 'Inschrijving (niet-EU-onderdaan)',
    fr: 'Inscription (ressortissant non européen)',
  },
  REGISTRATION_EU: { en: 'Registration of an EU citizen', nl: 'Inschrijving van een burger van de Unie', fr: "Enregistrement d'un citoyen de l'Union" },
  FAMILY_REUNIFICATION: { en: 'Family reunification', nl: 'Gezinshereniging', fr: 'Regroupement familial' },
  SINGLE_PERMIT: { en: 'Single permit (work)', nl: 'Gecombineerde vergunning (werk)', fr: 'Permis unique (travail)' },
  STUDY: { en: 'Study', nl: 'Studies', fr: 'Études' },
  EU_BLUE_CARD: { en: 'EU Blue Card', nl: 'Europese blauwe kaart', fr: 'Carte bleue européenne' },
  LONG_TERM_RESIDENCE: { en: 'EU long-term residence', nl: 'EU-langdurig ingezetene', fr: 'Résident de longue durée UE' },
  PERMANENT_RESIDENCE_EU_FAMILY: {
    en: 'Permanent residence (family member of an EU citizen)',
    nl: 'Duurzaam verblijf (familielid van een burger van de Unie)',
    fr: "Séjour permanent (membre de la famille d'un citoyen de l'Union)",
  },
  NATIONALITY_DECLARATION: {
    en: 'Declaration of Belgian nationality',
    nl: 'Nationaliteitsverklaring',
    fr: 'Déclaration de nationalité belge',
  },
  APPEAL_RVV: {
    en: 'Appeal to the Council for Alien Law Litigation',
    nl: 'Beroep bij de Raad voor Vreemdelingenbetwistingen',
    fr: 'Recours au Conseil du Contentieux des Etrangers',
  },
};

export const STAGE_LABELS: Readonly<Record<CaseStage, Localized>> = {
  INTAKE: { en: 'Intake', nl: 'Intake', fr: 'Accueil' },
  APPLICATION_FILED: { en: 'Application filed', nl: 'Aanvraag ingediend', fr: 'Demande introduite' },
  RESIDENCE_CHECK: { en: 'Residence check', nl: 'Woonstcontrole', fr: 'Contrôle de résidence' },
  DECISION_PENDING: { en: 'Decision pending', nl: 'Beslissing in behandeling', fr: 'Décision en attente' },
  APPROVED: { en: 'Approved', nl: 'Positieve beslissing', fr: 'Décision positive' },
  CARD_ISSUED: { en: 'Card issued', nl: 'Kaart afgegeven', fr: 'Carte délivrée' },
  RENEWAL_DUE: { en: 'Renewal due', nl: 'Verlenging te doen', fr: 'Renouvellement à faire' },
  RENEWAL_FILED: { en: 'Renewal filed', nl: 'Verlenging aangevraagd', fr: 'Renouvellement demandé' },
  REFUSED: { en: 'Refused', nl: 'Geweigerd', fr: 'Refusé' },
  APPEAL_FILED: { en: 'Appeal filed', nl: 'Beroep ingediend', fr: 'Recours introduit' },
  APPEAL_DECIDED: { en: 'Appeal decided', nl: 'Uitspraak over het beroep', fr: 'Arrêt sur le recours' },
  CLOSED: { en: 'Closed', nl: 'Afgesloten', fr: 'Clôturé' },
};

export const PHASE_LABELS: Readonly<Record<Phase, Localized>> = {
  REGISTRATION: { en: 'Registration', nl: 'Inschrijving', fr: 'Inscription' },
  CARD_ISSUANCE: { en: 'Card issuance', nl: 'Afgifte van de kaart', fr: 'Délivrance de la carte' },
  RENEWAL: { en: 'Renewal', nl: 'Verlenging', fr: 'Renouvellement' },
  APPEAL: { en: 'Appeal', nl: 'Beroep', fr: 'Recours' },
};

export const TRANSITION_LABELS: Readonly<Record<TransitionId, Localized>> = {
  FILE_APPLICATION: { en: 'File the application', nl: 'Aanvraag indienen', fr: 'Introduire la demande' },
  REQUEST_RESIDENCE_CHECK: {
    en: 'Record the residence check request',
    nl: 'Aanvraag woonstcontrole registreren',
    fr: 'Enregistrer la demande de contrôle de résidence',
  },
  AWAIT_DECISION: { en: 'Await the decision', nl: 'Beslissing afwachten', fr: 'Attendre la décision' },
  DECISION_APPROVED: { en: 'Record the approval', nl: 'Positieve beslissing registreren', fr: 'Enregistrer la décision positive' },
  CARD_ISSUED: { en: 'Record the card issued', nl: 'Afgegeven kaart registreren', fr: 'Enregistrer la carte délivrée' },
  OPEN_RENEWAL: { en: 'Open the renewal', nl: 'Verlenging openen', fr: 'Ouvrir le renouvellement' },
  FILE_RENEWAL: { en: 'File the renewal', nl: 'Verlenging aanvragen', fr: 'Demander le renouvellement' },
  REFUSAL_NOTIFIED: {
    en: 'Record a refusal or withdrawal',
    nl: 'Weigering of intrekking registreren',
    fr: 'Enregistrer un refus ou un retrait',
  },
  FILE_APPEAL: { en: 'File the appeal with the RvV/CCE', nl: 'Beroep indienen bij de RvV', fr: 'Introduire le recours au CCE' },
  APPEAL_DECIDED: { en: 'Record the RvV/CCE judgment', nl: 'Arrest van de RvV registreren', fr: "Enregistrer l'arrêt du CCE" },
  AWAIT_NEW_DECISION: { en: 'Await a new decision', nl: 'Nieuwe beslissing afwachten', fr: 'Attendre une nouvelle décision' },
  CLOSE: { en: 'Close the case', nl: 'Dossier afsluiten', fr: 'Clôturer le dossier' },
  REOPEN: { en: 'Reopen the case', nl: 'Dossier heropenen', fr: 'Rouvrir le dossier' },
};

export const REASON_LABELS: Readonly<Record<ReasonCode, Localized>> = {
  UNKNOWN_TRANSITION: { en: 'This step does not exist.', nl: 'Deze stap bestaat niet.', fr: "Cette étape n'existe pas." },
  NOT_ALLOWED_FROM_STAGE: {
    en: 'This step is not possible at the current stage of the case.',
    nl: 'Deze stap is niet mogelijk in de huidige fase van het dossier.',
    fr: "Cette étape n'est pas possible au stade actuel du dossier.",
  },
  NOT_ALLOWED_FOR_PROCEDURE: {
    en: 'This step does not apply to this procedure.',
    nl: 'Deze stap geldt niet voor deze procedure.',
    fr: "Cette étape ne s'applique pas à cette procédure.",
  },
  MISSING_FIELD: {
    en: 'Required information is missing.',
    nl: 'Verplichte gegevens ontbreken.',
    fr: 'Une information obligatoire manque.',
  },
  INVALID_FIELD: { en: 'This information is not valid.', nl: 'Dit gegeven is ongeldig.', fr: "Cette information n'est pas valide." },
  DATE_IN_FUTURE: {
    en: 'This date lies in the future.',
    nl: 'Deze datum ligt in de toekomst.',
    fr: 'Cette date se situe dans le futur.',
  },
  DATE_ORDER: {
    en: 'The end date must come after the start date.',
    nl: 'De einddatum moet na de begindatum liggen.',
    fr: 'La date de fin doit suivre la date de début.',
  },
};

export const APPEAL_RESULT_LABELS: Readonly<Record<AppealResult, Localized>> = {
  ANNULLED: { en: 'Decision annulled', nl: 'Beslissing vernietigd', fr: 'Décision annulée' },
  SUSPENDED: { en: 'Decision suspended', nl: 'Beslissing geschorst', fr: 'Décision suspendue' },
  REJECTED: { en: 'Appeal rejected', nl: 'Beroep verworpen', fr: 'Recours rejeté' },
};

export const REGIME_LABELS: Readonly<Record<AppealRegime, Localized>> = {
  ORDINARY: { en: 'Ordinary (30 days)', nl: 'Gewone procedure (30 dagen)', fr: 'Procédure ordinaire (30 jours)' },
  DETAINED: {
    en: 'Detained with a view to removal (10 days)',
    nl: 'Vasthouding met het oog op verwijdering (10 dagen)',
    fr: "Maintien en vue d'éloignement (10 jours)",
  },
  EXTREME_URGENCY: { en: 'Extreme urgency (10 days)', nl: 'Uiterst dringende noodzakelijkheid (10 dagen)', fr: 'Extrême urgence (10 jours)' },
  EXTREME_URGENCY_REPEAT: {
    en: 'Extreme urgency, second removal measure (5 days)',
    nl: 'Uiterst dringende noodzakelijkheid, tweede verwijderingsmaatregel (5 dagen)',
    fr: "Extrême urgence, deuxième mesure d'éloignement (5 jours)",
  },
};

export const OUTCOME_LABELS: Readonly<Record<DecisionOutcome, Localized>> = {
  REFUSED: { en: 'Refusal', nl: 'Weigering', fr: 'Refus' },
  WITHDRAWN: { en: 'Withdrawal', nl: 'Intrekking', fr: 'Retrait' },
  APPROVED: { en: 'Approval', nl: 'Positieve beslissing', fr: 'Décision positive' },
};
