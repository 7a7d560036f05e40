import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { fillPetitionTemplate, listTemplateTags, PETITION_TEMPLATE_TAGS, type PetitionTemplateValues } from '@/lib/documents/petition/fill-petition-template';
import { samplePetitionTemplate } from '@/lib/documents/petition/sample-petition-template';
import type { AppError } from '@/lib/errors';

const values: PetitionTemplateValues = {
  clientName: 'Amina Diallo',
  clientBirthDate: '1994-03-12',
  clientNationality: 'Guinéenne & co <test>',
  decisionType: 'weigering van verblijf (bijlage 20)',
  decisionDate: '2025-05-02',
  notifiedOn: '2025-05-06',
  dvzFileNumber: '1234567',
  appealDeadline: '2025-06-05',
  advisorName: 'Mr. Jan Peeters',
  firmName: 'Peeters Advocaten',
  firmAddress: 'Kerkstraat 1\n2000 Antwerpen',
  caseReference: 'SEJ-2025-0042',
  today: '2025-05-20',
};

function documentXml(docx: Uint8Array): string {
  return new PizZip(docx).file('word/document.xml')!.asText();
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected the template to be refused');
}

describe('petition templates', () => {
  it.each([
    ['nl', 'Verzoekschrift tot nietigverklaring en schorsing', 'Raad voor Vreemdelingenbetwistingen'],
    ['fr', 'Requête en annulation et en suspension', 'Conseil du Contentieux des Étrangers'],
    ['en', 'Working translation', 'Council for Alien Law Litigation'],
  ] as const)('fills the %s sample with every tag', async (locale, title, court) => {
    const template = await samplePetitionTemplate(locale);
    expect(listTemplateTags(template)).toEqual({ tags: [...PETITION_TEMPLATE_TAGS].sort(), unknown: [] });
    const xml = documentXml(fillPetitionTemplate(template, values));
    expect(xml).toContain(title);
    expect(xml).toContain(court);
    for (const [tag, value] of Object.entries(values)) {
      if (tag === 'firmAddress' || tag === 'clientNationality') continue;
      expect(xml, tag).toContain(value);
    }
    expect(xml).toContain('Guinéenne &amp; co &lt;test&gt;');
    // linebreaks: a newline in the address becomes a Word line break, not a lost character
    expect(xml).toMatch(/Kerkstraat 1<\/w:t><\/w:r><w:r><w:br\/><\/w:r><w:r>(<w:rPr\/>)?<w:t[^>]*>2000 Antwerpen/);
    expect(xml).not.toMatch(/\{[a-zA-Z]+\}/);
  });

  it('renders unknown tags empty and reports them', async () => {
    const template = docxWith('<w:p><w:r><w:t>Dear {clientName}{clientNickname}.</w:t></w:r></w:p>');
    expect(listTemplateTags(template).unknown).toEqual(['clientNickname']);
    expect(documentXml(fillPetitionTemplate(template, values))).toContain('Dear Amina Diallo.');
  });

  it('refuses a template with broken tags and lists them', () => {
    const error = refusal(() => fillPetitionTemplate(docxWith('<w:p><w:r><w:t>{clientName {today}} {{</w:t></w:r></w:p>'), values));
    expect(error.code).toBe('VALIDATION');
    expect(error.userMessage).toBe('appeals.template.invalid');
    const problems = error.details!.problems as { id: string }[];
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.id)).toEqual(expect.arrayContaining(['unclosed_tag']));
  });

  it('refuses a file that is not a Word document', () => {
    const error = refusal(() => fillPetitionTemplate(new TextEncoder().encode('%PDF-1.7 not a docx'), values));
    expect(error.userMessage).toBe('appeals.template.invalid');
    const zipWithoutWord = new PizZip();
    zipWithoutWord.file('hello.txt', 'hi');
    expect(refusal(() => fillPetitionTemplate(zipWithoutWord.generate({ type: 'uint8array' }), values)).userMessage).toBe('appeals.template.invalid');
  });
});

function docxWith(body: string): Uint8Array {
  const zip = new PizZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generate({ type: 'uint8array' });
}
