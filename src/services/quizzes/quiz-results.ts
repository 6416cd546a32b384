import { groupBoard, peopleBoard, residentLabel, residentNumbers, type GroupStanding, type PersonStanding } from '../../domain/quiz-board.js'
import { scoreAnswers, type AttemptRecord, type QuizRecord } from '../../domain/quiz.js'
import { stationInScope } from '../../domain/campaign.js'
import { NotFoundError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { CampaignAudience, NamedDirectory } from '../campaigns/campaign-audience.js'
import { csvSheet, sheetTime } from '../csv-sheet.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import type { PiiCipher } from '../../security/pii.js'
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

/** A deputy's stations within a scope (empty: the whole city), each once: where he is of a quiz's audience. */
function stationsWithin(dir: NamedDirectory, deputyId: string, scope: readonly string[]): string[] {
  let byId = deputyStations.get(dir)
  if (!byId) deputyStations.set(dir, (byId = new Map(dir.deputies.map((d) => [d.id, [...new Set(d.stationIds)]]))))
  return (byId.get(deputyId) ?? []).filter((s) => stationInScope(s, dir, scope))
}
/** Each deputy's stations, once per directory (9,000 deputies against 2,000 papers: no scan per paper). */
const deputyStations = new WeakMap<NamedDirectory, Map<string, string[]>>()

/**
 * Attempts made from these districts or streets (all when null): by the station they were made at,
 * and a deputy's also by any of his stations there, as 应参与 counts him at each of them.
 */
const inDistricts = (attempts: AttemptRecord[], within: readonly string[] | null, dir: NamedDirectory) =>
  within
    ? attempts.filter(
        (a) =>
          (a.stationId !== null ? stationInScope(a.stationId, dir, within) : a.districtId !== null && within.includes(a.districtId)) ||
          (a.personKind === 'deputy' && stationsWithin(dir, a.personId, within).length > 0),
      )
    : attempts

/** The last four digits of a phone number (mobile or landline), for the office's export only (never a board). */
const phoneTail = (phone: string | null) => (phone && phone.length >= 4 ? phone.slice(-4) : null)

/**
 * Leaderboards and the results export. Audience sizes (for participation) come from the
 * directory as it is now, and are known for deputies' quizzes: deputies by home station.
 */
export class QuizResults {
  constructor(
    private readonly store: Pick<Store, 'quizzes' | 'mpUsers'>,
    private readonly quizzes: QuizService,
    private readonly audience: CampaignAudience,
    private readonly settings: { timeZone: string },
    /** Where each download of the results (people's names and scores) is recorded. */
    private readonly audit: Pick<AuditTrail, 'record'> | null = null,
    /** Opens a resident's stored phone for the export's 电话尾号 (none: the export names her by number only). */
    private readonly cipher: Pick<PiiCipher, 'tryDecrypt'> | null = null,
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
   * The console's page of a quiz: the quiz, its pool, whether anyone has started (what is frozen) and
   * 参与人数, the last two from one read of its papers (QuizService.detail).
   */
  async detail(staff: StaffPrincipal, quizId: string) {
    const { quiz, questions, attempts, started } = await this.quizzes.detail(staff, quizId)
    return { quiz, questions, started, participants: await this.participants(staff, quiz, attempts) }
  }

  /**
   * 参与人数 for the organizer: people, not attempts, counted as the boards count them (a paper
   * handed in late makes nobody a participant); within her districts on a city-level quiz.
   */
  private async participants(staff: StaffPrincipal, quiz: QuizRecord, attempts: AttemptRecord[]): Promise<number> {
    return peopleBoard(inDistricts(attempts, this.quizzes.districtView(staff, quiz), await this.audience.directory())).length
  }

  /** One row per finished attempt, times in the business time zone, through the one CSV writer (BOM, formulas neutralised). */
  async csv(staff: StaffPrincipal, quizId: string): Promise<{ title: string; csv: string }> {
    const quiz = await this.quizzes.get(staff, quizId)
    const within = this.quizzes.districtView(staff, quiz)
    const [all, dir, pool] = await Promise.all([this.store.quizzes.attempts(quiz.id), this.audience.directory(), this.store.quizzes.questions(quiz.id)])
    const attempts = inDistricts(all, within, dir)
    const byId = new Map(pool.map((q) => [q.id, q]))
    const tz = this.settings.timeZone
    const numbers = residentNumbers(all)
    const finished = attempts.filter((a) => a.status !== 'open')
    const tails = await this.phoneTails(finished)
    const rows = finished.map((a) => {
      const drawn = a.questionIds.map((id) => byId.get(id)!)
      const correct = scoreAnswers(drawn, a.answers ?? []).results.filter((r) => r.correct).length
      return [
        // The office may call a resident back: her number's tail beside the board's 群众N号, where she gave one.
        // 电话尾号, not 手机尾号: she may have typed it (a landline too), and nothing records that WeChat checked it.
        a.personKind === 'mp_user' && tails.get(a.personId)
          ? `${residentLabel(numbers.get(a.personId))}（电话尾号${tails.get(a.personId)}）`
          : this.nameOf(dir, a.personKind, a.personId, numbers),
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
    const numbers = residentNumbers(attempts)
    const named = (p: PersonStanding): NamedPerson => ({
      ...p,
      name: this.nameOf(dir, p.personKind, p.personId, numbers),
      stationName: p.stationId ? (dir.stationNames.get(p.stationId) ?? null) : null,
      districtName: p.districtId ? (dir.districtNames.get(p.districtId) ?? null) : null,
    })
    if (by === 'person') return { quiz, by, people: people.map(named), groups: [] }
    const scope = within ?? quiz.scopeDistrictIds
    const groups = groupBoard(people, by, quiz.audience === 'deputies' ? this.sizes(dir, by, scope) : null, (p) => this.placesOf(dir, p, by, scope))
    const names = by === 'station' ? dir.stationNames : dir.districtNames
    return { quiz, by, people: [], groups: groups.map((g) => ({ ...g, name: names.get(g.groupId) ?? g.groupId })) }
  }

  /**
   * The stations (or districts) a deputy counts at: each of his stations within the quiz's places,
   * once each (a deputy of two stations of one district is one person of that district). Where
   * anyone else's paper was made; a deputy with no station there now, where his paper was made.
   */
  private placesOf(dir: NamedDirectory, p: PersonStanding, by: 'station' | 'district', scope: readonly string[]): string[] {
    const stations = p.personKind === 'deputy' ? stationsWithin(dir, p.personId, scope) : []
    const own = by === 'station' ? p.stationId : p.districtId
    if (!stations.length) return own === null ? [] : [own]
    return by === 'station' ? stations : [...new Set(stations.flatMap((s) => dir.stationDistrict.get(s) ?? []))]
  }

  /** Deputies in office at each station (or district) within the quiz's districts or streets: each once there, at every station of his. */
  private sizes(dir: NamedDirectory, by: 'station' | 'district', scope: readonly string[]): Map<string, number> {
    const sizes = new Map<string, number>()
    for (const d of dir.deputies) {
      if (d.active === false) continue
      const stations = [...new Set(d.stationIds)].filter((s) => stationInScope(s, dir, scope))
      const places = by === 'station' ? stations : new Set(stations.flatMap((s) => dir.stationDistrict.get(s) ?? []))
      for (const key of places) sizes.set(key, (sizes.get(key) ?? 0) + 1)
    }
    return sizes
  }

  /** Each resident's phone tail, where she gave a number that still opens: all residents in one read, not one each. */
  private async phoneTails(attempts: AttemptRecord[]): Promise<Map<string, string>> {
    const tails = new Map<string, string>()
    if (!this.cipher) return tails
    const ids = [...new Set(attempts.filter((a) => a.personKind === 'mp_user').map((a) => a.personId))]
    for (const user of ids.length ? await this.store.mpUsers.getMany(ids) : []) {
      const tail = user.phoneEnc ? phoneTail(this.cipher.tryDecrypt(user.phoneEnc, user.id)) : null
      if (tail) tails.set(user.id, tail)
    }
    return tails
  }

  private nameOf(dir: NamedDirectory, kind: string, id: string, numbers: ReadonlyMap<string, number>) {
    return kind === 'mp_user' ? residentLabel(numbers.get(id)) : dir.personName(kind as 'deputy' | 'staff', id)
  }
}
