/** `visitor:start` validation of the optional `under18` field (docs/chat-protocol.md, addition). */
import { describe, expect, it } from 'vitest';
import { visitorStartSchema } from '../../chat-server/src/protocol';

const base = { lang: 'nl', about: 'self', inDanger: false };

describe('visitor:start under18', () => {
  it('accepts true, false and absent', () => {
    expect(visitorStartSchema.parse({ ...base, under18: true })).toMatchObject({ under18: true });
    expect(visitorStartSchema.parse({ ...base, under18: false })).toMatchObject({ under18: false });
    expect(visitorStartSchema.parse(base)).not.toHaveProperty('under18');
  });

  for (const bad of ['yes', 'true', 1, 0, null, {}, [true]]) {
    it(`refuses ${JSON.stringify(bad)}`, () => {
      const parsed = visitorStartSchema.safeParse({ ...base, under18: bad });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['under18']);
    });
  }

  it('keeps refusing unknown fields (a misspelt under18 is not silently dropped)', () => {
    expect(visitorStartSchema.safeParse({ ...base, under_18: true }).success).toBe(false);
  });
});
