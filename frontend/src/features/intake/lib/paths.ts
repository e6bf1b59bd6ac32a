/** Reading and writing a nested form value by its dotted path (`relatives.0.name`), without mutating it. */
export function getPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export function setPath<T>(value: T, path: string, next: unknown): T {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return value;
  const child = rest.length === 0 ? next : setPath((value as Record<string, unknown>)[head], rest.join('.'), next);
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(head)] = child;
    return copy as T;
  }
  return { ...(value as Record<string, unknown>), [head]: child } as T;
}
