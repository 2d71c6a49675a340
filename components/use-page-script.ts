/**
 * The script an extension page's own text is shown in (the reader view, a PDF's reader view), and
 * the busy state while the page converter rewrites it.
 */
import { useState } from 'preact/hooks';
import type { ScriptChoice } from '@/utils/core/convert';
import { logOnce } from '@/utils/core/log';
import type { PageConverter } from '@/utils/page/page-converter';

export function usePageScript(converter: PageConverter, page: string) {
  const [script, setScript] = useState<ScriptChoice>('original');
  const [busy, setBusy] = useState(false);
  const choose = async (choice: ScriptChoice) => {
    setBusy(true);
    try {
      await converter.apply(choice);
    } catch (error) {
      logOnce(page, 'the conversion failed', error);
    }
    setScript(converter.choice);
    setBusy(false);
  };
  return { script, busy, choose };
}
