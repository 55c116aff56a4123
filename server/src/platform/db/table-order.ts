/** Orders tables so every table comes after the tables its foreign keys point to (self-references ignored). */
export function orderTablesByDependency(
  tables: string[],
  edges: { child: string; parent: string }[],
): string[] {
  const strip = (name: string) => name.replace(/^public\./, '').replace(/"/g, '');
  const remaining = new Set(tables);
  const parentsOf = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const edge of edges) {
    const child = strip(edge.child);
    const parent = strip(edge.parent);
    if (child !== parent && remaining.has(parent)) parentsOf.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  while (remaining.size) {
    const ready = [...remaining].filter((table) =>
      [...(parentsOf.get(table) ?? [])].every((p) => !remaining.has(p)),
    );
    const next = ready.length ? ready.sort() : [...remaining].sort().slice(0, 1);
    for (const table of next) {
      ordered.push(table);
      remaining.delete(table);
    }
  }
  return ordered;
}
