import { inBookMarks, type PersonKind } from '../../domain/campaign.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import { csvSheet } from '../csv-sheet.js'
import type { ChannelResolver } from '../delivery/channels.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { READING_REMINDER, type CampaignReminders } from './campaign-reminders.js'
import { noReachOf, noReachWords } from './reach-words.js'

const KIND_WORDS: Record<PersonKind, string> = { deputy: '代表', staff: '工作人员', mp_user: '关注群众' }

/**
 * 导出未读名单: everyone a campaign's 提醒未读 waits for — reached, not read, as this organizer
 * follows the campaign: deputies and staff by name, the residents who follow it as one line with
 * their number (a resident's name is not the office's to list) — for a spreadsheet to phone down:
 * name, number, station, what is still to read, and whether a WeChat message reaches them, and if
 * not why (the delivery code's reason). As 导出未参与名单 (NotVotedSheet): through the one CSV writer
 * (formulas neutralised), scoped as the progress is, audited.
 */
export class UnreadSheet {
  constructor(
    private readonly reminders: Pick<CampaignReminders, 'unreadOf'>,
    private readonly directory: Pick<DirectoryCache, 'prepared'>,
    private readonly channels: Pick<ChannelResolver, 'reachOfMany'>,
    private readonly audit: Pick<AuditTrail, 'record'>,
  ) {}

  async csv(staff: StaffPrincipal, campaignId: string): Promise<{ title: string; csv: string; rows: number; people: number }> {
    const { campaign, dir, unread, ended } = await this.reminders.unreadOf(staff, campaignId)
    const { deputies } = await this.directory.prepared()
    const named = unread.filter((u) => u.person.kind !== 'mp_user')
    const followers = unread.length - named.length
    // Who a message reaches, for the whole list in one batched read of their bindings per kind.
    const reachOf = async (kind: 'deputy' | 'staff') =>
      this.channels.reachOfMany(
        kind,
        named.filter((u) => u.person.kind === kind).map((u) => u.person.id),
        READING_REMINDER,
      )
    const reach = { deputy: await reachOf('deputy'), staff: await reachOf('staff') }
    const rows: string[][] = []
    for (const { person, items } of named) {
      const kind = person.kind as 'deputy' | 'staff'
      const why = noReachOf(kind, reach[kind].get(person.id))
      rows.push([
        person.name,
        KIND_WORDS[kind],
        kind === 'deputy' ? (deputies.get(person.id)?.code ?? '') : '',
        person.stationId ? (dir.stationNames.get(person.stationId) ?? person.stationId) : '',
        `${items.length} 篇：${items.map((i) => inBookMarks(i.title)).join('')}`,
        why ? noReachWords(why, ended) : '能收到',
      ])
    }
    const followersWords = ended ? '活动已结束，不再提醒（不列姓名）' : '提醒未读时一并提醒（不列姓名）'
    if (followers) rows.push([`关注群众 ${followers} 人未读`, KIND_WORDS.mp_user, '', '', '', followersWords])
    await this.audit.record(staff, 'campaign.unread_exported', { kind: 'campaign', id: campaign.id }, { rows: rows.length, people: unread.length })
    return {
      title: `${campaign.title}-未读名单`,
      csv: await csvSheet([['姓名', '身份', '代表编号', '联络站', '还没有读的学习材料', '微信消息'], ...rows]),
      rows: rows.length,
      people: unread.length,
    }
  }
}
