/** The paste box: paste text, pick a script, copy the converted text. */
import { useState } from 'preact/hooks';
import { TARGET_LABELS, TARGETS, type Target } from '@/utils/core/convert';
import { useT } from './Language';

export function PasteConverter({ convert }: { convert: (target: Target, text: string) => Promise<string> }) {
  const t = useT();
  const [input, setInput] = useState('');
  const [output, setOutput] = useState('');
  const [target, setTarget] = useState<Target>('tw');
  const [status, setStatus] = useState('');

  const run = async (text: string, to: Target) => {
    setOutput(text.trim() ? await convert(to, text) : '');
  };

  return (
    <section class="paste" aria-labelledby="paste-title">
      <h2 id="paste-title">{t('convertText')}</h2>
      <textarea
        aria-label={t('textToConvert')}
        placeholder={t('pastePlaceholder')}
        value={input}
        onInput={(e) => {
          const text = (e.target as HTMLTextAreaElement).value;
          setInput(text);
          void run(text, target);
        }}
      />
      <label>
        <select
          aria-label={t('convertTo')}
          value={target}
          onChange={(e) => {
            const to = (e.target as HTMLSelectElement).value as Target;
            setTarget(to);
            void run(input, to);
          }}
        >
          {TARGETS.map((t) => (
            <option key={t} value={t}>
              {TARGET_LABELS[t].zh} {TARGET_LABELS[t].en}
            </option>
          ))}
        </select>
      </label>
      <textarea aria-label={t('convertedText')} readOnly value={output} />
      <button
        type="button"
        disabled={!output}
        onClick={async () => {
          await navigator.clipboard.writeText(output);
          setStatus(t('copied'));
        }}
      >
        {t('copy')}
      </button>
      <span role="status" aria-live="polite">
        {status}
      </span>
    </section>
  );
}
