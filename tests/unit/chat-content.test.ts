/** Chat texts from content/: every language complete, quick replies rendered safely, passwords. */
import { describe, expect, it } from 'vitest';
import { parseQuickReplies, SYSTEM_MESSAGE_KEYS } from '../../chat-server/src/chat/chat-content';
import { hashPassword, verifyPassword } from '../../chat-server/src/auth/passwords';
import { LANG_CODES } from '../../chat-server/src/protocol';
import { content } from '../support/chat-app';

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
