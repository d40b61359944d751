/** Each "09:00–17:00" in a text kept left to right, also inside Arabic (right-to-left) text. */
import type { ComponentChild } from 'preact';

export function ltrTimes(text: string): ComponentChild[] {
  return text
    .split(/(\d{2}:\d{2}–\d{2}:\d{2})/)
    .map((part, index) => (index % 2 === 1 ? <bdi dir="ltr">{part}</bdi> : part));
}
