import { expect } from 'chai'
import { drawQuestions, type QuestionType } from '../../src/domain/quiz.js'
import { startApp, type Client, type TestApp } from './app.js'
import { asStaff, meetingCity } from './meetings.js'

export const MINUTE = 60_000
export const DAY = 86_400_000

/** Ten questions about the Deputies Law as the CSV organizers import: right answers are always the option 正确 / A / A+C. */
export const BANK_CSV = [
  'type,stem,options,answer,explanation,points,tags',
  ...Array.from({ length: 4 }, (_, i) => `single,单选题${i + 1},甲|乙|丙|丁,A,解析${i + 1},10,代表法`),
  ...Array.from({ length: 3 }, (_, i) => `multiple,多选题${i + 1},甲|乙|丙|丁,AC,多选解析${i + 1},10,代表法|闭会期间`),
  ...Array.from({ length: 3 }, (_, i) => `判断,判断题${i + 1},,正确,判断解析${i + 1},10,`),
].join('\n')

export const at = (app: TestApp, ms: number) => new Date(app.clock.now().getTime() + ms).toISOString()

/**
 * A quiz with the bank imported; open from a minute ago for a day unless told otherwise.
 * Made as a draft, filled, then published (unless `draft: true` is asked for), as the console
 * does: a quiz cannot be published with fewer questions than a paper draws.
 */
export async function quizWithBank(app: TestApp, organizer: Client, over: Record<string, unknown> = {}) {
  const created = await organizer.post('/api/admin/quizzes', {
    title: '代表法知识竞赛',
    description: '学习贯彻代表法',
    drawCount: 5,
    timeLimitSeconds: 600,
    attemptsAllowed: 2,
    opensAt: at(app, -MINUTE),
    closesAt: at(app, DAY),
    audience: 'public',
    ...over,
    draft: true,
  })
  expect(created.status, JSON.stringify(created.body)).to.equal(201)
  const imported = await organizer.post(`/api/admin/quizzes/${created.body.id}/questions/import`, { csv: BANK_CSV })
  expect(imported.status, JSON.stringify(imported.body)).to.equal(201)
  if (over.draft === true) return created.body as { id: string; [k: string]: unknown }
  const published = await organizer.post(`/api/admin/quizzes/${created.body.id}/publish`)
  expect(published.status, JSON.stringify(published.body)).to.equal(200)
  return published.body as { id: string; [k: string]: unknown }
}

/** The right keys for a paper, found from the option texts shown (甲 and 丙 are right; 正确 for true/false). */
export function rightAnswers(paper: { questions: Array<{ id: string; type: string; options: Array<{ key: string; text: string }> }> }) {
  return paper.questions.map((q) => ({
    questionId: q.id,
    choices: q.options
      .filter((o) => (q.type === 'single' ? o.text === '甲' : q.type === 'multiple' ? ['甲', '丙'].includes(o.text) : o.text === '正确'))
      .map((o) => o.key),
  }))
}

/**
 * 湛河区's congress office on a Monday morning (23 Nov 2026, 10:00 in Shanghai): the meeting city's
 * directory, and 孙丽, the district's organizer, signed in to the console.
 */
export async function quizOffice(): Promise<{ app: TestApp; sunli: Client }> {
  const app = await startApp({ directory: meetingCity() })
  app.clock.set(new Date('2026-11-23T02:00:00Z'))
  return { app, sunli: await asStaff(app, 'sunli') }
}

/**
 * A published quiz (quizWithBank) that these people have started, each with a paper of their own;
 * those in `handedIn` also handed it in with every answer right, as on the quiz page.
 */
export async function quizWithAttempts(
  app: TestApp,
  organizer: Client,
  people: { started?: Client[]; handedIn?: Client[] },
  over: Record<string, unknown> = {},
  /** Kinds of question each paper must hold (nextPaperHolds), for a story that reads one. */
  holding: QuestionType[] = [],
) {
  const quiz = await quizWithBank(app, organizer, over)
  const papers = new Map<Client, any>()
  for (const who of [...(people.handedIn ?? []), ...(people.started ?? [])]) {
    if (holding.length) await nextPaperHolds(app, quiz.id, holding)
    const started = await who.post(`/api/mp/quizzes/${quiz.id}/attempts`)
    expect(started.status, JSON.stringify(started.body)).to.equal(201)
    papers.set(who, started.body)
  }
  for (const who of people.handedIn ?? []) {
    const handed = await who.post(`/api/mp/quiz-attempts/${papers.get(who).id}/submit`, { answers: rightAnswers(papers.get(who)) })
    expect(handed.status, JSON.stringify(handed.body)).to.equal(200)
  }
  return { quiz, papers }
}

/**
 * The next paper started on this quiz holds a question of each of these kinds: the first draw seed, counted from 0 and
 * so the same every run, whose draw of the quiz's pool does is queued for it (TestApp.quizDrawSeeds). A paper of 5 from
 * the bank of 10 holds no 多选题 one time in twelve, no 单选题 one in 42: a story reading one skipped or failed then.
 */
export async function nextPaperHolds(app: TestApp, quizId: string, kinds: QuestionType[]): Promise<number> {
  if (!app.quizDrawSeeds) throw new Error('this app takes no draw seeds: start it with startApp')
  const quiz = await app.liaison.store.quizzes.get(quizId)
  const pool = await app.liaison.store.quizzes.questions(quizId)
  const kindOf = new Map(pool.map((q) => [q.id, q.type]))
  for (let seed = 0; seed < 1000; seed++) {
    const drawn = new Set(drawQuestions(pool, quiz!.drawCount, seed).questionIds.map((id) => kindOf.get(id)))
    if (kinds.every((k) => drawn.has(k))) {
      app.quizDrawSeeds.push(seed)
      return seed
    }
  }
  throw new Error(`no paper of ${quiz!.drawCount} from this bank holds ${kinds.join(', ')}`)
}
