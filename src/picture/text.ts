/**
 * Text measures for the picture without a DOM: the SVG uses a monospace font, whose advance is 0.6 em in every
 * common face (Menlo, Consolas, DejaVu Sans Mono, Liberation Mono), so a label's width is known from its length.
 */

/** Width in px of `text` at `size` px in a monospace face. */
export const textWidth = (text: string, size: number): number => Math.ceil([...text].length * size * 0.6);

/** `text` broken at spaces outside `[…]` (a shape stays on one line) into lines of about `width` characters. */
export function wrap(text: string, width = 56): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+(?![^[]*\])/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Escapes text for SVG/XML content and attribute values. */
export const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
