/**
 * A value built on its first use and kept. Large regexes (long alternations, Unicode properties) cost a cold page
 * their compile even when it never needs them; built lazily, only a page that reaches them pays.
 */
export function lazy<T>(build: () => T): () => T {
  let built: { value: T } | null = null;
  return () => (built ??= { value: build() }).value;
}
