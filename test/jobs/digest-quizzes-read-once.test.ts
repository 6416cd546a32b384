import { expect } from 'chai'
import { DIGEST_JOB } from '../../src/jobs/digest-job.js'
import { asDeputy } from '../helpers/app.js'
import { quizOffice, quizWithBank, rightAnswers } from '../helpers/quizzes.js'

/**
 * Two quizzes are open on Tuesday morning: 孙丽's 代表履职知识测验 for the deputies of 湛河区, and 宪法知识竞赛 for
 * everyone. 赵敏 has handed in her paper of the first. Each deputy's digest asks for what is his own still to do: 赵敏
 * only 宪法知识竞赛, 张伟 both, 陈静 of 新华区 only the one for everyone. And the morning's run reads who has taken the
 * quizzes once for every deputy (a province has 100,000 of them), never a read a deputy.
 */
describe('the daily digest judges the open quizzes of every deputy from one read', () => {
  it('asks each deputy for the quizzes still his to do, reading the attempts once a run', async () => {
    const { app, sunli } = await quizOffice() // Monday 23 Nov, 10:00
    try {
      const duty = await quizWithBank(app, sunli, {
        title: '代表履职知识测验',
        audience: 'deputies',
        attemptsAllowed: 1,
        closesAt: '2026-12-20T18:00:00+08:00',
      })
      await quizWithBank(app, sunli, { title: '宪法知识竞赛', audience: 'public', closesAt: '2026-12-04T18:00:00+08:00' })
      const zhao = await asDeputy(app, 'dp0004')
      const paper = (await zhao.post(`/api/mp/quizzes/${duty.id}/attempts`)).body
      expect((await zhao.post(`/api/mp/quiz-attempts/${paper.id}/submit`, { answers: rightAnswers(paper) })).status).to.equal(200)

      // Every read of who has taken a quiz, whichever way it is made.
      const quizzes = app.liaison.store.quizzes
      let attemptReads = 0
      for (const read of ['attemptsOf', 'attempts', 'attemptHeads'] as const) {
        const real = quizzes[read].bind(quizzes) as (...args: unknown[]) => Promise<unknown>
        ;(quizzes as unknown as Record<string, unknown>)[read] = (...args: unknown[]) => {
          attemptReads++
          return real(...args)
        }
      }

      app.clock.set(new Date('2026-11-24T00:15:00Z')) // Tuesday 08:15
      await app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run()
      const sent = (await app.liaison.store.outbox.search({ limit: 50, kind: 'digest' })).items
      const quizLines = (deputyId: string) => {
        const text = (sent.find((m) => m.recipientId === deputyId)?.payload as { text?: string } | undefined)?.text ?? ''
        return text.split('\n').filter((line) => line.startsWith('【待答题') || /^· 《.+》，请在.+答题$/.test(line))
      }

      expect(quizLines('dp0004'), '赵敏: hers handed in').to.deep.equal(['【待答题 1 项】', '· 《宪法知识竞赛》，请在12月4日（星期五）晚上6:00前答题'])
      expect(quizLines('dp0001'), '张伟: both').to.deep.equal([
        '【待答题 2 项】',
        '· 《宪法知识竞赛》，请在12月4日（星期五）晚上6:00前答题',
        '· 《代表履职知识测验》，请在12月20日（星期日）晚上6:00前答题',
      ])
      expect(quizLines('dp0006'), '陈静 of 新华区: only the one for everyone').to.deep.equal([
        '【待答题 1 项】',
        '· 《宪法知识竞赛》，请在12月4日（星期五）晚上6:00前答题',
      ])
      expect(sent.length, 'a digest for each of the deputies').to.equal(6)
      expect(attemptReads, 'who has taken the quizzes, read once for all six deputies').to.equal(1)
    } finally {
      await app.close()
    }
  })
})
