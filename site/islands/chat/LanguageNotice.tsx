/**
 * Issue 14: said honestly, before and while waiting, when nobody available now reads the
 * visitor's language (the page's): they may chat in Dutch or English anyway (only those someone
 * available reads), or call Veilig Thuis. Nothing is said about interpreters: no source of ours
 * states that one can be arranged (docs/sources-verified.md).
 */
import type { LanguageFigures } from '../../../chat-server/src/protocol';
import { fill } from './fill';
import { Phone } from './Phone';
import type { ChatKey, ChatProps } from './types';

interface Props extends Pick<ChatProps, 'lang' | 'strings' | 'phones'> {
  /** Null or undefined: not known (yet), nothing is said. */
  figures: LanguageFigures | null | undefined;
}

/** The sentence offering Dutch and/or English, or null when neither is read now. */
function fallbackKey(fallbacks: string[]): ChatKey | null {
  if (fallbacks.includes('nl') && fallbacks.includes('en')) return 'chat.language.fallbackBoth';
  if (fallbacks.includes('nl')) return 'chat.language.fallbackNl';
  if (fallbacks.includes('en')) return 'chat.language.fallbackEn';
  return null;
}

export function LanguageNotice({ lang, strings, phones, figures }: Props) {
  if (!figures || figures.languageServed) return null;
  // The page's own language is not served, so it is never offered as "anyway".
  const offer = fallbackKey(figures.fallbackLanguages.filter((fallback) => fallback !== lang));
  return (
    <div class="chat-language-unserved" data-testid="chat-language-unserved">
      <p>
        <strong>{strings['chat.language.unserved']}</strong>
      </p>
      {offer && <p data-testid="chat-language-fallback">{strings[offer]}</p>}
      <p>{fill(strings['chat.language.call'], { phone: <Phone number={phones.veiligThuis} /> })}</p>
    </div>
  );
}
