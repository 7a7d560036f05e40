import { getTranslations } from 'next-intl/server';

// The upload route answers with a redirect; a refused file comes back as ?error=<reason> and its numbers.
const FILE_ERRORS = ['missing', 'tooLarge', 'empty', 'noRows', 'tooManyRows', 'malformed'] as const;

export async function uploadErrorMessage(search: Record<string, string | string[] | undefined>): Promise<string | null> {
  const code = FILE_ERRORS.find((known) => known === search.error);
  if (!code) return null;
  const t = await getTranslations('importer.file');
  const number = (name: string) => Number(search[name] ?? 0) || 0;
  return t(code, { megabytes: number('megabytes'), rows: number('rows'), max: number('max'), row: number('row') });
}
