/** Chat texts from content/: every language complete, quick replies rendered safely, passwords. */
import { describe, expect, it } from 'vitest';
import { parseQuickReplies, SYSTEM_MESSAGE_KEYS } from '../../chat-server/src/chat/chat-content';
import { hashPassword, verifyPassword } from '../../chat-server/src/auth/passwords';
import { LANG_CODES } from '../../chat-server/src/protocol';
import { content } from '../support/chat-app';
import { FACTS } from '../../content/facts';

describe('system messages', () => {
  it.each(LANG_CODES)('exist in %s, and the danger advice names 112 and 0800-2000', (lang) => {
    for (const key of SYSTEM_MESSAGE_KEYS) expect(content.systemMessage(lang, key).length).toBeGreaterThan(20);
    expect(content.systemMessage(lang, 'danger')).toContain('112');
    expect(content.systemMessage(lang, 'danger')).toContain('0800-2000');
    expect(content.systemMessage(lang, 'privacy')).toContain('IP');
  });
});

describe('quick replies', () => {
  it.each(LANG_CODES)('exist in %s', (lang) => {
    expect(content.quickReplies(lang).length).toBeGreaterThanOrEqual(5);
  });

  it.each(LANG_CODES)('in %s, and the system messages, get their numbers from the facts (no token left)', (lang) => {
    const texts = [
      ...content.quickReplies(lang).flatMap((reply) => [reply.title, reply.text, reply.html]),
      ...SYSTEM_MESSAGE_KEYS.map((key) => content.systemMessage(lang, key)),
    ];
    expect(texts.filter((text) => text.includes('{{'))).toEqual([]);
    expect(texts.join('\n')).toContain('0800-2000');
    expect(texts.join('\n')).toContain('112');
  });

  it('put the number in for a token, and refuse an unknown token with the file named', () => {
    const tokens = FACTS.tokens;
    const [reply] = parseQuickReplies('nl', '## Bel\n\nBel {{tel:veilig-thuis}}.', undefined, tokens);
    expect(reply?.text).toBe('Bel 0800-2000.');
    expect(() => parseQuickReplies('nl', '## Bel\n\nBel {{tel:veilig-thuiss}}.', undefined, tokens)).toThrow(
      /content\/chat\/quick-replies\/nl\.md: reply 1: unknown token \{\{tel:veilig-thuiss\}\}/,
    );
  });

  it('render markdown with HTML off and links made clickable with rel noopener', () => {
    const [reply] = parseQuickReplies(
      'nl',
      '<!-- note -->\n## Titel\n\nZie https://veiligthuis.nl <script>alert(1)</script>',
    );
    expect(reply?.title).toBe('Titel');
    expect(reply?.text).toBe('Zie https://veiligthuis.nl <script>alert(1)</script>');
    expect(reply?.html).toContain('&lt;script&gt;');
    expect(reply?.html).not.toContain('<script>');
    expect(reply?.html).toContain(
      '<a href="https://veiligthuis.nl" rel="noopener noreferrer">https://veiligthuis.nl</a>',
    );
  });

  it('refuses a reply without text', () => {
    expect(() => parseQuickReplies('nl', '## Leeg\n')).toThrow(/quick-replies\/nl\.md/);
  });
});

describe('operator passwords', () => {
  it('verify with scrypt and refuse a wrong one', async () => {
    const hash = await hashPassword('correct horse battery', { N: 1024, r: 8, p: 1 });
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});
