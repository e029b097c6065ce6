import DataLoader from "dataloader";

/** A loader of one row per key (null for misses), from one batched fetch. */
export function oneByKey<K extends string | number, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map(rows.map((row) => [keyOf(row), row] as const));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** A loader of the rows of each key ([] for misses), from one batched fetch; fetch order is kept. */
export function manyByKey<K extends string | number, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map<K, V[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const list = byKey.get(key);
      if (list) {
        list.push(row);
      } else {
        byKey.set(key, [row]);
      }
    }
    return keys.map((key) => byKey.get(key) ?? []);
  });
}
