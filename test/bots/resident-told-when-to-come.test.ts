import { expect } from 'chai'
import { asAdmin } from '../helpers/app.js'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

/**
 * 王阿姨 wrote her number wrong and asks the chat how to put it right. Her station receives people on Wednesdays from
 * 8:30 to 11:30: she is told the day and the hours, in the server's words, so she does not come at three in the afternoon.
 */
describe('bot: a resident is told when her station receives people, day and hours', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-wang-ayi-hours', '王阿姨'] })

  it('names the station with its reception day and hours', async () => {
    const admin = await asAdmin(story.app)
    const saved = await admin.patch('/api/admin/stations/st001', { receptionHours: { from: '08:30', to: '11:30' } })
    expect(saved.status).to.equal(200)
    await story.writesToZhangWei('楼道灯坏了，电话13912345678')
    const phone = await ask(story.bot, story.resident, '修改电话？')
    expect(phone).to.include('办理您留言的是轻工街道代表联络站（建设路1号，每星期三 8:30–11:30接待）。')
  })
})
