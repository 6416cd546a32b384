import { groupBoard, peopleBoard, type GroupStanding, type PersonStanding } from '../../domain/quiz-board.js'
import { scoreAnswers, type AttemptRecord, type QuizRecord } from '../../domain/quiz.js'
import { stationInScope } from '../../domain/campaign.js'
import { NotFoundError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { CampaignAudience, NamedDirectory } from '../campaigns/campaign-audience.js'
import { csvSheet, sheetTime } from '../csv-sheet.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import { mayTake } from './quiz-audience.js'
import { QUIZ_NOT_FOUND } from './quiz-taking.js'
import type { QuizService } from './quizzes.js'

export type BoardKind = 'person' | 'station' | 'district'
export type NamedPerson = PersonStanding & { name: string; stationName: string | null; districtName: string | null }
export type NamedGroup = GroupStanding & { name: string }
export interface Board {
  quiz: QuizRecord
  by: BoardKind
  people: NamedPerson[]
  groups: NamedGroup[]
}

/** Attempts made from these districts or streets, by the station they were made at (all when null). */
const inDistricts = (attempts: AttemptRecord[], within: readonly string[] | null, dir: NamedDirectory) =>
  within
    ? attempts.filter((a) => (a.stationId !== null ? stationInScope(a.stationId, dir, within) : a.districtId !== null && within.includes(a.districtId)))
    : attempts

/** Residents are not named on a public board: a short tag from their account id. */
const residentLabel = (id: string) => `群众${id.slice(-4).toUpperCase()}`

/**
 * Leaderboards and the results export. Audience sizes (for participation) come from the
 * directory as it is now, and are known for deputies' quizzes: deputies by home station.
 */
export class QuizResults {
  constructor(
    private readonly store: Pick<Store, 'quizzes'>,
    private readonly quizzes: QuizService,
    private readonly audience: CampaignAudience,
    private readonly settings: { timeZone: string },
    /** Where each download of the results (people's names and scores) is recorded. */
    private readonly audit: Pick<AuditTrail, 'record'> | null = null,
  ) {}

  /** An organizer following a city-level quiz sees their districts' or streets' people and places only. */
  async forStaff(staff: StaffPrincipal, quizId: string, by: BoardKind): Promise<Board> {
    const quiz = await this.quizzes.get(staff, quizId)
    return this.board(quiz, by, this.quizzes.districtView(staff, quiz))
  }

  /** Participants see the board of a quiz that is for them. */
  async forParticipant(p: MpPrincipal, quizId: string, by: BoardKind): Promise<Board> {
    const quiz = await this.store.quizzes.get(quizId)
    if (!quiz || quiz.draft || !(await mayTake(this.audience, quiz, p))) throw new NotFoundError(QUIZ_NOT_FOUND)
    return this.board(quiz, by)
  }

  /**
   * 参与人数 for the organizer: people, not attempts, counted as the boards count them (a paper
   * handed in late makes nobody a participant); within her districts on a city-level quiz.
   */
  async participants(staff: StaffPrincipal, quiz: QuizRecord): Promise<number> {
    const [attempts, dir] = await Promise.all([this.store.quizzes.attempts(quiz.id), this.audience.directory()])
    return peopleBoard(inDistricts(attempts, this.quizzes.districtView(staff, quiz), dir)).length
  }

  /** One row per finished attempt, times in the business time zone, through the one CSV writer (BOM, formulas neutralised). */
  async csv(staff: StaffPrincipal, quizId: string): Promise<{ title: string; csv: string }> {
    const quiz = await this.quizzes.get(staff, quizId)
    const within = this.quizzes.districtView(staff, quiz)
    const [all, dir, pool] = await Promise.all([this.store.quizzes.attempts(quiz.id), this.audience.directory(), this.store.quizzes.questions(quiz.id)])
    const attempts = inDistricts(all, within, dir)
    const byId = new Map(pool.map((q) => [q.id, q]))
    const tz = this.settings.timeZone
    const rows = attempts
      .filter((a) => a.status !== 'open')
      .map((a) => {
        const drawn = a.questionIds.map((id) => byId.get(id)!)
        const correct = scoreAnswers(drawn, a.answers ?? []).results.filter((r) => r.correct).length
        return [
          this.nameOf(dir, a.personKind, a.personId),
          a.personKind === 'deputy' ? '人大代表' : '群众',
          dir.stationNames.get(a.stationId ?? '') ?? '',
          dir.districtNames.get(a.districtId ?? '') ?? '',
          a.number,
          a.status === 'submitted' ? '已提交' : '超时未计分',
          a.score ?? 0,
          a.maxScore,
          // Two number columns: "3/5" would open as a date (3月5日) in Excel and WPS.
          correct,
          drawn.length,
          sheetTime(a.startedAt, tz, { seconds: true }),
          sheetTime(a.finishedAt, tz, { seconds: true }),
          Math.round(((a.finishedAt ?? a.deadline).getTime() - a.startedAt.getTime()) / 1000),
        ]
      })
    const header = ['姓名', '身份', '联络站', '区县', '第几次', '状态', '得分', '满分', '答对题数', '抽题数', '开始时间', '结束时间', '用时（秒）']
    await this.audit?.record(staff, 'quiz.results_exported', { kind: 'quiz', id: quiz.id }, { rows: rows.length })
    return { title: quiz.title, csv: await csvSheet([header, ...rows]) }
  }

  private async board(quiz: QuizRecord, by: BoardKind, within: string[] | null = null): Promise<Board> {
    const [attempts, dir] = await Promise.all([this.store.quizzes.attempts(quiz.id), this.audience.directory()])
    const people = peopleBoard(inDistricts(attempts, within, dir))
    const named = (p: PersonStanding): NamedPerson => ({
      ...p,
      name: this.nameOf(dir, p.personKind, p.personId),
      stationName: p.stationId ? (dir.stationNames.get(p.stationId) ?? null) : null,
      districtName: p.districtId ? (dir.districtNames.get(p.districtId) ?? null) : null,
    })
    if (by === 'person') return { quiz, by, people: people.map(named), groups: [] }
    const groups = groupBoard(people, by, quiz.audience === 'deputies' ? this.sizes(dir, by, within ?? quiz.scopeDistrictIds) : null)
    const names = by === 'station' ? dir.stationNames : dir.districtNames
    return { quiz, by, people: [], groups: groups.map((g) => ({ ...g, name: names.get(g.groupId) ?? g.groupId })) }
  }

  /** Deputies per home station (or its district), within the quiz's districts or streets. */
  private sizes(dir: NamedDirectory, by: 'station' | 'district', scope: readonly string[]): Map<string, number> {
    const sizes = new Map<string, number>()
    for (const d of dir.deputies) {
      const station = d.stationIds[0]
      if (!station) continue
      const district = dir.stationDistrict.get(station) ?? null
      if (!stationInScope(station, dir, scope)) continue
      const key = by === 'station' ? station : district
      if (key !== null) sizes.set(key, (sizes.get(key) ?? 0) + 1)
    }
    return sizes
  }

  private nameOf(dir: NamedDirectory, kind: string, id: string) {
    return kind === 'mp_user' ? residentLabel(id) : dir.personName(kind as 'deputy' | 'staff', id)
  }
}
