// Where `check` puts its result: the chosen format, on stdout or into the
// file -o names (a review page or a SARIF log is a file to hand on).

import { writeFileSync } from 'node:fs';
import type { Lang } from '../core/service';
import type { OutputFormat } from './args';
import { formatJson, formatText, type FileResult, type RunSummary } from './format';
import type { Io } from './io';
import { cannotWrite } from './messages';
import { renderReviewPage } from './review-page';
import { formatSarif } from './sarif';

export function renderResults(format: OutputFormat, results: readonly FileResult[], summary: RunSummary, lang: Lang): string {
  switch (format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, { lang, unchecked: summary.unchecked ?? [] });
    case 'html':
      return renderReviewPage(results, summary, { lang });
    case 'text':
      return formatText(results, summary, lang);
  }
}

/** False when the file could not be written (said on stderr). */
export function writeResult(text: string, output: string | undefined, io: Io): boolean {
  if (output === undefined || output === '-') {
    io.out(text);
    return true;
  }
  try {
    writeFileSync(output, text);
    return true;
  } catch (error) {
    io.err(cannotWrite(output, error));
    return false;
  }
}
