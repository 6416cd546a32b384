import type { MpUserRecord, OutboxMessage, Store } from '../../store/ports.js'

export type Channel = 'mp_subscribe' | 'wecom_group' | 'bot_private' | 'bot_room'
export const BOT_CHANNELS: Channel[] = ['bot_private', 'bot_room']
/** What the backend itself sends; 'auto' messages are still to be routed to one of them. */
export const DISPATCHER_CHANNELS = ['auto', 'mp_subscribe', 'wecom_group']

export interface Route {
  channel: Channel
  /** openid, robot owner ("station:st001"), bot contact or room id. */
  address: string
  /** For subscribe messages: whose credits to use. */
  userId?: string
}

export interface ChannelSettings {
  /** Subscribe messages can be sent (WeChat configured and a template for this kind). */
  subscribeTemplateFor(kind: string): { id: string } | null
  /** Robot owners with a configured webhook key. */
  hasRobot(owner: string): boolean
}

/**
 * The ways a message can reach its recipient, in order of preference: a subscribe message
 * in WeChat, the office's WeCom group, then the bot. A person with none of them waits.
 */
export class ChannelResolver {
  constructor(
    private readonly store: Store,
    private readonly settings: ChannelSettings,
  ) {}

  async routes(m: Pick<OutboxMessage, 'recipientKind' | 'recipientId' | 'kind'>): Promise<Route[]> {
    switch (m.recipientKind) {
      case 'mp_user':
        return this.personRoutes([await this.store.mpUsers.get(m.recipientId)], m.kind, [])
      case 'deputy': {
        const deputy = await this.store.deputies.get(m.recipientId)
        const home = deputy?.stationIds[0]
        const group = home && this.settings.hasRobot(`station:${home}`) ? [{ channel: 'wecom_group' as const, address: `station:${home}` }] : []
        return this.personRoutes(await this.store.mpUsers.listByDeputyId(m.recipientId), m.kind, group)
      }
      case 'staff':
        // Staff are reached through their station's or office's group for now: the bot knows
        // a staff member's contact only in the other direction (contact → staff), so a
        // message to one person waits, visible in the console, until a channel exists.
        return []
      case 'station':
      case 'office': {
        const owner = `${m.recipientKind}:${m.recipientId}`
        const routes: Route[] = this.settings.hasRobot(owner) ? [{ channel: 'wecom_group', address: owner }] : []
        const room = m.recipientKind === 'station' ? await this.store.bot.roomOf(m.recipientId) : null
        if (room) routes.push({ channel: 'bot_room', address: room })
        return routes
      }
      default:
        return []
    }
  }

  /** A deputy may be bound in the mini-program and in the bot at once: both are their channels. */
  private personRoutes(users: Array<MpUserRecord | null>, kind: string, between: Route[]): Route[] {
    const routes: Route[] = []
    const app = users.find((u) => u?.openid)
    const bot = users.find((u) => u?.botContactId)
    if (app?.openid && this.settings.subscribeTemplateFor(kind)) routes.push({ channel: 'mp_subscribe', address: app.openid, userId: app.id })
    routes.push(...between)
    if (bot?.botContactId) routes.push({ channel: 'bot_private', address: bot.botContactId })
    return routes
  }
}
