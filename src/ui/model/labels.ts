/** Short labels for a narrow terminal: names cut to a width, and sets of names cut so that they stay distinct. Pure. */

/**
 * Labels of at most `width` characters that stay distinct. A name that fits keeps `prefix` when that fits too; a longer
 * one loses its end ("switchboa…"). Names that this makes alike are shortened together in the first way that tells
 * them all apart: losing their start ("…-b1030-mon"), their middle ("full-0…30-mon"), or the start they share plus
 * their middle ("…700-15…0-mon"); what is still alike gets a number.
 * @example distinctLabels(['full-0700-1500-b1000', 'full-0700-1500-b1030-mon'], 13, 'shift ') // ['…0-1500-b1000', '…00-b1030-mon']
 */
export function distinctLabels(names: readonly string[], width: number, prefix = ''): string[] {
  const chars = (text: string): number => [...text].length;
  const labels = names.map((name) => (chars(`${prefix}${name}`) <= width ? `${prefix}${name}` : cutEnd(name, width)));
  const ways: ((group: readonly number[]) => (i: number) => string)[] = [
    () => (i) => cutStart(names[i] ?? '', width),
    () => (i) => cutMiddle(names[i] ?? '', width),
    (group) => {
      const shared = commonPrefixLength(group.map((i) => names[i] ?? ''));
      return (i) => `…${cutMiddle([...(names[i] ?? '')].slice(shared).join(''), width - 1)}`;
    },
  ];
  const groups = new Map<string, number[]>();
  labels.forEach((label, i) => groups.set(label, [...(groups.get(label) ?? []), i]));
  for (const group of groups.values()) {
    if (group.length <= 1) continue;
    const others = new Set(labels.filter((_, i) => !group.includes(i)));
    const candidates = ways.map((way) => {
      const shorten = way(group);
      return group.map((i) => shorten(i));
    });
    const distinct = (candidate: readonly string[]): number => new Set(candidate.filter((label) => !others.has(label))).size;
    const chosen = candidates.find((candidate) => distinct(candidate) === group.length) ?? candidates.reduce((best, c) => (distinct(c) > distinct(best) ? c : best));
    group.forEach((i, k) => (labels[i] = chosen[k] as string));
  }
  // Numbers for whatever is still alike, checked against every label so that none collides.
  const taken = new Set(labels);
  for (let i = 0; i < labels.length; i++) {
    const base = labels[i] as string;
    const alike = labels.flatMap((label, j) => (j > i && label === base ? [j] : []));
    let n = 1;
    for (const j of alike) {
      let label = base;
      do label = `${cutEnd(base, width - String(++n).length - 1)}#${n}`;
      while (taken.has(label));
      labels[j] = label;
      taken.add(label);
    }
  }
  return labels;
}

/** `text` in at most `width` characters, its start replaced by an ellipsis. @example cutStart('full-0700-1500-b1030', 8) // '…0-b1030' */
export function cutStart(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  return width <= 1 ? chars.slice(-width).join('') : `…${chars.slice(chars.length - width + 1).join('')}`;
}

/** The length of the start that all `texts` share, in code points. */
function commonPrefixLength(texts: readonly string[]): number {
  const chars = texts.map((text) => [...text]);
  const shortest = Math.min(...chars.map((c) => c.length));
  let n = 0;
  while (n < shortest && chars.every((c) => c[n] === chars[0]?.[n])) n++;
  return n;
}

/** `text` in at most `width` characters, its end replaced by an ellipsis. @example cutEnd('switchboard', 8) // 'switchb…' */
export function cutEnd(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  return width <= 1 ? chars.slice(0, width).join('') : `${chars.slice(0, width - 1).join('')}…`;
}

/** `text` in at most `width` characters, cut in the middle with an ellipsis. @example cutMiddle('abcdefghij', 7) // 'abc…hij' */
export function cutMiddle(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return chars.slice(0, width).join('');
  const head = Math.ceil((width - 1) / 2);
  const tail = width - 1 - head;
  return `${chars.slice(0, head).join('')}…${tail > 0 ? chars.slice(-tail).join('') : ''}`;
}
