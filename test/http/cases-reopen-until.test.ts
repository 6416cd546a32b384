import { expect } from 'chai'
import { useZhangWeiStation } from '../helpers/zhang-wei-station.js'

/**
 * A resident who rated an answer low reads on her message's page whether she may still ask for it
 * to be handled again (重新办理) and until when, by the server's clock; past the 7 days after the
 * answer, that she no longer may and what she can do instead. A message rated well, or still open,
 * offers nothing. The city: 轻工街道代表联络站 with 张伟 (dp0001); Monday 23 November 2026, 10:00.
 */
describe('a resident reads until when she may ask for her message to be handled again', () => {
  const station = useZhangWeiStation()
  const DAY = 86_400_000

  it('offers it, with the last day, after a low rating; past the window says so and what to do instead', async () => {
    const { resident, id } = await station.written('建设路12号门口的路灯坏了一个月')
    const open = await resident.get(`/api/mp/cases/${id}`)
    expect(open.body.reopen, 'still open: nothing to offer').to.equal(null)

    expect((await station.zhang.post(`/api/mp/deputy/cases/${id}/reply`, { text: '已联系供电所，本周五前修好。' })).status).to.equal(200)
    const rated = await resident.post(`/api/mp/cases/${id}/rate`, { rating: 1, comment: '还是没修' })
    expect(rated.body.reopen).to.deep.equal({
      allowed: true,
      until: '2026-11-30T02:00:00.000Z',
      untilText: '11月30日 10:00前',
      refusal: null,
    })

    station.app.clock.set(new Date(Date.parse('2026-11-23T02:00:00Z') + 7 * DAY + 60_000))
    const late = await resident.get(`/api/mp/cases/${id}`)
    expect(late.body.reopen).to.deep.include({ allowed: false, refusal: '答复已经超过 7 天，不能再申请重新办理了。问题还没有解决的话，您可以再写一条留言' })
    const refused = await resident.post(`/api/mp/cases/${id}/reopen`, { reason: '路灯还是不亮' })
    expect([refused.status, refused.body.error.code], 'the server refuses what the page no longer offers').to.deep.equal([409, 'reopen_window_passed'])
  })

  it('offers nothing for a message rated well', async () => {
    const { resident, id } = await station.written('小区健身器材坏了')
    await station.zhang.post(`/api/mp/deputy/cases/${id}/reply`, { text: '已更换。' })
    const rated = await resident.post(`/api/mp/cases/${id}/rate`, { rating: 5 })
    expect(rated.body.reopen).to.equal(null)
  })
})
