/**
 * Markdown to plain text: the words a reader sees, one paragraph per block, no markup. Links keep their
 * text, images and code fences' markers go, tables become lines of cells.
 */
export function markdownToText(md: string): string {
  const lines = md.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let inFence = false;
  for (const raw of lines) {
    if (/^\s*(?:```|~~~)/.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(raw);
      continue;
    }
    if (/^\s*(?:[-*_]\s*){3,}$/.test(raw)) continue; // thematic break
    if (/^\s*\|?\s*:?-{3,}/.test(raw) && raw.includes('-') && /^[\s|:-]+$/.test(raw)) continue; // table rule
    let line = raw
      .replace(/^\s{0,3}#{1,6}\s+/, '') // heading
      .replace(/\s+#+\s*$/, '')
      .replace(/^\s*(?:>\s?)+/, '') // blockquote
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '') // list item
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '') // image
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // link
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1') // reference link
      .replace(/<[^>]+>/g, '') // inline HTML tags
      .replace(/(\*\*|__)(?=\S)([^*_]+?)\1/g, '$2') // strong
      .replace(/(^|[^\w*])([*_])(?=\S)([^*_]+?)\2(?!\w)/g, '$1$3') // emphasis
      .replace(/`([^`]+)`/g, '$1') // code
      .replace(/~~([^~]+)~~/g, '$1');
    if (/^\s*\|.*\|\s*$/.test(line)) {
      line = line
        .split('|')
        .map((cell) => cell.trim())
        .filter(Boolean)
        .join(' ');
    }
    if (/^\s*\[[^\]]+\]:\s*\S+/.test(line)) continue; // link reference definition
    out.push(line.trimEnd());
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
