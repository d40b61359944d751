/**
 * Tokens: how content names a help fact without typing it. `{{tel:<id>}}` is the phone number of
 * service <id> (a row of content/data/helplines.json that the facts module shows), `{{org:<id>}}`
 * its name. Pages turn a `tel:` token into a left-to-right `tel:` link; search snippets, chat
 * messages and quick replies get the number as text. Any other `{{…}}` is an error naming the
 * file: a token must never reach a visitor.
 */
import type { Organisation } from './organisations';
import type { Phone } from './phone';

export type TokenKind = 'tel' | 'org';

export type TokenValue =
  | { kind: 'tel'; id: string; name: string; phone: Phone }
  | { kind: 'org'; id: string; name: string; website: string | null };

export type Segment = { text: string } | { token: TokenValue };

/** Anything between double braces: every one must be a known token. */
export const ANY_TOKEN = /\{\{([^{}]*)\}\}/g;
const TOKEN = /^\s*(tel|org):([a-z0-9-]+)\s*$/;

export class TokenResolver {
  private readonly byKind: Record<TokenKind, Map<string, TokenValue>>;

  constructor(services: readonly Organisation[]) {
    this.byKind = { tel: new Map(), org: new Map() };
    for (const service of services) {
      this.byKind.org.set(service.id, { kind: 'org', id: service.id, name: service.name, website: service.website });
      if (service.phone)
        this.byKind.tel.set(service.id, { kind: 'tel', id: service.id, name: service.name, phone: service.phone });
    }
  }

  /** The ids a token of this kind may use. */
  ids(kind: TokenKind): string[] {
    return [...this.byKind[kind].keys()];
  }

  resolve(kind: TokenKind, id: string): TokenValue | undefined {
    return this.byKind[kind].get(id);
  }

  /** Splits text at its tokens; an unknown or malformed token throws with `where` (file, key) named. */
  split(text: string, where: string): Segment[] {
    const segments: Segment[] = [];
    let last = 0;
    for (const match of text.matchAll(ANY_TOKEN)) {
      const parsed = TOKEN.exec(match[1]!);
      const value = parsed ? this.resolve(parsed[1] as TokenKind, parsed[2]!) : undefined;
      if (!value) {
        const kind = (parsed?.[1] as TokenKind | undefined) ?? 'tel';
        throw new Error(
          `${where}: unknown token ${match[0]}; write {{tel:<id>}} or {{org:<id>}} with an id of a service the site shows (${kind}: ${this.ids(kind).join(', ')})`,
        );
      }
      const index = match.index ?? 0;
      if (index > last) segments.push({ text: text.slice(last, index) });
      segments.push({ token: value });
      last = index + match[0].length;
    }
    if (last < text.length || segments.length === 0) segments.push({ text: text.slice(last) });
    return segments;
  }

  /** Text with every token replaced by its plain form: the number as shown ("0800-2000"), or the name. */
  replace(text: string, where: string): string {
    return this.split(text, where)
      .map((segment) =>
        'text' in segment
          ? segment.text
          : segment.token.kind === 'tel'
            ? segment.token.phone.display
            : segment.token.name,
      )
      .join('');
  }
}
