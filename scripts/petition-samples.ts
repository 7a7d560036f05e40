import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';

// `npx tsx scripts/petition-samples.ts` regenerates the committed sample petitions. They are built here
// rather than in Word so the XML stays minimal and every {tag} sits in one run (Word splits runs at will).

type Block = ['title' | 'heading' | 'text' | 'note', string];

const NL: Block[] = [
  ['title', 'Verzoekschrift tot nietigverklaring en schorsing'],
  ['text', 'Aan de Raad voor Vreemdelingenbetwistingen, Gaucheretstraat 92-94, 1030 Brussel'],
  ['text', 'Beroep op grond van de artikelen 39/2, § 2, en 39/82 van de wet van 15 december 1980 betreffende de toegang tot het grondgebied, het verblijf, de vestiging en de verwijdering van vreemdelingen (hierna: de Vreemdelingenwet).'],
  ['text', 'Ons kenmerk: {caseReference}'],
  ['heading', 'Voor'],
  ['text', '{clientName}, geboren op {clientBirthDate}, van {clientNationality} nationaliteit, hierna de verzoekende partij, die woonstkeuze doet bij haar raadsman {advisorName}, {firmName}, {firmAddress}.'],
  ['heading', 'Tegen'],
  ['text', 'De Belgische Staat, vertegenwoordigd door de minister bevoegd voor Asiel en Migratie, hierna de verwerende partij.'],
  ['heading', 'I. Bestreden beslissing'],
  ['text', 'Het beroep is gericht tegen de beslissing {decisionType} van {decisionDate}, aan de verzoekende partij ter kennis gebracht op {notifiedOn} (DVZ-dossiernummer {dvzFileNumber}). De bestreden beslissing wordt als afzonderlijk bestand bijgevoegd.'],
  ['heading', 'II. Ontvankelijkheid'],
  ['text', 'Het beroep wordt ingesteld binnen de termijn van artikel 39/57 van de Vreemdelingenwet, die verstrijkt op {appealDeadline}. De verzoekende partij heeft belang bij de vernietiging van een beslissing die haar verblijf raakt.'],
  ['heading', 'III. Feiten'],
  ['note', '[Beschrijf de relevante feiten en de procedurele voorgeschiedenis.]'],
  ['heading', 'IV. Enig middel'],
  ['text', 'Schending van artikel 62 van de Vreemdelingenwet, van de artikelen 2 en 3 van de wet van 29 juli 1991 betreffende de uitdrukkelijke motivering van de bestuurshandelingen, van het zorgvuldigheidsbeginsel en van artikel 8 EVRM.'],
  ['note', '[Uiteenzetting van het middel.]'],
  ['heading', 'V. Moeilijk te herstellen ernstig nadeel'],
  ['note', '[Toon aan dat de onmiddellijke tenuitvoerlegging van de bestreden beslissing een moeilijk te herstellen ernstig nadeel kan berokkenen (artikel 39/82, § 2, van de Vreemdelingenwet).]'],
  ['heading', 'Om deze redenen'],
  ['text', 'verzoekt de verzoekende partij de Raad het beroep ontvankelijk en gegrond te verklaren, de tenuitvoerlegging van de bestreden beslissing te schorsen, de bestreden beslissing te vernietigen en de kosten van het geding, met inbegrip van het rolrecht, ten laste van de verwerende partij te leggen.'],
  ['heading', 'Stukken'],
  ['text', 'De bestreden beslissing en de stukken worden, samen met de inventaris, als afzonderlijke bestanden ingediend.'],
  ['text', 'Opgemaakt op {today}.'],
  ['text', 'Voor de verzoekende partij, haar raadsman,'],
  ['text', '{advisorName}, {firmName}'],
];

const FR: Block[] = [
  ['title', 'Requête en annulation et en suspension'],
  ['text', 'Au Conseil du Contentieux des Étrangers, rue Gaucheret 92-94, 1030 Bruxelles'],
  ['text', "Recours fondé sur les articles 39/2, § 2, et 39/82 de la loi du 15 décembre 1980 sur l'accès au territoire, le séjour, l'établissement et l'éloignement des étrangers (ci-après : la loi du 15 décembre 1980)."],
  ['text', 'Notre référence : {caseReference}'],
  ['heading', 'Pour'],
  ['text', '{clientName}, né(e) le {clientBirthDate}, de nationalité {clientNationality}, ci-après la partie requérante, qui fait élection de domicile chez son conseil {advisorName}, {firmName}, {firmAddress}.'],
  ['heading', 'Contre'],
  ['text', "L'État belge, représenté par le ministre compétent pour l'Asile et la Migration, ci-après la partie défenderesse."],
  ['heading', 'I. Décision attaquée'],
  ['text', "Le recours est dirigé contre la décision {decisionType} du {decisionDate}, notifiée à la partie requérante le {notifiedOn} (numéro de dossier de l'Office des étrangers {dvzFileNumber}). La décision attaquée est jointe comme fichier distinct."],
  ['heading', 'II. Recevabilité'],
  ['text', "Le recours est introduit dans le délai prévu par l'article 39/57 de la loi du 15 décembre 1980, qui expire le {appealDeadline}. La partie requérante a intérêt à l'annulation d'une décision qui affecte son séjour."],
  ['heading', 'III. Exposé des faits'],
  ['note', '[Exposez les faits pertinents et les antécédents de procédure.]'],
  ['heading', 'IV. Moyen unique'],
  ['text', "Pris de la violation de l'article 62 de la loi du 15 décembre 1980, des articles 2 et 3 de la loi du 29 juillet 1991 relative à la motivation formelle des actes administratifs, du principe de minutie et de l'article 8 de la CEDH."],
  ['note', '[Développement du moyen.]'],
  ['heading', 'V. Risque de préjudice grave difficilement réparable'],
  ['note', "[Démontrez que l'exécution immédiate de la décision attaquée risque de causer un préjudice grave difficilement réparable (article 39/82, § 2, de la loi du 15 décembre 1980).]"],
  ['heading', 'Par ces motifs'],
  ['text', "la partie requérante demande au Conseil de déclarer le recours recevable et fondé, de suspendre l'exécution de la décision attaquée, d'annuler la décision attaquée et de mettre les dépens, en ce compris le droit de rôle, à charge de la partie défenderesse."],
  ['heading', 'Pièces'],
  ['text', "La décision attaquée et les pièces sont déposées, avec leur inventaire, comme fichiers distincts."],
  ['text', 'Fait le {today}.'],
  ['text', 'Pour la partie requérante, son conseil,'],
  ['text', '{advisorName}, {firmName}'],
];

const EN: Block[] = [
  ['note', 'Working translation, not for filing: the Council only accepts petitions in Dutch or French. Use the nl or fr template to file.'],
  ['title', 'Petition for annulment and suspension'],
  ['text', 'To the Council for Alien Law Litigation (Raad voor Vreemdelingenbetwistingen / Conseil du Contentieux des Étrangers), Gaucheretstraat 92-94, 1030 Brussels'],
  ['text', 'Appeal under Articles 39/2(2) and 39/82 of the Law of 15 December 1980 on access to the territory, residence, settlement and removal of foreign nationals (the Aliens Act).'],
  ['text', 'Our reference: {caseReference}'],
  ['heading', 'For'],
  ['text', '{clientName}, born on {clientBirthDate}, of {clientNationality} nationality, the applicant, electing domicile at the office of counsel {advisorName}, {firmName}, {firmAddress}.'],
  ['heading', 'Against'],
  ['text', 'The Belgian State, represented by the minister responsible for Asylum and Migration, the respondent.'],
  ['heading', 'I. Contested decision'],
  ['text', 'The appeal is directed against the decision {decisionType} of {decisionDate}, notified to the applicant on {notifiedOn} (Immigration Office file number {dvzFileNumber}). The contested decision is filed as a separate file.'],
  ['heading', 'II. Admissibility'],
  ['text', 'The appeal is lodged within the time limit of Article 39/57 of the Aliens Act, which expires on {appealDeadline}. The applicant has an interest in the annulment of a decision affecting their residence.'],
  ['heading', 'III. Facts'],
  ['note', '[Describe the relevant facts and procedural history.]'],
  ['heading', 'IV. Sole plea'],
  ['text', 'Breach of Article 62 of the Aliens Act, Articles 2 and 3 of the Law of 29 July 1991 on the formal statement of reasons for administrative acts, the duty of care, and Article 8 ECHR.'],
  ['note', '[Argument.]'],
  ['heading', 'V. Risk of serious harm that is difficult to repair'],
  ['note', '[Show that immediate enforcement of the contested decision risks serious harm that is difficult to repair (Article 39/82(2) of the Aliens Act).]'],
  ['heading', 'On these grounds'],
  ['text', 'the applicant asks the Council to declare the appeal admissible and well founded, to suspend the enforcement of the contested decision, to annul it, and to order the respondent to bear the costs, including the filing fee.'],
  ['heading', 'Exhibits'],
  ['text', 'The contested decision and the exhibits are filed, with their inventory, as separate files.'],
  ['text', 'Done on {today}.'],
  ['text', 'For the applicant, their counsel,'],
  ['text', '{advisorName}, {firmName}'],
];

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function paragraph([kind, text]: Block): string {
  const style = { title: 'Title', heading: 'Heading1', text: null, note: 'Note' }[kind];
  const properties = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${properties}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

function documentXml(blocks: Block[]): string {
  const section = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${blocks.map(paragraph).join('')}${section}</w:body></w:document>`;
}

function style(id: string, name: string, run: string, paragraphProps = ''): string {
  return `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:pPr>${paragraphProps}</w:pPr><w:rPr>${run}</w:rPr></w:style>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif" w:cs="Liberation Serif"/><w:sz w:val="22"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="276" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${style('Title', 'Title', '<w:b/><w:caps/><w:sz w:val="28"/>', '<w:jc w:val="center"/><w:spacing w:after="240"/>')}${style('Heading1', 'heading 1', '<w:b/><w:sz w:val="24"/>', '<w:keepNext/><w:spacing w:before="240" w:after="120"/>')}${style('Note', 'Note', '<w:i/><w:color w:val="555555"/>')}</w:styles>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

function buildDocx(blocks: Block[]): Buffer {
  const zip = new PizZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', ROOT_RELS);
  zip.file('word/document.xml', documentXml(blocks));
  zip.file('word/_rels/document.xml.rels', DOCUMENT_RELS);
  zip.file('word/styles.xml', STYLES);
  // A fixed date keeps regenerated files byte-identical, so git only sees real changes.
  for (const file of Object.values(zip.files)) file.date = new Date('2025-01-01T00:00:00Z');
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const outDir = path.join(process.cwd(), 'lib', 'documents', 'petition', 'samples');
mkdirSync(outDir, { recursive: true });
for (const [locale, blocks] of Object.entries({ en: EN, nl: NL, fr: FR })) {
  const file = path.join(outDir, `petition-${locale}.docx`);
  writeFileSync(file, buildDocx(blocks));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
