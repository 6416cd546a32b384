import type { Clock } from '../../clock.js'
import { overdueQuarters, quarterNotBegun, type LivelihoodProject, type ProgressReport, type Quarter } from '../../domain/livelihood.js'
import { nextReport, type NextReport } from '../../domain/livelihood-next-report.js'
import { offsetMs } from '../../domain/zone-offset.js'
import { ConflictError, NotFoundError, UnprocessableError } from '../../errors.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { outboxMessage } from '../delivery/outbox-message.js'
import { staffUploader, type Uploads } from '../cases/uploads.js'

/** Photos a quarter's progress report may carry. */
const PROGRESS_PHOTOS_MAX = 6

export interface ProgressInput {
  quarter: Quarter
  percent: number
  text: string
  /** Upload URLs of the reporting staff member's own photos. */
  photos?: string[]
}

/**
 * 政府办: the responsible unit reports each quarter of the project year (percent, text,
 * photos) for its own projects only; a quarter left unreported past its end plus the grace
 * days reminds the unit's staff, once per quarter.
 */
export class LivelihoodProgress {
  constructor(
    private readonly store: Pick<Store, 'livelihood' | 'staff' | 'outbox'>,
    private readonly clock: Clock,
    private readonly audit: Pick<AuditTrail, 'record'>,
    private readonly settings: { timeZone: string; reportGraceDays: number },
    private readonly uploads: Pick<Uploads, 'checkAttachments' | 'keep'>,
  ) {}

  /**
   * A unit's chosen projects in cycles still running or being rated, with what it has reported and, while it may
   * still report (not once published), which quarter is next and by when.
   */
  async unitProjects(staff: StaffPrincipal) {
    const out: Array<{ project: LivelihoodProject; year: number; reports: ProgressReport[]; next: NextReport | null }> = []
    const now = this.clock.now()
    for (const cycle of await this.store.livelihood.listCycles()) {
      if (!['running', 'rating', 'published'].includes(cycle.status)) continue
      const mine = (await this.store.livelihood.listProjects(cycle.id)).filter((p) => p.status === 'chosen' && staff.unitIds.includes(p.unitId))
      const reports = await this.store.livelihood.listProgress(mine.map((p) => p.id))
      for (const project of mine) {
        const own = reports.filter((r) => r.projectId === project.id)
        const next =
          cycle.status === 'published'
            ? null
            : nextReport(
                cycle.year,
                own.map((r) => r.quarter),
                now,
                this.settings.timeZone,
                this.settings.reportGraceDays,
              )
        out.push({ project, year: cycle.year, reports: own, next })
      }
    }
    return out
  }

  async post(staff: StaffPrincipal, projectId: string, input: ProgressInput): Promise<ProgressReport> {
    const project = await this.store.livelihood.getProject(projectId)
    // Another unit's project is not found: a unit learns nothing of the others'.
    if (!project || !staff.unitIds.includes(project.unitId)) throw new NotFoundError('项目不存在')
    // A photo is one this staff member uploaded (POST /api/unit/uploads), never any address.
    this.uploads.checkAttachments(input.photos ?? [], staffUploader(staff.id), 'photos', PROGRESS_PHOTOS_MAX)
    const cycle = await this.store.livelihood.getCycle(project.cycleId)
    if (project.status !== 'chosen' || !cycle || !['running', 'rating'].includes(cycle.status))
      throw new ConflictError('只有列入年度民生实事、正在实施的项目才能填报进展', [], 'not_running')
    // Shown publicly at once: a quarter not yet begun would announce work nobody has done.
    const early = quarterNotBegun(cycle.year, input.quarter, this.clock.now(), offsetMinutes(this.settings.timeZone, this.clock.now()))
    if (early) throw new UnprocessableError(early, [{ path: 'body.quarter', message: early }], 'quarter_not_begun')
    const report: ProgressReport = { projectId, ...input, photos: input.photos ?? [], postedBy: staff.id, postedAt: this.clock.now() }
    // Attached after every refusal and just before the report is written: a refused report's photos
    // stay unattached, and the unattached-uploads job deletes them a day later.
    await this.uploads.keep(report.photos, report.postedAt, 'photos')
    await this.store.livelihood.putProgress(report)
    await this.audit.record(
      staff,
      'livelihood.progress_posted',
      { kind: 'livelihood_project', id: projectId },
      { quarter: input.quarter, percent: input.percent },
    )
    return report
  }

  /** The reminder job's body: each running project's overdue quarters, to each of its unit's staff (one dedupe key per quarter and person). */
  async remindOverdue(): Promise<number> {
    const now = this.clock.now()
    const offset = offsetMinutes(this.settings.timeZone, now)
    const outbox: OutboxMessage[] = []
    for (const cycle of await this.store.livelihood.listCycles()) {
      if (cycle.status !== 'running') continue
      for (const project of (await this.store.livelihood.listProjects(cycle.id)).filter((p) => p.status === 'chosen')) {
        const due = overdueQuarters(cycle.year, await this.store.livelihood.reportedQuarters(project.id), now, offset, this.settings.reportGraceDays)
        if (!due.length) continue
        const staff = (await this.store.staff.search({ role: 'unit_staff', unitId: project.unitId, limit: 100 })).items.filter((s) => s.active)
        for (const q of due) {
          const text = `民生实事项目「${project.title}」${cycle.year}年第${q}季度的进展还没有填报，请登录管理后台尽快填报。`
          for (const s of staff)
            outbox.push(
              outboxMessage({
                to: { kind: 'staff', id: s.id },
                kind: 'livelihood.progress_overdue',
                payload: { text, projectId: project.id, quarter: q },
                dedupeKey: `livelihood.progress_overdue:${project.id}:${cycle.year}Q${q}:${s.id}`,
                at: now,
              }),
            )
        }
      }
    }
    const before = outbox.length ? (await this.store.outbox.byDedupeKeys(outbox.map((m) => m.dedupeKey))).length : 0
    if (outbox.length) await this.store.outbox.enqueue(outbox)
    return outbox.length - before
  }
}

/** The zone's offset from UTC in minutes at `at` (+480 for Asia/Shanghai), as the domain's clocks reckon it. */
function offsetMinutes(timeZone: string, at: Date): number {
  return offsetMs(at.getTime(), timeZone) / 60_000
}
