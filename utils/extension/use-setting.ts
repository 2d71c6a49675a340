/**
 * The one way an extension page reads, follows and changes a setting. Every write goes through
 * `update`; `saved` tells the page when the last write is stored (the options show it).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { logOnce } from '../core/log';
import type { Setting } from './settings';

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export function useSetting<T>(setting: Setting<T>): {
  value: T | undefined;
  update: (change: (current: T) => T) => Promise<void>;
  state: SaveState;
} {
  const [value, setValue] = useState<T | undefined>();
  const [state, setState] = useState<SaveState>('idle');
  useEffect(() => {
    let live = true;
    void setting.read().then((v) => live && setValue(v));
    const stop = setting.watch((v) => setValue(v));
    return () => {
      live = false;
      stop();
    };
  }, [setting]);
  const update = useCallback(
    async (change: (current: T) => T) => {
      // Shown at once (a switch must not flip back while the write is on its way), then replaced
      // by what was stored, which the schema may have corrected.
      setValue((current) => (current === undefined ? current : change(current)));
      setState('saving');
      try {
        setValue(await setting.update(change));
        setState('saved');
      } catch (error) {
        logOnce(`setting ${setting.key}`, 'could not save it', error);
        setValue(await setting.read());
        setState('failed');
      }
    },
    [setting],
  );
  return { value, update, state };
}
