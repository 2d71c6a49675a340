/**
 * Small controls every surface shares: tabs (arrow keys move between them), a switch, and a
 * segmented choice. Each is a native element underneath (button, checkbox, radio), so keyboard and
 * screen-reader behaviour come with it.
 */
import type { ComponentChildren } from 'preact';

export interface TabSpec<T extends string> {
  id: T;
  label: ComponentChildren;
}

/**
 * A tab list with roving focus: Left/Right (and Home/End) move to and select the neighbouring tab,
 * as the ARIA tabs pattern with automatic activation does. Panels are labelled by their tab
 * (`tabId(id)`) and identified by `panelId(id)`.
 */
export function Tabs<T extends string>(props: {
  label: string;
  tabs: TabSpec<T>[];
  selected: T;
  /** `byKeyboard`: the arrow keys chose it, and the focus stays on the tab (a view must not take it). */
  onSelect: (id: T, byKeyboard: boolean) => void;
  idPrefix: string;
}) {
  const { tabs, selected, onSelect, idPrefix } = props;
  const move = (event: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.id === selected);
    const next =
      event.key === 'ArrowRight'
        ? (at + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    onSelect(tabs[next].id, true);
    // Focus follows the selection (the element exists: the tab list re-renders in place).
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`#${idPrefix}-tab-${tabs[next].id}`)?.focus();
  };
  return (
    <div class="tl-tabs" role="tablist" aria-label={props.label} onKeyDown={move}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${tab.id}`}
          aria-selected={tab.id === selected}
          aria-controls={`${idPrefix}-panel-${tab.id}`}
          tabIndex={tab.id === selected ? 0 : -1}
          onClick={() => onSelect(tab.id, false)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

export function TabPanel(props: { idPrefix: string; id: string; selected: boolean; children: ComponentChildren; class?: string }) {
  return (
    <section
      class={`tl-panel ${props.class ?? ''}`}
      role="tabpanel"
      id={`${props.idPrefix}-panel-${props.id}`}
      aria-labelledby={`${props.idPrefix}-tab-${props.id}`}
      hidden={!props.selected}
    >
      {props.selected && props.children}
    </section>
  );
}

/** A labelled on/off switch (a checkbox with role switch). */
export function Switch(props: {
  label: ComponentChildren;
  checked: boolean;
  onChange: (on: boolean) => void;
  hint?: string;
  /** A hint kept out of the layout (where space is short): shown on hover. */
  title?: string;
  disabled?: boolean;
}) {
  return (
    <label class="tl-switch" title={props.title}>
      <input
        type="checkbox"
        role="switch"
        aria-checked={props.checked}
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span class="tl-switch-track" aria-hidden="true" />
      <span class="tl-switch-label">
        {props.label}
        {props.hint && <span class="tl-hint">{props.hint}</span>}
      </span>
    </label>
  );
}

/** One choice out of a few, shown side by side (radio buttons underneath). */
export function Segmented<T extends string>(props: {
  legend: string;
  name: string;
  options: { value: T; label: ComponentChildren }[];
  value: T;
  onChange: (value: T) => void;
  small?: boolean;
}) {
  return (
    <fieldset class={props.small ? 'tl-segmented small' : 'tl-segmented'}>
      <legend class="visually-hidden">{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.value}>
          <input type="radio" name={props.name} checked={props.value === option.value} onChange={() => props.onChange(option.value)} />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
