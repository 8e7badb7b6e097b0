/**
 * The options in the order the reveal lists them: the right one(s) first, then the others in their own order.
 * Each keeps its index, so its letter and shape are the ones the room saw on the tiles.
 */
export function keyFirst<T extends { id: string }>(
  options: readonly T[],
  key: readonly string[],
): { option: T; index: number }[] {
  const indexed = options.map((option, index) => ({ option, index }));
  return [
    ...indexed.filter(({ option }) => key.includes(option.id)),
    ...indexed.filter(({ option }) => !key.includes(option.id)),
  ];
}
