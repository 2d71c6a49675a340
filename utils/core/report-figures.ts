/**
 * The page report's figures, from the categories of the matches it counts and the length of the
 * text they were found in: one way for a web page (entrypoints/content/page-report.ts) and a PDF
 * (entrypoints/pdf/pdf-messages.ts).
 */
import type { Category } from './glossary-schema';

export interface ReportFigures {
  occurrences: number;
  /** Occurrences per 1,000 characters, to one decimal. */
  density: number;
  byCategory: Record<Category, number>;
}

export function reportFigures(categories: readonly Category[], length: number): ReportFigures {
  const byCategory: Partial<Record<Category, number>> = {};
  for (const category of categories) byCategory[category] = (byCategory[category] ?? 0) + 1;
  const occurrences = categories.length;
  return {
    occurrences,
    density: length > 0 ? Math.round((occurrences / length) * 10000) / 10 : 0,
    byCategory: byCategory as Record<Category, number>,
  };
}
