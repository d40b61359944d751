/** The sentence a screen reader hears after a search: none, one, or "{count} results". */
export function countLabel(count: number, labels: { none: string; one: string; many: string }): string {
  if (count === 0) return labels.none;
  if (count === 1) return labels.one;
  return labels.many.replace('{count}', String(count));
}
