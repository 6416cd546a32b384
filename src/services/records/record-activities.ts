import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.js'
import { dayText, localDate, monthDayText } from '../../domain/dates.js'
import {
  ACTIVITY_KIND_LABELS,
  activityProblems,
  mayResubmitActivity,
  mayReviewActivity,
  type ActivityKind,
  type ActivityRecord,
  type ActivityStatus,
} from '../../domain/record-activity.js'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { Uploads } from '../cases/uploads.js'
import { inWords } from '../conflict-texts.js'
import { outboxMessage } from '../delivery/outbox-message.js'
import type { RecordScope } from './record-scope.js'

export interface ActivityReport {
  kind: ActivityKind
  date: string
  place: string
  text: string
  photos: string[]
  /** The station whose staff review it; absent: the deputy's first station. */
  stationId?: string | null
}

/**
 * Activities deputies report for their record (调研, 视察, 进站接待 …) with a photo, and their
 * review by the staff of the station they were reported to: approved ones count, returned
 * ones go back to the deputy with the reason (told through the outbox) to correct and resend.
 */
export class RecordActivities {
  constructor(
    private readonly deps: {
      store: Pick<Store, 'deputies' | 'recordActivities'>
      uploads: Pick<Uploads, 'pathOf' | 'ownedBy' | 'signedLink' | 'keep'>
      scope: RecordScope
      clock: Clock
      timeZone: string
    },
  ) {}

  async report(user: { id: string; deputyId: string }, input: ActivityReport): Promise<ActivityRecord> {
    const deputy = await this.deps.store.deputies.get(user.deputyId)
    if (!deputy) throw new NotFoundError('代表不存在')
    const stationId = input.stationId ?? deputy.stationIds[0]
    if (!stationId || !deputy.stationIds.includes(stationId))
      throw new UnprocessableError('请选择您所在的代表联络站', [{ path: 'body.stationId', message: '不是您所在的联络站' }], 'invalid_station')
    this.check(user.id, input)
    const now = this.deps.clock.now()
    // Attached before the report is written, so that the unattached-uploads job leaves them.
    await this.deps.uploads.keep(input.photos, now, 'photos')
    const activity: ActivityRecord = {
      id: `ra-${randomUUID()}`,
      deputyId: deputy.id,
      stationId,
      kind: input.kind,
      date: input.date,
      place: input.place,
      text: input.text,
      photos: input.photos,
      status: 'pending',
      reviewNote: null,
      reviewedBy: null,
      reviewedAt: null,
      createdAt: now,
      updatedAt: now,
    }
    return this.deps.store.recordActivities.create(activity)
  }

  /** A returned report corrected and sent for review again; anything else stays as it is (409). */
  async resubmit(user: { id: string; deputyId: string }, id: string, input: Omit<ActivityReport, 'stationId'>): Promise<ActivityRecord> {
    const before = await this.deps.store.recordActivities.get(id)
    if (!before || before.deputyId !== user.deputyId) throw new NotFoundError('履职活动不存在')
    if (!mayResubmitActivity(before)) throw new ConflictError('只有被退回的活动可以修改后重新提交', [], 'not_returned')
    // Photos the report already carries stay acceptable: the correction form brings them back,
    // and the deputy may have moved his binding to another WeChat since he uploaded them.
    this.check(user.id, input, before.photos)
    await this.deps.uploads.keep(input.photos, this.deps.clock.now(), 'photos')
    const next: ActivityRecord = {
      ...before,
      ...input,
      status: 'pending',
      reviewNote: null,
      reviewedBy: null,
      reviewedAt: null,
      updatedAt: this.deps.clock.now(),
    }
    return this.write(next, 'returned')
  }

  mine(deputyId: string, page: { cursor?: string; limit: number }) {
    return this.deps.store.recordActivities.search({ deputyId, ...page })
  }

  /** One of the deputy's own reports (a returned one to correct); another deputy's is not there for him. */
  async ownOne(deputyId: string, id: string): Promise<ActivityRecord> {
    const a = await this.deps.store.recordActivities.get(id)
    if (!a || a.deputyId !== deputyId) throw new NotFoundError('履职活动不存在')
    return a
  }

  /** What a console user sees: station staff their stations' reports, organizers their districts', the city everyone's. */
  async list(staff: StaffPrincipal, query: { status?: ActivityStatus; deputyId?: string; cursor?: string; limit: number }) {
    if (query.deputyId) await this.deps.scope.deputy(staff, query.deputyId)
    return this.deps.store.recordActivities.search({
      ...query,
      statuses: query.status ? [query.status] : undefined,
      stationIds: (await this.stationsOf(staff)) ?? undefined,
    })
  }

  /** Approves, or returns with the reason; only staff of the station it was reported to. The deputy is told in the same write. */
  async review(staff: StaffPrincipal, id: string, decision: { decision: 'approve' | 'return'; reason: string | null }): Promise<ActivityRecord> {
    const before = await this.visible(staff, id)
    if (!mayReviewActivity(staff, before)) throw new ForbiddenError('由该代表所在联络站的工作人员审核', 'not_station_staff')
    if (before.status !== 'pending') throw new ConflictError('这条履职活动已经审核过了', [], 'already_reviewed')
    if (decision.decision === 'return' && !decision.reason)
      throw new UnprocessableError('退回须说明理由', [{ path: 'body.reason', message: '请填写退回理由' }], 'reason_required')
    const now = this.deps.clock.now()
    const approved = decision.decision === 'approve'
    const next: ActivityRecord = {
      ...before,
      status: approved ? 'approved' : 'returned',
      reviewNote: approved ? null : decision.reason,
      reviewedBy: staff.id,
      reviewedAt: now,
      updatedAt: now,
    }
    // "12月8日", as every other date he reads is written (never "12月08日"); with its year when it is not this year's.
    const day = before.date.slice(0, 4) === localDate(now, this.deps.timeZone).slice(0, 4) ? monthDayText(before.date) : dayText(before.date)
    const what = `您报告的${day}${ACTIVITY_KIND_LABELS[before.kind]}活动`
    const message = outboxMessage({
      to: { kind: 'deputy', id: before.deputyId },
      kind: 'record.activity_reviewed',
      payload: {
        activityId: before.id,
        text: approved ? `${what}已审核通过，计入履职档案。` : `${what}被退回，理由：${decision.reason}。请修改后重新提交。`,
      },
      dedupeKey: `record:activity:${before.id}:reviewed:${now.toISOString()}`,
      at: now,
    })
    return this.write(next, 'pending', [message])
  }

  async visible(staff: StaffPrincipal, id: string): Promise<ActivityRecord> {
    const a = await this.deps.store.recordActivities.get(id)
    const stations = await this.stationsOf(staff)
    if (!a || (stations && !stations.includes(a.stationId))) throw new NotFoundError('履职活动不存在')
    return a
  }

  /** A link that opens a photo for a while, for those who may see the report. */
  photoLinks(a: ActivityRecord): string[] {
    const now = this.deps.clock.now()
    return a.photos.map((p) => this.deps.uploads.signedLink(p, now))
  }

  private async write(next: ActivityRecord, expected: ActivityStatus, outbox: Parameters<Store['recordActivities']['update']>[2] = []) {
    try {
      return await this.deps.store.recordActivities.update(next, expected, outbox)
    } catch (err) {
      throw inWords(err)
    }
  }

  /** `kept`: photos already on the report, taken back whoever uploaded them. */
  private check(userId: string, input: Pick<ActivityReport, 'date' | 'photos'>, kept: readonly string[] = []) {
    const problems = activityProblems(input, localDate(this.deps.clock.now(), this.deps.timeZone)).map((p) => ({ path: `body.${p.path}`, message: p.message }))
    input.photos.forEach((url, i) => {
      const mine = kept.includes(url) || this.deps.uploads.ownedBy(url, userId)
      if (!this.deps.uploads.pathOf(url) || !mine) problems.push({ path: `body.photos[${i}]`, message: '不是您上传的照片' })
    })
    if (problems.length) throw new UnprocessableError('履职活动填写有误', problems, 'invalid_activity')
  }

  /** The stations whose reports this person sees; null: every station. */
  private stationsOf(staff: StaffPrincipal): Promise<string[] | null> {
    return this.deps.scope.stations(staff)
  }
}
