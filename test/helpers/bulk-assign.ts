import type { TestApp } from './app.js'

/**
 * 批量分派's `fromDeputyIds` as the console sends it: each ticked message with the deputy her list shows holding it now
 * (null: nobody), read just before she presses 分派. A message not hers is never on her list: null, as nobody's.
 */
export async function holdersAsListed(app: TestApp, ids: readonly string[]): Promise<Record<string, string | null>> {
  const held = await Promise.all(ids.map(async (id) => [id, (await app.liaison.store.cases.get(id))?.deputyId ?? null] as const))
  return Object.fromEntries(held)
}
