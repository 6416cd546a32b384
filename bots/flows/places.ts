import type { LiaisonClient } from '../client.js'
import { bare } from '../typed-text.js'
import type { Choice } from './dialogue-state.js'

/**
 * The place list as one tree, for a resident who names her place before she is asked ("我要找代表", then
 * "湛河区", "轻工街道", "光明社区" in a row), and for the place of her last message ("您上次是光明社区"). The bot
 * reads the whole tree in one call (the backend serves it from its cached directory) and keeps it a while.
 */

export interface PlaceNode extends Choice {
  parentId: string | null
}

/**
 * How long the tree is used before it is read again. The directory changes rarely (an import, an edit in the
 * console), never mid-conversation; a place gone meanwhile is refused by the backend when a message names it.
 */
const TREE_TTL_MS = 60 * 60_000

const trees = new WeakMap<LiaisonClient, { at: number; nodes: Map<string, PlaceNode> }>()

/** Every place a message can go to (districts, streets, communities; not grids), by id. */
export async function placeTree(client: LiaisonClient, now: number): Promise<Map<string, PlaceNode>> {
  const kept = trees.get(client)
  if (kept && now - kept.at < TREE_TTL_MS && now >= kept.at) return kept.nodes
  const nodes = new Map<string, PlaceNode>()
  for (const r of await client.placeTree()) if (r.kind !== 'grid') nodes.set(r.id, { id: r.id, name: r.name, kind: r.kind, parentId: r.parentId })
  trees.set(client, { at: now, nodes })
  return nodes
}

/** The place and the places above it, district first: the path the numbered lists would have walked. */
export function pathTo(nodes: Map<string, PlaceNode>, id: string): Choice[] {
  const path: Choice[] = []
  for (let n = nodes.get(id); n; n = n.parentId ? nodes.get(n.parentId) : undefined) path.unshift({ id: n.id, name: n.name, kind: n.kind })
  return path
}

/** Whether `id` lies under `ancestorId` in the tree. */
function under(nodes: Map<string, PlaceNode>, id: string, ancestorId: string): boolean {
  for (let n = nodes.get(id); n?.parentId; n = nodes.get(n.parentId)) if (n.parentId === ancestorId) return true
  return false
}

/** What people put around a place said alone: "我住在光明社区", "光明社区的", "是湛河区". */
const AROUND = /^(?:我们|我|俺)?(?:家)?(?:是|住在|住|在)?|(?:的|人|住户|居民|这边|那边|这里|那里)$/g

/**
 * A line that is a place and nothing else ("光明社区", "湛河区轻工街道光明社区", "我住在光明社区"): the path to it, or
 * null when the line says more than places, names none, or names two that are not on one line of the tree.
 * `within`: a place already chosen; a place under it is preferred (two 光明社区 in two districts).
 */
export function placeOnly(nodes: Map<string, PlaceNode>, text: string, within: string | null = null): Choice[] | null {
  const typed = bare(text).replace(AROUND, '')
  if ([...typed].length < 2) return null
  const named = [...nodes.values()].filter((n) => [...n.name].length >= 2 && typed.includes(n.name))
  if (!named.length) return null
  // The deepest named place, and every other named place must be above it: "湛河区光明社区" is one place.
  const pick = (list: PlaceNode[]) => {
    const deepest = list.filter((n) => !list.some((m) => m !== n && under(nodes, m.id, n.id)))
    return deepest.length === 1 ? deepest[0] : null
  }
  const inside = within ? named.filter((n) => under(nodes, n.id, within)) : []
  const place = (inside.length && pick(inside)) || pick(named)
  if (!place) return null
  const path = pathTo(nodes, place.id)
  let rest = typed
  for (const p of path) rest = rest.split(p.name).join('')
  if (within) for (const p of pathTo(nodes, within)) rest = rest.split(p.name).join('')
  return rest ? null : path
}
