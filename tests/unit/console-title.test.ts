import { describe, expect, it } from 'vitest';
import { consoleTitle } from '../../site/islands/console/console-title';

describe('the console tab title badge', () => {
  const base = 'Chatconsole';

  it('puts how many wait before the title', () => {
    expect(consoleTitle(base, { total: 3, inDanger: 0 }, true)).toBe('(3 wachtend) Chatconsole');
  });

  it('says first, with a mark, how many of them are in danger', () => {
    expect(consoleTitle(base, { total: 6, inDanger: 1 }, true)).toBe('(! 6 wachtend, 1 in gevaar) Chatconsole');
  });

  it('is the plain title with nobody waiting, or when switched off', () => {
    expect(consoleTitle(base, { total: 0, inDanger: 0 }, true)).toBe(base);
    expect(consoleTitle(base, { total: 4, inDanger: 2 }, false)).toBe(base);
  });
});
