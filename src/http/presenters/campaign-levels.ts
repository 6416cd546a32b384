import { campaignPhase, PHASE_LABELS } from '../../domain/campaign.js'
import type { RollUpReport } from '../../services/campaigns/campaign-levels.js'
import type { MonthlyIssue } from '../../services/campaigns/monthly-study.js'
import { presentGroupProgress } from './campaigns.js'

// 每月一次、上下同题. Presenters name every field they return.

/** Each level's part of a city-level campaign, and the total counting each person once. */
export const presentRollUp = (r: RollUpReport) => ({
  campaignId: r.campaign.id,
  title: r.campaign.title,
  period: r.campaign.period,
  parts: r.parts.map((p) => ({
    campaignId: p.campaignId,
    level: p.level,
    levelLabel: p.levelLabel,
    areaId: p.areaId,
    areaName: p.areaName,
    districtId: p.districtId,
    issuedBy: p.issuedBy,
    ...presentGroupProgress(p.progress),
    unreachable: p.unreachable,
    // As 学习进度's cells: whom a message reaches and the cause for the others, in reach-words.ts's words.
    reachWords: p.reachWords,
  })),
  total: { ...presentGroupProgress(r.total), unreachable: r.total.unreachable, reachWords: r.total.reachWords },
})

/** A deputy's issue of this month: where it comes from, the deadline, their reading and check-ins. */
export const presentMonthlyIssue = (i: MonthlyIssue, now: Date) => {
  const phase = campaignPhase(i.campaign, now)
  return {
    id: i.campaign.id,
    title: i.campaign.title,
    description: i.campaign.description,
    period: i.campaign.period,
    level: i.campaign.level,
    levelLabel: i.levelLabel,
    issuedBy: i.issuedBy,
    startsAt: i.campaign.startsAt.toISOString(),
    endsAt: i.campaign.endsAt.toISOString(),
    phase,
    phaseLabel: PHASE_LABELS[phase],
    itemsReached: i.itemsReached,
    itemsRead: i.itemsRead,
    checkIns: i.checkIns,
    checkedIn: i.checkIns > 0,
    lastCheckInAt: i.lastCheckInAt?.toISOString() ?? null,
  }
}
