import Docxtemplater from 'docxtemplater';
import InspectModule from 'docxtemplater/js/inspect-module.js';
import PizZip from 'pizzip';
import { AppError } from '@/lib/errors';

// Firms upload their own Word petition with {tags}; we fill in the case data and leave the legal
// argument to the lawyer. Tags outside this list render empty rather than failing a filing at deadline.

export const PETITION_TEMPLATE_TAGS = [
  'clientName',
  'clientBirthDate',
  'clientNationality',
  'decisionType',
  'decisionDate',
  'notifiedOn',
  'dvzFileNumber',
  'appealDeadline',
  'advisorName',
  'firmName',
  'firmAddress',
  'caseReference',
  'today',
] as const;

export type PetitionTemplateTag = (typeof PETITION_TEMPLATE_TAGS)[number];
export type PetitionTemplateValues = Record<PetitionTemplateTag, string>;

type TemplateProblem = { id: string; tag?: string; explanation: string; file?: string };

type DocxtemplaterErrorLike = {
  message?: string;
  properties?: { id?: string; xtag?: string; explanation?: string; file?: string; errors?: DocxtemplaterErrorLike[] };
};

function problems(error: unknown): TemplateProblem[] {
  const value = error as DocxtemplaterErrorLike;
  const nested = value?.properties?.errors;
  if (nested?.length) return nested.flatMap(problems);
  return [
    {
      id: value?.properties?.id ?? 'not_a_docx',
      ...(value?.properties?.xtag ? { tag: value.properties.xtag } : {}),
      explanation: value?.properties?.explanation ?? value?.message ?? String(error),
      ...(value?.properties?.file ? { file: value.properties.file } : {}),
    },
  ];
}

function invalidTemplate(error: unknown): AppError {
  const list = problems(error);
  return new AppError('VALIDATION', {
    message: `petition template is invalid: ${list.map((p) => p.explanation).join('; ')}`,
    userMessage: 'appeals.template.invalid',
    details: { problems: list },
    // The firm fixes its own template, so it may see which tags are broken.
    exposed: { problems: list.map(({ id, tag, explanation }) => ({ id, tag, explanation })) },
  });
}

function compile(template: Uint8Array, modules: InspectModule[] = []): Docxtemplater {
  try {
    const zip = new PizZip(template);
    // errorLogging off: docxtemplater would print every error to stdout; ours become an AppError.
    return new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true, nullGetter: () => '', errorLogging: false, modules });
  } catch (error) {
    throw invalidTemplate(error);
  }
}

export function fillPetitionTemplate(template: Uint8Array, values: PetitionTemplateValues): Uint8Array {
  const doc = compile(template);
  try {
    doc.render(values);
  } catch (error) {
    throw invalidTemplate(error);
  }
  return doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Tags a template uses, and those we do not fill, so the settings page can warn about typos. */
export function listTemplateTags(template: Uint8Array): { tags: string[]; unknown: string[] } {
  const inspect = new InspectModule();
  compile(template, [inspect]);
  const tags = Object.keys(inspect.getAllTags()).sort();
  const known = new Set<string>(PETITION_TEMPLATE_TAGS);
  return { tags, unknown: tags.filter((tag) => !known.has(tag)) };
}
