/**
 * Script conversion in this frame: the page converter, the site's remembered choice, the keyboard
 * toggle and the selection. opencc-js lives in the extension (offscreen document), never in the
 * page; this frame only reads and writes text, and nothing is loaded until a conversion is asked for.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ScriptChoice, Target } from '@/utils/core/convert';
import { createScriptDetector } from '@/utils/core/fold';
import { logOnce } from '@/utils/core/log';
import { choiceFor, type ConversionSettings } from '@/utils/core/settings-schema';
import { requestConversion } from '@/utils/extension/conversion-client';
import { compiledPhrases } from '@/utils/extension/generated/phrases';
import { conversionSettings } from '@/utils/extension/settings';
import { PageConverter } from '@/utils/page/page-converter';
import { pageHasChinese, textSample } from '@/utils/page/page-text';
import type { HighlightSession } from './highlighting';
import { mark, measure } from '@/utils/page/timing';

export class Conversion {
  private readonly converter: PageConverter;
  private settings: ConversionSettings;
  private detectScript: ((sample: string) => 'simplified' | 'traditional') | undefined;

  constructor(
    ctx: ContentScriptContext,
    private readonly session: HighlightSession,
    isOwnUi: (element: Element) => boolean,
    settings: ConversionSettings,
  ) {
    this.settings = settings;
    this.converter = new PageConverter(document, requestConversion, {
      isOwnUi,
      // The highlighter waits while the whole page is rewritten, then re-reads what changed once.
      watcher: { pause: () => session.pause(), resume: () => session.resume() },
      // Testing and benchmark hook: a user-timing mark when what the reader sees is painted. The
      // converter writes at the start of a frame, so the next frame's start follows its paint.
      onVisible: () => requestAnimationFrame(() => mark('tifa-visible-converted')),
    });
    ctx.onInvalidated(() => this.converter.stop());
    // The keyboard toggle and the next visit follow the site's choice as it changes.
    ctx.onInvalidated(conversionSettings.watch((next) => (this.settings = next)));
  }

  get choice(): ScriptChoice {
    return this.converter.choice;
  }

  /** A site remembered in another script (or the default) is converted as it loads. */
  applyRemembered(): void {
    const remembered = choiceFor(this.settings, location.hostname);
    if (remembered === 'original' || !document.body || !pageHasChinese(document.body)) return;
    void this.apply(remembered).catch((error: unknown) => logOnce('conversion', 'the remembered script could not be applied', error));
  }

  /** Shows the page in `choice`; resolves when it is done (rejects when the converter failed). */
  apply(choice: ScriptChoice): Promise<void> {
    const started = performance.now();
    const done = this.converter.apply(choice);
    // Testing and benchmark hook: a user-timing measure per conversion or restore. "-painted":
    // until the frame of the last write is laid out and painted (the last write is made at the
    // start of a frame, so the next frame's start follows its paint).
    void done.then(
      () => {
        const name = choice === 'original' ? 'tifa-restore' : 'tifa-convert';
        measure(name, { start: started, detail: { choice } });
        requestAnimationFrame(() => measure(`${name}-painted`, { start: started }));
      },
      () => {}, // reported to whoever asked (the popup shows it)
    );
    return done;
  }

  /** The keyboard command: to the site's script, or the other script, and back to the original. */
  toggle(): Promise<void> {
    const done = this.apply(this.converter.choice === 'original' ? this.toggleTarget() : 'original');
    // A keyboard command has no one to show a failure to.
    done.catch((error: unknown) => logOnce('conversion', 'the keyboard toggle failed', error));
    return done;
  }

  private toggleTarget(): Target {
    const remembered = choiceFor(this.settings, location.hostname);
    if (remembered !== 'original') return remembered;
    const matcher = this.session.phraseMatcher();
    this.detectScript ??= createScriptDetector(matcher.fold, compiledPhrases.foldPairs);
    const sample = document.body ? textSample(document.body, 4000) : '';
    return this.detectScript(sample) === 'traditional' ? 'cn' : 'tw';
  }

  /**
   * Converts the selected text in place (the context menu), through the converter's record of
   * originals, so that Original restores it; editable regions are never touched.
   */
  convertSelection(target: Target): Promise<boolean> {
    const selection = getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return Promise.resolve(false);
    return this.converter.convertRange(selection.getRangeAt(0), target);
  }
}
