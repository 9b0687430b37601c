/** The panel's and the pad's few styles, added to the page once (class names prefixed `ct-run`, `ct-digit`). */
const CSS = `
.ct-run, .ct-digit { font: 14px/1.4 system-ui, sans-serif; }
.ct-run-gallery { display: flex; flex-wrap: wrap; gap: 4px; }
.ct-run-gallery button[aria-pressed="true"] { font-weight: bold; outline: 2px solid #36c; }
.ct-run-bar { display: flex; gap: 8px; align-items: center; margin: 6px 0; }
.ct-run-error { color: #b00; white-space: pre-wrap; }
.ct-run-top { margin: 4px 0; padding-left: 1.5em; font-variant-numeric: tabular-nums; }
.ct-run-images { display: flex; gap: 12px; }
.ct-run-images[hidden] { display: none; }
.ct-run-images figure { margin: 0; text-align: center; }
.ct-run-images canvas { width: 192px; height: 192px; image-rendering: pixelated; border: 1px solid #ccc; }
.ct-digit { display: flex; gap: 16px; align-items: flex-start; flex-wrap: wrap; }
.ct-digit-pad { width: 280px; height: 280px; touch-action: none; background: #000; border-radius: 4px; cursor: crosshair; }
.ct-digit-seen { width: 84px; height: 84px; image-rendering: pixelated; border: 1px solid #ccc; }
.ct-digit-bars { list-style: none; margin: 0; padding: 0; width: 220px; font-variant-numeric: tabular-nums; }
.ct-digit-bars li { display: grid; grid-template-columns: 1.2em 1fr 3.5em; gap: 6px; align-items: center; height: 22px; }
.ct-digit-bars .ct-digit-fill { height: 14px; background: #9ab; transform-origin: left; }
.ct-digit-bars li.ct-digit-top .ct-digit-fill { background: #36c; }
.ct-digit-bars li.ct-digit-top { font-weight: bold; }
`;

let added = false;

export function injectStyle(): void {
  if (added || typeof document === 'undefined') return;
  added = true;
  const style = document.createElement('style');
  style.textContent = CSS;
  document.head.append(style);
}
