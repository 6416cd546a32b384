import type { Station } from '../../domain/directory.js'
import type { Store } from '../../store/ports.js'
import type { ChannelResolver } from '../delivery/channels.js'

/** Whether one deputy of the station is bound in the mini-program and in the chat (微信助手), in words. */
export interface DeputyBinding {
  deputyId: string
  name: string
  miniProgram: boolean
  bot: boolean
  /** Whether a reminder reaches him at all (the dispatcher's own rule); false: the clerk must phone him. */
  reachable: boolean
  /** What the clerk does about it ("提醒发不到，请生成绑定码交给代表，或电话联系"); '' when he is reached. */
  note: string
}

/** The station's binding state: its deputies in office, its WeChat group, and the clerk's own WeChat. */
export interface StationBindings {
  deputies: DeputyBinding[]
  group: { bound: boolean; text: string }
  me: { bound: boolean; text: string }
}

/** The notice 分派 sends: a deputy is judged reachable by it, as the case page judges him. */
const ASSIGN_KIND = 'case.assigned'

/**
 * Who of a station still needs a binding code (绑定码): the same facts the dispatcher routes by (ChannelResolver),
 * read for the page where the clerk hands the codes out, so that she sees whom to call before a reminder is lost.
 */
export class StationBindingState {
  constructor(
    private readonly store: Pick<Store, 'deputies' | 'mpUsers' | 'bot'>,
    private readonly resolver: Pick<ChannelResolver, 'reach' | 'reachOfMany'>,
  ) {}

  /** The station's state for the clerk `staffId` (the station already held to her scope by the caller). */
  async of(station: Pick<Station, 'id'>, staffId: string): Promise<StationBindings> {
    const deputies = (await this.store.deputies.listByStation(station.id)).filter((d) => d.active)
    const ids = deputies.map((d) => d.id)
    const [accounts, reach, group, contact] = await Promise.all([
      this.store.mpUsers.listByDeputyIds(ids),
      this.resolver.reachOfMany('deputy', ids, ASSIGN_KIND),
      this.resolver.reach({ recipientKind: 'station', recipientId: station.id, kind: 'case.escalated' }),
      this.store.bot.contactOfStaff(staffId),
    ])
    const room = group.routes.some((r) => r.channel === 'bot_room') ? await this.store.bot.roomOf(station.id) : null
    return {
      deputies: deputies.map((d) => {
        const own = accounts.filter((u) => u.deputyId === d.id)
        const miniProgram = own.some((u) => !!u.openid)
        const bot = own.some((u) => !!u.botContactId)
        const reachable = (reach.get(d.id)?.routes.length ?? 0) > 0
        return { deputyId: d.id, name: d.name, miniProgram, bot, reachable, note: reachable ? '' : noteFor(miniProgram, bot) }
      }),
      group: groupWords(
        group.routes.map((r) => r.channel),
        room?.topic ?? null,
      ),
      me: contact ? { bound: true, text: '您本人的微信：已绑定' } : { bound: false, text: '您本人的微信：未绑定（先做下面第 1、2 步，才能在群里绑定本站）' },
    }
  }
}

/** What to do about a deputy no reminder reaches: bound in the mini-program but its reminders are off, or not bound. */
function noteFor(miniProgram: boolean, bot: boolean): string {
  if (miniProgram && !bot) return '系统的小程序提醒还没开通（请找系统管理员），提醒发不到：请再绑定微信助手，或电话联系'
  return '提醒发不到：请生成绑定码交给代表本人，或电话联系'
}

function groupWords(channels: string[], topic: string | null): { bound: boolean; text: string } {
  if (channels.includes('bot_room')) return { bound: true, text: `本站微信群：已绑定${topic ? `（${topic}）` : ''}，发给联络站的提醒和督办会发到群里` }
  if (channels.includes('wecom_group')) return { bound: true, text: '本站微信群：已配置企业微信群机器人，发给联络站的提醒和督办会发到群里' }
  return { bound: false, text: '本站微信群：未绑定。发给联络站的提醒和超期督办现在发不到群里，请按下面的步骤绑定' }
}
