import type { OutboxMessage, Store } from '../../store/ports.js'
import type { PreparedDirectory } from '../directory/directory-cache.js'
import { officeName } from '../../domain/office-name.js'

/**
 * Who each message is for, as the admin reads it ("张伟代表", "轻工街道代表联络站"), instead of
 * internal ids. One lookup per distinct recipient of the page shown (at most a page's worth).
 */
export async function recipientNames(
  store: Pick<Store, 'deputies' | 'staff' | 'stations'>,
  messages: OutboxMessage[],
  /** Offices by the names the directory prepares: the whole installation's as configured or a district's own, never a fixed 市. */
  directory: PreparedDirectory,
): Promise<Map<string, string>> {
  const keys = [...new Set(messages.map((m) => `${m.recipientKind}:${m.recipientId}`))]
  const names = await Promise.all(keys.map(async (key) => [key, await nameOf(store, key, directory)] as const))
  return new Map(names)
}

async function nameOf(store: Pick<Store, 'deputies' | 'staff' | 'stations'>, key: string, directory: PreparedDirectory): Promise<string> {
  const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)]
  switch (kind) {
    case 'deputy': {
      const d = await store.deputies.get(id)
      return d ? `${d.name}代表` : `代表 ${id}`
    }
    case 'staff': {
      const s = await store.staff.get(id)
      return s ? `工作人员 ${s.name}` : `工作人员 ${id}`
    }
    case 'station':
      return (await store.stations.get(id))?.name ?? `联络站 ${id}`
    case 'office':
      return officeName(id, directory)
    default:
      // Residents have no name on file: the message text says what it is about.
      return '群众'
  }
}
