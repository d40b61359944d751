/**
 * A chat message's text: plain text, never parsed as HTML. Web links become clickable (with
 * rel="noopener noreferrer"); phone numbers are kept left-to-right, so "0800-2000" does not turn
 * into "2000-0800" inside Arabic text.
 */
import { textParts } from './linkify';

const PHONE_LIKE = /(\+?\d[\d -]*\d)/;

function TextRun({ text }: { text: string }) {
  return (
    <>
      {text.split(PHONE_LIKE).map((piece, index) =>
        index % 2 === 1 ? (
          <bdi key={index} dir="ltr">
            {piece}
          </bdi>
        ) : (
          piece
        ),
      )}
    </>
  );
}

export function MessageText({ text }: { text: string }) {
  return (
    <>
      {textParts(text).map((part, index) =>
        part.kind === 'link' ? (
          <a key={index} href={part.href} rel="noopener noreferrer" target="_blank">
            {part.text}
          </a>
        ) : (
          <TextRun key={index} text={part.text} />
        ),
      )}
    </>
  );
}
