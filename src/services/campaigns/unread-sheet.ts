import { inBookMarks } from '../../domain/campaign.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import { csvSheet } from '../csv-sheet.js'
import type { ChannelResolver } from '../delivery/channels.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { READING_REMINDER, type CampaignReminders } from './campaign-reminders.js'

/**
 * 导出未读名单: the deputies a campaign's 提醒未读 waits for — reached, not read, as this organizer
 * follows the campaign — for a spreadsheet to phone down: name, number, station, what is still to
 * read, and whether a WeChat message reaches them at all. As 导出未参与名单 (NotVotedSheet):
 * through the one CSV writer (formulas neutralised), scoped as the progress is, audited.
 */
export class UnreadSheet {
  constructor(
    private readonly reminders: Pick<CampaignReminders, 'unreadOf'>,
    private readonly directory: Pick<DirectoryCache, 'prepared'>,
    private readonly channels: Pick<ChannelResolver, 'reachable'>,
    private readonly audit: Pick<AuditTrail, 'record'>,
  ) {}

  async csv(staff: StaffPrincipal, campaignId: string): Promise<{ title: string; csv: string; rows: number }> {
    const { campaign, dir, unread } = await this.reminders.unreadOf(staff, campaignId)
    const { deputies } = await this.directory.prepared()
    // Who a message reaches, for the whole list in one batched read of their bindings.
    const reachable = await this.channels.reachable(
      READING_REMINDER,
      'deputy',
      unread.map((u) => u.person.id),
    )
    const rows = []
    for (const { person, items } of unread) {
      rows.push([
        person.name,
        deputies.get(person.id)?.code ?? '',
        person.stationId ? (dir.stationNames.get(person.stationId) ?? person.stationId) : '',
        `${items.length} 篇：${items.map((i) => inBookMarks(i.title)).join('')}`,
        reachable.has(person.id) ? '能收到' : '没有绑定微信，收不到，请电话联系',
      ])
    }
    await this.audit.record(staff, 'campaign.unread_exported', { kind: 'campaign', id: campaign.id }, { rows: rows.length })
    return {
      title: `${campaign.title}-未读名单`,
      csv: await csvSheet([['姓名', '代表编号', '联络站', '还没有读的学习材料', '微信消息'], ...rows]),
      rows: rows.length,
    }
  }
}
