/**
 * The overlay's CSS, as strings adopted into its shadow roots. `:host { all: initial !important }`
 * stops the page's inherited styles (fonts, colours, line heights) from reaching in, and nothing
 * here can reach out: shadow-root styles only apply inside their root.
 */

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

const TONES = `
.tone-danger { background: #fde8e8; color: #9b1c1c; }
.tone-warning { background: #fdf1d6; color: #7a4300; }
.tone-info { background: #e1effe; color: #1e429f; }
.tone-ok { background: #def7ec; color: #03543f; }
.tone-muted { background: #eceff3; color: #4b5563; }
.sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;

/** One chip: small pills that sit on the name's line without making it taller. */
export const CHIP_CSS = `
:host { all: initial !important; display: inline !important; }
.chip { display: inline; margin-left: 8px; font: 600 11.5px/14px ${FONT}; letter-spacing: 0; }
.part { display: inline-block; padding: 1px 7px; margin-right: 4px; border-radius: 999px; white-space: nowrap; vertical-align: 1px; }
.part:last-child { margin-right: 0; }
${TONES}
`;

/** The summary bar at the top of the page content. */
export const BAR_CSS = `
:host { all: initial !important; display: block !important; margin: 12px 0 !important; }
.bar { box-sizing: border-box; display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; padding: 8px 12px;
  border: 1px solid #c9d6e8; border-left: 4px solid #1d4f91; border-radius: 8px; background: #ffffff; color: #1f2933;
  font: 400 13px/18px ${FONT}; box-shadow: 0 1px 2px rgba(15, 23, 42, 0.08); }
.bar.state-partial { border-left-color: #b7791f; }
.bar.state-unreadable { border-left-color: #c53030; background: #fff8f6; }
.brand { display: inline-flex; align-items: center; gap: 6px; font-weight: 700; color: #00365f; white-space: nowrap; }
.brand svg { flex: none; }
.summary { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 6px; min-width: 0; }
.pill { display: inline-block; padding: 2px 9px; border-radius: 999px; font-weight: 600; font-size: 12px; white-space: nowrap; }
.message { flex: 1 1 320px; min-width: 0; }
.saved { color: #52606d; font-size: 12px; white-space: nowrap; }
.actions { display: inline-flex; gap: 8px; margin-left: auto; align-items: center; }
button { font: 600 12px/16px ${FONT}; padding: 5px 12px; border-radius: 6px; border: 1px solid #1d4f91; background: #1d4f91;
  color: #fff; cursor: pointer; }
button:hover { background: #163d70; }
button.secondary { background: #fff; color: #1d4f91; }
button.secondary:hover { background: #eef4fc; }
button:focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
.notice { flex-basis: 100%; font-size: 12px; color: #334e68; }
.notice:empty { display: none; }
.notice.error { color: #9b1c1c; }
textarea { flex-basis: 100%; box-sizing: border-box; min-height: 120px; font: 12px/16px ui-monospace, Menlo, Consolas, monospace; }
.bar.collapsed .detail, .bar.collapsed .long, .bar:not(.collapsed) .short { display: none; }
${TONES}
`;
