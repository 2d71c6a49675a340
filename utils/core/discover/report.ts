/**
 * The readable report of `tifa discover`: what was read, then each candidate, best first, with
 * the evidence it was ranked on and where it is cited.
 *
 * Pure.
 */
import type { Candidate, DiscoverResult } from './discover';

const KIND_NAMES: Record<Candidate['kinds'][number], string> = {
  numbered: 'numbered formula',
  quoted: 'quoted slogan',
  series: 'parallel series',
  cohesive: 'cohesive sequence',
};

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** How many times more frequent than in ordinary text, rounded as a reader reads it. */
function timesOrdinary(logRatio: number): string {
  const times = 2 ** logRatio;
  return times >= 1000 ? `${Math.round(times / 100) * 100}` : times >= 100 ? `${Math.round(times / 10) * 10}` : `${Math.round(times)}`;
}

function candidateLines(candidate: Candidate, rank: number): string[] {
  const cited = [`cited in ${candidate.citations}`];
  if (candidate.quotedDocuments > 0) cited.push(`quoted in ${candidate.quotedDocuments}`);
  const lines = [
    `${rank}. ${candidate.form}    ${plural(candidate.documents, 'document', 'documents')} (${cited.join(', ')}) · ${timesOrdinary(candidate.logRatio)}× ordinary text · ${candidate.kinds.map((k) => KIND_NAMES[k]).join(', ')}`,
  ];
  if (candidate.otherForms.length > 0) lines.push(`   also written ${candidate.otherForms.slice(0, 3).join(', ')}`);
  for (const c of candidate.contexts) lines.push(`   ${c.document}: …${c.before}【${c.text}】${c.after}…`);
  return lines;
}

export function discoveryReport(result: DiscoverResult): string {
  const read = [];
  if (result.duplicates > 0) read.push(`${plural(result.duplicates, 'duplicate', 'duplicates')} left out`);
  read.push(`${(result.characters / 1e6).toFixed(2)} million Han characters`);
  const shown = result.candidates.length < result.found ? `; the first ${result.candidates.length}, best first` : ', best first';
  const lines = [
    `${plural(result.found, 'candidate', 'candidates')} that neither the glossary nor your phrases hold, in ${plural(result.documents, 'document', 'documents')} (${read.join('; ')})${shown}`,
  ];
  result.candidates.forEach((candidate, i) => {
    lines.push('', ...candidateLines(candidate, i + 1));
  });
  return `${lines.join('\n')}\n`;
}
