import { describe, expect, it } from 'vitest';
import { checkArticleInput, MAX_ARTICLE_BYTES } from './check-input';
import { readableText } from './html';
import { isEnglish } from './language';
import { markdownToText } from './markdown';
import { splitSentences } from './sentences';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('checkArticleInput', () => {
  it('accepts text, Markdown and HTML, by extension or by look', () => {
    expect(checkArticleInput({ text: 'Moscow lost 1,400 tanks.' })).toEqual({ ok: true, from: 'text' });
    expect(checkArticleInput({ bytes: bytes('# Title\n\nText'), fileName: 'a.md' })).toEqual({
      ok: true,
      from: 'markdown',
    });
    expect(checkArticleInput({ bytes: bytes('<p>x</p>'), fileName: 'a.HTML' })).toEqual({ ok: true, from: 'html' });
    expect(checkArticleInput({ text: '<!doctype html><html><body>x</body></html>' })).toEqual({
      ok: true,
      from: 'html',
    });
  });
  it.each([
    [{ text: '   \n ' }, /no text/],
    [{ bytes: bytes(''), fileName: 'empty.txt' }, /empty\.txt is empty/],
    [{ text: 'x', size: MAX_ARTICLE_BYTES + 1 }, /5\.0 MB.*up to 5 MB/],
    [{ bytes: bytes('%PDF-1.7\n…'), fileName: 'story.pdf' }, /PDF/],
    [{ bytes: bytes('%PDF-1.4 binary'), fileName: 'story.txt' }, /PDF/],
    [{ bytes: new Uint8Array([72, 105, 0, 1, 2, 3]), fileName: 'x.txt' }, /binary/],
    [{ text: 'ab\u0001\u0002\u0003\u0004cd' }, /binary/],
    [{ bytes: bytes('hello'), fileName: 'story.docx' }, /\.docx files are not supported/],
  ])('refuses %o with a clear message', (raw, message) => {
    const result = checkArticleInput(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('readableText', () => {
  it('keeps the article’s text and never its scripts, styles or markup', () => {
    const html = `<!doctype html><html><head><title>Oil output</title><style>p{color:red}</style>
      <script>window.hacked = true; document.title = 'x'</script></head><body>
      <nav>Home | World</nav><article><h1>Russia braces for oil output cuts</h1>
      <p>Russia may be forced to throttle back its oil output in the coming months, executives said on Wednesday.</p>
      <p>The output cuts could start small, with production slipping below nine million barrels per day.</p>
      <script>alert(1)</script><img src="x" onerror="window.hacked = true"></article></body></html>`;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const { title, text } = readableText(doc);
    expect(title).toBe('Russia braces for oil output cuts');
    expect(text).toContain('slipping below nine million barrels per day.');
    expect(text).not.toMatch(/alert|hacked|color:red|<p>|<script/);
    expect((window as unknown as { hacked?: boolean }).hacked).toBeUndefined();
    // The caller's document is left as it was.
    expect(doc.querySelectorAll('script')).toHaveLength(2);
  });
  it('separates paragraphs', () => {
    const doc = new DOMParser().parseFromString('<body><p>One.</p><p>Two.</p></body>', 'text/html');
    expect(readableText(doc).text).toBe('One.\n\nTwo.');
  });
});

describe('markdownToText', () => {
  it('keeps the words and drops the markup', () => {
    const md =
      '# Headline\n\nRussia **lost** [1,400 tanks](https://x.test) in _2024_.\n\n- one item\n> quoted\n\n![chart](c.png)';
    expect(markdownToText(md)).toBe('Headline\n\nRussia lost 1,400 tanks in 2024.\n\none item\nquoted');
  });
});

describe('splitSentences', () => {
  it('splits lines and sentences and keeps offsets into the text', () => {
    const text =
      'Headline without a stop\nMr. Trump met U.S. officials on Feb. 12. He left.\n\n“We won,” he said. ' +
      'It was approved in March 2023. Ukraine got $9.8 billion, the U.N. says.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      'Headline without a stop',
      'Mr. Trump met U.S. officials on Feb. 12.',
      'He left.',
      '“We won,” he said.',
      'It was approved in March 2023.',
      'Ukraine got $9.8 billion, the U.N. says.',
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('isEnglish', () => {
  it('tells English news prose from other languages', () => {
    expect(
      isEnglish(
        'Russia may be forced to throttle back its oil output in the coming months as US sanctions hamper its access to tankers and drones hit its refineries, executives said.',
      ),
    ).toBe(true);
    expect(
      isEnglish(
        'Россия может сократить добычу нефти в ближайшие месяцы, так как санкции США ограничивают доступ к танкерам, сообщили руководители компаний.',
      ),
    ).toBe(false);
    expect(
      isEnglish(
        'Rusia podría verse obligada a reducir su producción de petróleo en los próximos meses, ya que las sanciones de Estados Unidos dificultan su acceso a petroleros.',
      ),
    ).toBe(false);
    expect(
      isEnglish(
        'La Russie pourrait être contrainte de réduire sa production de pétrole dans les mois à venir, les sanctions américaines entravant son accès aux pétroliers.',
      ),
    ).toBe(false);
  });
});
