// Shared look for the interactive figures of lessons 6 and 7: fieldsets, labels,
// selects, range inputs, buttons and the live result line. Theme variables only.
export const uiCss = `
.lf-ui { display: grid; gap: .9rem; color: var(--lf-text); line-height: 1.4; }
.lf-ui-grid { display: grid; gap: .75rem; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); }
.lf-ui fieldset { margin: 0; min-width: 0; border: 1px solid var(--lf-border); border-radius: 10px;
  padding: .45rem .85rem .7rem; background: var(--lf-surface); }
.lf-ui legend { font-weight: 650; padding: 0 .25rem; }
.lf-ui label { display: flex; flex-wrap: wrap; align-items: center; gap: .3rem .55rem; padding: .25rem 0; cursor: pointer; }
.lf-ui input, .lf-ui select, .lf-ui button { font: inherit; color: var(--lf-text); }
.lf-ui input[type=radio], .lf-ui input[type=checkbox] { accent-color: var(--lf-accent); width: 1.05rem; height: 1.05rem; margin: .2rem 0 0; flex: none; }
.lf-ui label.lf-ui-opt { flex-wrap: nowrap; align-items: flex-start; }
.lf-ui-opt > span { flex: 1; min-width: 0; }
.lf-ui input[type=range] { accent-color: var(--lf-accent); width: 100%; margin: .2rem 0; }
.lf-ui select { border: 1px solid var(--lf-border); border-radius: 6px; background: var(--lf-bg); padding: .15rem .35rem; max-width: 100%; }
.lf-ui button { cursor: pointer; border-radius: 999px; padding: .4rem 1rem; border: 1.5px solid var(--lf-accent);
  background: var(--lf-accent-soft); font-weight: 600; }
.lf-ui-row { display: flex; flex-wrap: wrap; gap: .5rem; }
.lf-ui :is(input, select, button):focus-visible { outline: 3px solid var(--lf-accent); outline-offset: 2px; }
.lf-ui-out { margin: 0; padding: .65rem .9rem; border-radius: 10px; background: var(--lf-surface-2); }
.lf-ui-hint { color: var(--lf-text-muted); font-size: .88em; }
`

/** Thousands separators, no locale surprises ("1,024"). */
export const fmt = (n: number, digits = 0) => {
  const [whole, frac] = n.toFixed(digits).split('.')
  return whole.replace(/\B(?=(\d{3})+$)/g, ',') + (frac ? `.${frac}` : '')
}
