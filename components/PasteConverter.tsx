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
    setStatus('');
    if (!text.trim()) return setOutput('');
    try {
      setOutput(await convert(to, text));
    } catch {
      setStatus(t('conversionFailed'));
    }
  };

  return (
    <section class="paste" aria-labelledby="paste-title">
      <div class="paste-head">
        <h2 id="paste-title" class="section-title">
          {t('convertText')}
        </h2>
        <select
          class="tl-input"
          aria-label={t('convertTo')}
          value={target}
          onChange={(e) => {
            const to = (e.currentTarget as HTMLSelectElement).value as Target;
            setTarget(to);
            void run(input, to);
          }}
        >
          {TARGETS.map((choice) => (
            <option key={choice} value={choice}>
              {TARGET_LABELS[choice].zh} {TARGET_LABELS[choice].en}
            </option>
          ))}
        </select>
      </div>
      <textarea
        class="tl-input"
        aria-label={t('textToConvert')}
        placeholder={t('pastePlaceholder')}
        value={input}
        onInput={(e) => {
          const text = (e.currentTarget as HTMLTextAreaElement).value;
          setInput(text);
          void run(text, target);
        }}
      />
      <textarea class="tl-input" aria-label={t('convertedText')} readOnly value={output} />
      <div class="paste-actions">
        <button
          type="button"
          class="tl-button"
          disabled={!output}
          onClick={async () => {
            await navigator.clipboard.writeText(output);
            setStatus(t('copied'));
          }}
        >
          {t('copy')}
        </button>
        <span role="status" aria-live="polite" class="tl-muted">
          {status}
        </span>
      </div>
    </section>
  );
}
