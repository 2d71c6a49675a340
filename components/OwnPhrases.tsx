/**
 * A reader's own phrases, in the options: add one, import a list (CSV or JSON), export it, remove
 * what is no longer wanted. Problems are said in words and name their row; a file with any problem
 * imports nothing. A phrase the glossary already has is listed as such and not added.
 */
import { useState } from 'preact/hooks';
import { useT } from './Language';
import { CATEGORIES } from '@/utils/core/glossary-schema';
import { categoryLabel, type MessageKey, type Translate } from '@/utils/core/i18n';
import type { Matcher } from '@/utils/core/matcher';
import {
  checkOwnPhrase,
  DEFAULT_OWN_CATEGORY,
  findCollisions,
  mergeOwnPhrases,
  ownPhrasesToCsv,
  ownPhrasesToJson,
  parseOwnPhrasesFile,
  type Collision,
  type KeyOf,
  type OwnPhrase,
  type ParseResult,
  type RowError,
} from '@/utils/core/own-phrases';

export interface OwnPhrasesProps {
  phrases: readonly OwnPhrase[];
  /** Stores a new list (the options wire it to storage.local). */
  onChange: (change: (current: OwnPhrase[]) => OwnPhrase[]) => Promise<unknown>;
  /** The glossary's matcher (every entry) and its key: what collisions and duplicates are judged by. */
  glossary: Matcher;
  keyOf: KeyOf;
  entryLink: (id: string) => string;
  save: (name: string, type: string, content: string) => void;
}

type Outcome =
  | { kind: 'errors'; errors: RowError[]; unit: 'row' | 'item' }
  | { kind: 'done'; added: number; updated: number; collisions: Collision[] };

/** One problem in words: "Row 3: “hello” has no Chinese characters." */
function describeRowError(t: Translate, error: RowError, unit: 'row' | 'item'): string {
  const where = t(unit === 'row' ? 'ownRow' : 'ownItem', error.row);
  const what = t(`ownProblem_${error.problem.replace(/-/g, '_')}` as MessageKey, error.value ?? '', error.other ?? 0);
  return `${where}: ${what}`;
}

export function OwnPhrases(props: OwnPhrasesProps) {
  const t = useT();
  const [form, setForm] = useState({ form: '', meaning: '', note: '', category: DEFAULT_OWN_CATEGORY as string });
  const [outcome, setOutcome] = useState<Outcome | undefined>();

  /** Adds what passed the checks, leaving out (and reporting) what the glossary has already. */
  const store = async (result: ParseResult, unit: 'row' | 'item'): Promise<boolean> => {
    if (!result.ok) {
      setOutcome({ kind: 'errors', errors: result.errors, unit });
      return false;
    }
    const collisions = findCollisions(result.phrases, props.glossary, props.keyOf);
    const colliding = new Set(collisions.map((c) => c.phrase.id));
    const incoming = result.phrases.filter((p) => !colliding.has(p.id));
    let counts = { added: 0, updated: 0 };
    await props.onChange((current) => {
      const merged = mergeOwnPhrases(current, incoming);
      counts = merged;
      return merged.phrases;
    });
    setOutcome({ kind: 'done', added: counts.added, updated: counts.updated, collisions });
    return incoming.length > 0;
  };

  const add = async (event: Event) => {
    event.preventDefault();
    if (await store(checkOwnPhrase(form, props.keyOf), 'row')) setForm({ ...form, form: '', meaning: '', note: '' });
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = '';
    await store(parseOwnPhrasesFile(file.name, text, props.keyOf), /\.json$/i.test(file.name) ? 'item' : 'row');
  };

  return (
    <div class="own-phrases">
      <form class="own-add" onSubmit={(e) => void add(e)}>
        <label>
          <span class="opt-label">{t('ownForm')}</span>
          <input
            class="tl-input"
            name="form"
            lang="zh"
            required
            value={form.form}
            onInput={(e) => setForm({ ...form, form: e.currentTarget.value })}
          />
        </label>
        <label>
          <span class="opt-label">{t('ownMeaning')}</span>
          <input
            class="tl-input"
            name="meaning"
            value={form.meaning}
            onInput={(e) => setForm({ ...form, meaning: e.currentTarget.value })}
          />
        </label>
        <label>
          <span class="opt-label">{t('ownNote')}</span>
          <input class="tl-input" name="note" value={form.note} onInput={(e) => setForm({ ...form, note: e.currentTarget.value })} />
        </label>
        <label>
          <span class="opt-label">{t('category')}</span>
          <select
            class="tl-input"
            name="category"
            value={form.category}
            onChange={(e) => setForm({ ...form, category: e.currentTarget.value })}
          >
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(t, c)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="tl-button primary">
          {t('ownAdd')}
        </button>
      </form>

      <div class="own-files">
        <label class="tl-button file-button">
          {t('ownImport')}
          <input
            type="file"
            class="visually-hidden"
            accept=".csv,.tsv,.txt,.json,text/csv,application/json,text/plain"
            onChange={(e) => void importFile(e.currentTarget)}
          />
        </label>
        <button
          type="button"
          class="tl-button"
          disabled={props.phrases.length === 0}
          onClick={() => props.save('tifa-lens-own-phrases.csv', 'text/csv', ownPhrasesToCsv(props.phrases))}
        >
          {t('ownExportCsv')}
        </button>
        <button
          type="button"
          class="tl-button"
          disabled={props.phrases.length === 0}
          onClick={() => props.save('tifa-lens-own-phrases.json', 'application/json', ownPhrasesToJson(props.phrases))}
        >
          {t('ownExportJson')}
        </button>
      </div>
      <p class="opt-hint">{t('ownImportHint')}</p>

      {outcome?.kind === 'errors' && (
        <div class="own-outcome problem" role="alert">
          <p>{t('ownNothingImported')}</p>
          <ul>
            {outcome.errors.slice(0, 20).map((error) => (
              <li key={`${error.row}-${error.problem}`}>{describeRowError(t, error, outcome.unit)}</li>
            ))}
          </ul>
          {outcome.errors.length > 20 && <p>{t('ownMoreProblems', outcome.errors.length - 20)}</p>}
        </div>
      )}
      {outcome?.kind === 'done' && (
        <div class="own-outcome" role="status">
          <p>
            {t('ownAdded', outcome.added)}
            {outcome.updated > 0 && ` ${t('ownUpdated', outcome.updated)}`}
          </p>
          {outcome.collisions.length > 0 && (
            <>
              <p>{t('ownCollisions', outcome.collisions.length)}</p>
              <ul>
                {outcome.collisions.map((c) => (
                  <li key={c.phrase.id}>
                    <span lang="zh">{c.phrase.form}</span> →{' '}
                    <a href={props.entryLink(c.entryId)} target="_blank" rel="noopener">
                      {t('ownGlossaryEntry')}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}

      {props.phrases.length === 0 ? (
        <p class="tl-note">{t('ownEmpty')}</p>
      ) : (
        <table class="own-list">
          <caption class="visually-hidden">{t('sectionOwn')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ownForm')}</th>
              <th scope="col">{t('ownMeaning')}</th>
              <th scope="col">{t('category')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('ownRemoveColumn')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.phrases.map((p) => (
              <tr key={p.id}>
                <td lang="zh">{p.form}</td>
                <td>
                  {p.meaning}
                  {p.note && <span class="tl-hint own-note-text">{p.note}</span>}
                </td>
                <td>
                  <span class={`tl-cat tl-cat-${p.category}`}>{categoryLabel(t, p.category)}</span>
                </td>
                <td>
                  <button
                    type="button"
                    class="tl-button small"
                    aria-label={t('ownRemove', p.form)}
                    onClick={() => void props.onChange((current) => current.filter((q) => q.id !== p.id))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
