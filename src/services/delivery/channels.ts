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
 * Where the bot is to say a leased message now: the person's or the station room's current
 * id, with what the bot can find them by when a re-login has changed the ids.
 */
export interface BotConversation {
  address: string | null
  /** A person: the remark the bot set on their contact. */
  alias: string | null
  /** A station's room: the group's name when it was bound. */
  topic: string | null
}

/** The ways to reach a recipient, or, when there are none, why (shown to organizers as 未能送达). */
export interface Reach {
  routes: Route[]
  unreachable: string | null
}

/** Why a station's or an office's message has no way at all (no group robot, no bot room): what 未能送达 then says. */
export const NO_STATION_GROUP = '未能送达：该联络站未配置企业微信群机器人，也没有把微信助手拉进本站的微信群'
export const NO_OFFICE_GROUP = '未能送达：该人大办公室未配置企业微信群机器人'

const PERSON_WORDS: Partial<Record<OutboxMessage['recipientKind'], string>> = { deputy: '代表', mp_user: '群众' }

/** The people reach can be read for many at once: each reached only personally (see personReach, staffReach). */
export type PersonRecipientKind = Extract<OutboxMessage['recipientKind'], 'deputy' | 'mp_user' | 'staff'>

/** Ids read in one store query: a city's 9,000 deputies are 18 reads, each id list of a bounded size. */
export const REACH_BATCH = 500

/**
 * The ways a message can reach its recipient, in order of preference. A person (a deputy,
 * a resident) is reached only personally: a subscribe message in WeChat, then the bot in a
 * private chat, never a group, where everyone would read their news; a staff member only by
 * the bot, privately, once they have bound their WeChat. Only messages for a
 * station or an office go to group channels: its WeCom group robot, then its bot room.
 */
export class ChannelResolver {
  constructor(
    private readonly store: Pick<Store, 'bot' | 'chatJoins' | 'mpUsers'>,
    private readonly settings: ChannelSettings,
  ) {}

  async routes(m: Pick<OutboxMessage, 'recipientKind' | 'recipientId' | 'kind'>): Promise<Route[]> {
    return (await this.reach(m)).routes
  }

  async reach(m: Pick<OutboxMessage, 'recipientKind' | 'recipientId' | 'kind'>): Promise<Reach> {
    switch (m.recipientKind) {
      case 'mp_user':
      case 'deputy':
        return this.personReach(await this.people(m), m)
      case 'staff':
        return staffReach(await this.store.bot.contactOfStaff(m.recipientId))
      case 'station':
      case 'office': {
        const owner = `${m.recipientKind}:${m.recipientId}`
        const routes: Route[] = this.settings.hasRobot(owner) ? [{ channel: 'wecom_group', address: owner }] : []
        const room = m.recipientKind === 'station' ? await this.store.bot.roomOf(m.recipientId) : null
        if (room) routes.push({ channel: 'bot_room', address: room.roomId })
        const unreachable = m.recipientKind === 'station' ? NO_STATION_GROUP : NO_OFFICE_GROUP
        return { routes, unreachable: routes.length ? null : unreachable }
      }
      default:
        return { routes: [], unreachable: '未能送达：收件人类型未知' }
    }
  }

  /**
   * reach() for many people of one kind at once, by the same rules (personReach, staffReach), with
   * one store read per REACH_BATCH ids instead of one per person: 学习进度, 提醒未读 and its CSV read a
   * whole campaign's deputies. Every id asked gets an answer.
   */
  async reachOfMany(recipientKind: PersonRecipientKind, ids: readonly string[], kind: string): Promise<Map<string, Reach>> {
    const out = new Map<string, Reach>()
    const unique = [...new Set(ids)]
    for (let i = 0; i < unique.length; i += REACH_BATCH) {
      const slice = unique.slice(i, i + REACH_BATCH)
      if (recipientKind === 'staff') {
        const contacts = await this.store.bot.contactsOfStaff(slice)
        for (const id of slice) out.set(id, staffReach(contacts.get(id) ?? null))
        continue
      }
      // Each person's accounts as people() reads them: a deputy's oldest first, a resident's one.
      const accounts = new Map<string, MpUserRecord[]>(slice.map((id) => [id, []]))
      const found = recipientKind === 'deputy' ? await this.store.mpUsers.listByDeputyIds(slice) : await this.store.mpUsers.getMany(slice)
      for (const u of found) accounts.get((recipientKind === 'deputy' ? u.deputyId : u.id) ?? '')?.push(u)
      for (const id of slice) out.set(id, this.personReach(accounts.get(id)!, { recipientKind, kind }))
    }
    return out
  }

  /** Of these people, those a message of `kind` reaches on some channel (reachOfMany's, as a set). */
  async reachable(kind: string, recipientKind: PersonRecipientKind, ids: readonly string[]): Promise<Set<string>> {
    const reach = await this.reachOfMany(recipientKind, ids, kind)
    return new Set([...reach].filter(([, r]) => r.routes.length > 0).map(([id]) => id))
  }

  /**
   * A bot message as the bot is to send it now. The address it was routed to may be stale:
   * the person may have been known again under a new contact id since (a re-login), or the
   * station's room re-bound; the current one wins, and the remark or topic goes along.
   * A person with no chat now (解除 of a joined chat, an erased account, a binding moved) has no
   * address at all: the one routed to is someone else's chat now, or nobody's (BotOutbox.lease
   * routes the message again), so a message never goes to the wrong person. A staff member is found
   * by her staff binding, as reach() finds her (the person the bot knows under it may be gone: she
   * erased it, the binding stays), with that person's remark when there is one.
   */
  async botConversation(m: Pick<OutboxMessage, 'recipientKind' | 'recipientId' | 'channel' | 'address'>): Promise<BotConversation> {
    const routed = m.address ?? null
    if (m.channel === 'bot_room') {
      const room = m.recipientKind === 'station' ? await this.store.bot.roomOf(m.recipientId) : null
      // A topic another station's group shares would let the bot find that group instead: then none.
      const topic = room?.topic && !(await this.store.bot.topicShared(room.topic, m.recipientId)) ? room.topic : null
      return { address: room?.roomId ?? routed, alias: null, topic }
    }
    if (m.recipientKind === 'staff') {
      // The staff binding follows their contact across re-logins; the person the bot knows under it carries the remark.
      const contact = await this.store.bot.contactOfStaff(m.recipientId)
      const known = contact ? await this.store.mpUsers.getByBotContact(contact) : null
      return { address: contact, alias: known?.botAlias ?? null, topic: null }
    }
    const bot = (await this.people(m)).find((u) => u?.botContactId) ?? null
    return { address: bot?.botContactId ?? null, alias: bot?.botAlias ?? null, topic: null }
  }

  private async people(m: Pick<OutboxMessage, 'recipientKind' | 'recipientId'>): Promise<Array<MpUserRecord | null>> {
    if (m.recipientKind === 'mp_user') return [await this.person(m.recipientId)]
    if (m.recipientKind === 'deputy') return this.store.mpUsers.listByDeputyId(m.recipientId)
    return []
  }

  /**
   * A resident by id; a chat's own person while its chat is joined to an account (the person is gone, the chat goes on
   * as the account: chat-join.ts) is that account's chat alone, never its mini-program: what is addressed to the chat
   * itself (its join told to it) reaches the chat whatever the account does.
   */
  private async person(id: string): Promise<MpUserRecord | null> {
    const user = await this.store.mpUsers.get(id)
    if (user) return user
    const account = await this.store.chatJoins.heldBy(id)
    const held = account ? await this.store.mpUsers.get(account) : null
    return held?.botContactId ? { ...held, openid: null } : null
  }

  /** A deputy may be bound in the mini-program and in the bot at once: both are their channels. */
  private personReach(users: Array<MpUserRecord | null>, m: Pick<OutboxMessage, 'recipientKind' | 'kind'>): Reach {
    const routes: Route[] = []
    const app = users.find((u) => u?.openid) ?? null
    const bot = users.find((u) => u?.botContactId) ?? null
    const subscribable = !!this.settings.subscribeTemplateFor(m.kind)
    if (app?.openid && subscribable) routes.push({ channel: 'mp_subscribe', address: app.openid, userId: app.id })
    if (bot?.botContactId) routes.push({ channel: 'bot_private', address: bot.botContactId })
    if (routes.length) return { routes, unreachable: null }
    return { routes, unreachable: noWayWords(m.recipientKind, !!app?.openid) }
  }
}

/**
 * Why a person has no channel at all, as the console's 未能送达 list says it. Exported so that
 * unreachable-revival.ts knows these notices (and only these) by the same words when he binds.
 */
export function noWayWords(recipientKind: OutboxMessage['recipientKind'], usesMiniProgram: boolean): string {
  const who = PERSON_WORDS[recipientKind] ?? '收件人'
  return usesMiniProgram ? `未能送达：小程序消息未开通（未配置订阅消息模板），该${who}也未绑定微信助手` : `未能送达：该${who}未使用小程序，也未绑定微信助手`
}

/**
 * A staff member is reached only privately, on the WeChat they bound with their 工作人员绑定码:
 * a personal message never goes to their station's group.
 */
function staffReach(contact: string | null): Reach {
  if (contact) return { routes: [{ channel: 'bot_private', address: contact }], unreachable: null }
  return { routes: [], unreachable: '未能送达：该工作人员未绑定微信助手（在后台「绑定微信接收提醒」取得绑定码），请在后台查看' }
}
