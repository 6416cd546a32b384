import { CAMPAIGN_LEVEL_LABELS, campaignPhase, PHASE_LABELS, type CampaignRecord, type CheckInRecord, type ReadingItem } from '../../domain/campaign.js'
import type { GroupProgress, PersonProgress } from '../../domain/campaign-progress.js'
import type { CampaignProgressReport } from '../../services/campaigns/campaign-progress.js'
import type { CampaignEntry } from '../../services/campaigns/campaign-reading.js'

// Presenters name every field they return.

const iso = (d: Date | null) => d?.toISOString() ?? null

const window = (c: CampaignRecord, now: Date) => {
  const phase = campaignPhase(c, now)
  return { startsAt: c.startsAt.toISOString(), endsAt: c.endsAt.toISOString(), phase, phaseLabel: PHASE_LABELS[phase] }
}

export const presentCampaign = (c: CampaignRecord, now: Date) => ({
  id: c.id,
  title: c.title,
  description: c.description,
  ...window(c, now),
  audience: {
    levels: c.audience.levels ?? [],
    stationIds: c.audience.stationIds ?? [],
    districtIds: c.audience.districtIds ?? [],
    deputyIds: c.audience.deputyIds ?? [],
    staff: !!c.audience.staff,
    followers: !!c.audience.followers,
  },
  scopeDistrictIds: c.scopeDistrictIds,
  repeat: c.repeat,
  seriesId: c.seriesId,
  period: c.period,
  adoptedFrom: c.adoptedFrom,
  areaId: c.areaId,
  level: c.level,
  levelLabel: CAMPAIGN_LEVEL_LABELS[c.level],
  createdBy: c.createdBy,
  createdAt: c.createdAt.toISOString(),
})

/** An item as organizers see it, scheduled or published. */
export const presentItem = (i: ReadingItem) => ({
  id: i.id,
  campaignId: i.campaignId,
  title: i.title,
  summary: i.summary,
  body: i.body,
  link: i.link,
  source: i.source,
  required: i.required,
  publishAt: i.publishAt.toISOString(),
  publishedAt: iso(i.publishedAt),
  withdrawnAt: iso(i.withdrawnAt),
  status: i.withdrawnAt ? 'withdrawn' : i.publishedAt ? 'published' : i.draft ? 'draft' : 'scheduled',
  // One called off before its time was never out to be taken back: 已取消发布, not 已撤回.
  statusLabel: i.withdrawnAt ? (i.publishedAt ? '已撤回' : '已取消发布') : i.publishedAt ? '已发布' : i.draft ? '草稿' : '定时发布',
  createdAt: i.createdAt.toISOString(),
})

export const presentMpCampaignSummary = (e: CampaignEntry, now: Date) => ({
  id: e.campaign.id,
  title: e.campaign.title,
  description: e.campaign.description,
  ...window(e.campaign, now),
  level: e.campaign.level,
  levelLabel: CAMPAIGN_LEVEL_LABELS[e.campaign.level],
  period: e.campaign.period,
  following: e.following,
  canFollow: e.canFollow,
  forDeputies: e.forDeputies,
  /** Who it comes from (湛河区人大常委会), and to someone outside it who may follow, whose study it is in words. */
  issuedBy: e.issuedBy,
  forWhom: e.forWhom,
  itemsReached: e.itemsReached,
  itemsRead: e.itemsRead,
})

/** An item in a reader's list: what it is, not its text. */
export const presentItemSummary = (i: ReadingItem, read: boolean) => ({
  id: i.id,
  title: i.title,
  summary: i.summary,
  source: i.source,
  required: i.required,
  publishedAt: iso(i.publishedAt),
  kind: i.link ? 'link' : 'article',
  read,
})

export const presentReading = (i: ReadingItem, c: CampaignRecord, campaignRunning: boolean) => ({
  id: i.id,
  campaignId: c.id,
  campaignTitle: c.title,
  title: i.title,
  summary: i.summary,
  body: i.body,
  link: i.link,
  source: i.source,
  required: i.required,
  publishedAt: iso(i.publishedAt),
  /** 打卡 is offered only while its campaign runs: after the end the page says so instead of taking her words to refuse them. */
  campaignRunning,
})

export const presentCheckIn = (c: CheckInRecord) => ({ id: c.id, campaignId: c.campaignId, itemId: c.itemId, reflection: c.reflection, at: c.at.toISOString() })

export const presentPersonProgress = (
  p: PersonProgress & { stationName: string | null; districtName: string | null; unreachable?: boolean; reachWords?: string | null },
) => ({
  kind: p.kind,
  id: p.id,
  name: p.name,
  stationId: p.stationId,
  stationName: p.stationName,
  districtId: p.districtId,
  districtName: p.districtName,
  itemsReached: p.itemsReached,
  itemsRead: p.itemsRead,
  requiredReached: p.requiredReached,
  requiredRead: p.requiredRead,
  checkIns: p.checkIns,
  lastCheckInAt: iso(p.lastCheckInAt),
  lastReflection: p.lastReflection,
  reached: p.reached,
  read: p.read,
  checkedIn: p.checkedIn,
  /** Reached, and bound no WeChat a message reaches: only a phone call tells them. */
  unreachable: p.unreachable ?? false,
  /** Why no reminder reaches them, in words (用小程序，但系统的小程序提醒还没开通… / 没有绑定微信…), null when one does. */
  reachWords: p.reachWords ?? null,
})

export const presentGroupProgress = (g: GroupProgress & { name?: string }) => ({
  id: g.key,
  name: g.name ?? null,
  audience: g.audience,
  reached: g.reached,
  read: g.read,
  checkedIn: g.checkedIn,
  reachedShare: g.reachedShare,
  readShare: g.readShare,
  checkedInShare: g.checkedInShare,
})

/** A campaign's own progress also says, of those reached, how many bound no WeChat a message reaches. */
const presentReachedGroup = (g: GroupProgress & { name?: string; unreachable: number; reachWords?: string | null }) => ({
  ...presentGroupProgress(g),
  unreachable: g.unreachable,
  /** Whom a message reaches there, and the cause for the others (reach-words.ts); null when nothing went out. */
  reachWords: g.reachWords ?? null,
})

/** Reached, read and checked in: per person, or per station or district as shares of the audience. */
export const presentProgressReport = (r: CampaignProgressReport) => ({
  campaignId: r.campaignId,
  groupBy: r.groupBy,
  phase: r.phase,
  itemsPublished: r.itemsPublished,
  // appOff: of the unreachable, those who use the mini-program (its notices not switched on), said apart in the totals line.
  // asOfEnd: a closed campaign's figures are as at its end (截至结束时); readAfterEnd: who finished reading after it, apart.
  totals: { ...presentReachedGroup(r.totals), appOff: r.totals.appOff, asOfEnd: r.totals.asOfEnd, readAfterEnd: r.totals.readAfterEnd },
  items: r.groupBy === 'person' ? r.people.map(presentPersonProgress) : r.groups.map(presentReachedGroup),
})
