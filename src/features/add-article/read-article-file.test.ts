import { describe, expect, it } from 'vitest';
import { prepareArticle, withoutInlineHandlers } from './read-article-file';

describe('withoutInlineHandlers', () => {
  it('drops on* attributes inside tags only, leaving the text alone', () => {
    expect(
      withoutInlineHandlers(`<img src="x" onerror="steal()" alt='a'><p onclick=go class="c">Tap on=this</p>`),
    ).toBe(`<img src="x" alt='a'><p class="c">Tap on=this</p>`);
  });
});

describe('prepareArticle', () => {
  it('reduces pasted HTML to its text, scripts and markup gone', () => {
    const prepared = prepareArticle(
      '<html><body><p>Output fell 3%.</p><script>window.__ran = 1</script></body></html>',
      'text',
    );
    expect(prepared).toEqual({ ok: true, text: 'Output fell 3%.', from: 'html' });
  });

  it('reads Markdown as plain text', () => {
    expect(prepareArticle('# Oil\n\nOutput **fell** 3% in [January](https://x.test).', 'markdown')).toEqual({
      ok: true,
      text: 'Oil\n\nOutput fell 3% in January.',
      from: 'markdown',
    });
  });

  it('refuses a pasted PDF and binary junk', () => {
    expect(prepareArticle('%PDF-1.7 …', 'text')).toMatchObject({ ok: false });
    expect(prepareArticle('\u0001\u0002\u0003\u0004 abc \u0005\u0006', 'text')).toMatchObject({ ok: false });
  });
});
