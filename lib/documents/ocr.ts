import { mkdir, symlink, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWorker } from 'tesseract.js';

// OCR with tesseract.js and the traineddata the @tesseract.js-data packages ship (4.0.0_best_int, the accurate
// integer models): nothing is downloaded at run time. tesseract.js takes one directory for all languages, while
// each package holds one, so a directory of links to the three files is made once per process.
// Measured on the 2-core CI machine: about 1-2 s per 200 dpi A4 page, plus ~1 s to start the worker.

const LANGUAGES = ['nld', 'fra', 'eng'] as const;
const requireHere = createRequire(import.meta.url);
let langDir: Promise<string> | null = null;

async function exists(file: string) {
  return stat(file).then(() => true, () => false);
}

function languageDirectory(): Promise<string> {
  langDir ??= (async () => {
    const dir = path.join(tmpdir(), `sejour-tessdata-${process.pid}`);
    await mkdir(dir, { recursive: true });
    for (const language of LANGUAGES) {
      const short = { nld: 'nld', fra: 'fra', eng: 'eng' }[language];
      const source = path.join(path.dirname(requireHere.resolve(`@tesseract.js-data/${short}/package.json`)), '4.0.0_best_int', `${language}.traineddata.gz`);
      const target = path.join(dir, `${language}.traineddata.gz`);
      if (!(await exists(target))) await symlink(source, target).catch(async (error: NodeJS.ErrnoException) => { if (error.code !== 'EEXIST') throw error; });
    }
    return dir;
  })();
  return langDir;
}

/** The text of each image (PNG or JPEG bytes), read with Dutch, French and English models together. */
export async function recognise(images: Uint8Array[]): Promise<string[]> {
  const worker = await createWorker([...LANGUAGES], 1, { langPath: await languageDirectory(), gzip: true, cacheMethod: 'none', logger: () => {} });
  try {
    const texts: string[] = [];
    for (const image of images) texts.push((await worker.recognize(Buffer.from(image))).data.text);
    return texts;
  } finally {
    await worker.terminate();
  }
}
