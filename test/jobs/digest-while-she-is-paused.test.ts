import { expect } from 'chai'
import { DIGEST_JOB } from '../../src/jobs/digest-job.js'
import { useZhangWeiStation } from '../helpers/zhang-wei-station.js'

/**
 * 张伟 holds one message when 李娜, his station's clerk, pauses his new messages from Tuesday to Friday (外出学习).
 * Each morning of the pause his digest says so first, in one line: until when, that new messages go to others
 * meanwhile, and that the one he holds is still his, with whom to ask to hand it on. A message written to him by his
 * code during the pause goes to the station, and is not listed as his.
 */
describe('the daily digest while a deputy is paused (暂停接收留言)', () => {
  const s = useZhangWeiStation() // Monday 23 Nov, 10:00

  async function digestOn(day: string): Promise<string | null> {
    s.app.clock.set(new Date(`${day}T00:15:00Z`))
    await s.app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run()
    const sent = (await s.app.liaison.store.outbox.search({ limit: 50, kind: 'digest', recipientId: 'dp0001' })).items
    const today = sent.find((m) => (m.payload as { day: string }).day === day)
    return today ? (today.payload as { text: string }).text : null
  }

  it('says the pause in one line first, keeps what he holds as his, and lists no message sent to the station meanwhile', async () => {
    await s.written('楼下垃圾站臭味很大，请处理')
    const paused = await s.lina.put('/api/admin/deputies/dp0001/away', { from: '2026-11-24', until: '2026-11-27', reason: 'study', note: '省人大代表培训' })
    expect(paused.status, JSON.stringify(paused.body)).to.equal(200)

    s.app.clock.set(new Date('2026-11-24T01:00:00Z')) // Tuesday 09:00, away
    await s.written('小区门口路灯不亮')

    const text = (await digestOn('2026-11-25'))!
    const [, first] = text.split('\n\n')
    expect(first).to.equal(
      '留言暂停接收至11月27日：这几天群众的新留言交给联络站或其他代表办理；您手上还有 1 条留言仍由您办理，如需他人代办，请联系轻工街道代表联络站。',
    )
    expect(text).to.include('【待办留言 1 条').and.include('楼下垃圾站臭味很大')
    expect(text, 'the message the station arranges is not his to act on').not.to.include('路灯')
    expect(text, 'his reason stays with the staff').not.to.include('培训')

    const back = await digestOn('2026-11-30')
    expect(back ?? '', 'after the last day, no word of it').not.to.include('暂停')
  })
})
