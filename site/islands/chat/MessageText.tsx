/** A chat message's text: plain text, with web links made clickable; never parsed as HTML. */
import { textParts } from './linkify';

export function MessageText({ text }: { text: string }) {
  return (
    <>
      {textParts(text).map((part, index) =>
        part.kind === 'link' ? (
          <a key={index} href={part.href} rel="noopener noreferrer" target="_blank">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
