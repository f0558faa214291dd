/** How wide a text is drawn, in px. */
export type Measure = (text: string) => number;

const ELLIPSIS = '…';

/** `text` cut at its end, with "…", to at most `width` px. */
function cut(text: string, width: number, measure: Measure): string {
  let s = text;
  while (s.length > 0 && measure(`${s}${ELLIPSIS}`) > width) s = s.slice(0, -1);
  return `${s.trimEnd()}${ELLIPSIS}`;
}

/**
 * A chart's name broken into at most `maxLines` lines of at most `width` px, between words, as a person would write
 * it by hand; a name that does not fit ends with "…" (the whole name is in the chart's tooltip and in the table beside
 * it). The chart draws on a canvas, which wraps and cuts nothing of itself in a way a reader can see.
 */
export function wrapName(name: string, width: number, measure: Measure, maxLines = 2): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (!line || measure(next) <= width) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const shown = lines.slice(0, maxLines);
  const last = shown.length - 1;
  if (lines.length > maxLines) shown[last] = cut(lines.slice(last).join(' '), width, measure);
  return shown.map((l) => (measure(l) > width ? cut(l, width, measure) : l)).join('\n');
}

/** Measures text as the chart draws it (a canvas in the same font); a rough measure where there is no canvas. */
export function canvasMeasure(font: string): Measure {
  const context = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  if (!context) return (text) => text.length * 7;
  context.font = font;
  return (text) => context.measureText(text).width;
}
