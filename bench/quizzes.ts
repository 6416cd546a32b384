import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from '../src/app.js'
import { ManualClock } from '../src/clock.js'
import { loadConfig } from '../src/config.js'
import { OPTION_KEYS } from '../src/domain/quiz.js'
import type { MpPrincipal } from '../src/services/accounts/mp-sessions.js'
import type { StaffPrincipal } from '../src/services/accounts/principal.js'
import { row, time, type Row } from './measure.js'

const ADMIN: StaffPrincipal = { kind: 'staff', id: 'admin', name: '管理员', username: 'admin', role: 'admin', stationIds: [], regionIds: [], unitIds: [] }

/**
 * A quiz with 2,000 people starting and submitting in the same minute on the embedded
 * store (a file, synchronous=FULL, group commit), all at once through the services. Target:
 * everyone done within the minute, and every submission stored (none lost).
 */
export async function benchQuizzes(people = 2000): Promise<{ rows: Row[]; lines: string[] }> {
  const small = await run(100)
  const full = await run(people)
  const lines = [
    `quiz: ${full.people} people started and submitted in ${Math.round(full.ms)} ms; ${full.stored} submissions stored, ${full.people - full.stored} lost`,
  ]
  if (full.stored !== full.people) throw new Error(`quiz bench lost ${full.people - full.stored} submissions`)
  return {
    lines,
    rows: [
      row({
        name: `${people.toLocaleString('en')} quiz starts + submits, none lost`,
        value: full.ms,
        unit: 'ms',
        baseline: { name: `100 people × ${people / 100} (linear)`, value: small.ms * (people / 100) },
        target: { below: 60_000 },
      }),
    ],
  }
}

async function run(people: number) {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-quiz-'))
  try {
    const clock = new ManualClock(new Date('2026-11-23T02:00:00Z'))
    const config = loadConfig({
      env: { LIAISON_DB: `sqlite:${join(dir, 'l.db')}`, LIAISON_SECRET_KEY: 'b'.repeat(64) },
      overrides: { log: { level: 'silent' }, security: { scryptCost: 1024 } },
    })
    const liaison = await build(config, { clock })
    const { store, services } = liaison
    const quiz = await services.quizzes.create(ADMIN, {
      campaignId: null,
      title: '代表法知识竞赛',
      description: '',
      drawCount: 5,
      timeLimitSeconds: 600,
      attemptsAllowed: 1,
      opensAt: new Date('2026-11-23T01:00:00Z'),
      closesAt: new Date('2026-11-24T01:00:00Z'),
      audience: 'public',
      draft: true,
    })
    await services.quizzes.addQuestions(
      ADMIN,
      quiz.id,
      Array.from({ length: 20 }, (_, i) => ({
        type: 'single' as const,
        stem: `第${i + 1}题`,
        options: ['甲', '乙', '丙', '丁'],
        answer: ['A'],
        explanation: '解析',
        points: 10,
        tags: [],
      })),
    )
    await services.quizzes.publish(ADMIN, quiz.id)
    // Residents who agreed to the privacy notice, as a resident must before her attempt is kept (domain/consent-needed.ts).
    const consentVersion = services.privacy.notice.version
    const principals: MpPrincipal[] = Array.from({ length: people }, (_, i) => ({ kind: 'mp_user', id: `mu-bench-${i}`, deputyId: null, consentVersion }))
    const { ms } = await time(() =>
      Promise.all(
        principals.map(async (p) => {
          const paper = await services.quizTaking.start(p, quiz.id)
          const chosen = new Map(paper.questions.map((q, i) => [q.id, [OPTION_KEYS[paper.attempt.optionOrders[i]!.indexOf(0)]!]]))
          await services.quizTaking.submit(p, paper.attempt.id, chosen)
        }),
      ),
    )
    const stored = (await store.quizzes.attempts(quiz.id)).filter((a) => a.status === 'submitted' && a.score === 50).length
    await liaison.close()
    return { people, ms, stored }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
