import { api } from '../../api'

/** Every item of a paged admin list (stations, staff): small lists a picker shows whole. */
export async function allPages<T>(path: string, query: Record<string, string> = {}, maxPages = 20): Promise<T[]> {
  const out: T[] = []
  let cursor: string | undefined
  for (let page = 0; page < maxPages; page++) {
    const answer = await api.get<{ items: T[]; nextCursor: string | null }>(path, { ...query, limit: 100, cursor })
    out.push(...answer.items)
    if (!answer.nextCursor) break
    cursor = answer.nextCursor
  }
  return out
}
