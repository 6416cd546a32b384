import { expect } from 'chai'
import { asAdmin, asDeputy } from '../helpers/app.js'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

const LAMP = '小区东门的路灯坏了半个月了，晚上看不见路，电话13912345678'

/**
 * 王阿姨 writes in the chat, where nobody asks her for a phone number: the number she wrote in her words is the
 * only one there is, and she wrote it so that the deputy would call. His notice and 待办 still hide it (a chat
 * notice is read over shoulders), but "电话 0001" gives it to him, audited as a phone field is, and the
 * mini-program's message page offers 打电话给群众 with it. The station's console does not get it from her words.
 */
describe('bot: a deputy asks for the phone a chat resident wrote in her message', function () {
  this.timeout(30_000)
  const story = useCaseStory({ resident: ['wx-wang-ayi', '王阿姨'] })

  it('"电话 0001" gives the number she wrote, audited; the notice and 待办 keep it masked', async () => {
    const { app, bot: t, deputy, resident } = story
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Shanghai
    const { ticket, notice } = await story.messageReachesZhangWei(resident, LAMP)
    const short = ticket.slice(-4)
    expect(notice, 'his notice hides it').to.include('电话（已隐去）').and.not.include('13912345678')
    expect(await ask(t, deputy, '待办'))
      .to.include('电话（已隐去）')
      .and.not.include('13912345678')

    const said = await ask(t, deputy, `电话 ${short}`)
    expect(said).to.equal(`留言 ${ticket} 群众在留言里写的电话：13912345678\n请只用于办理这条留言，不要转给别人。`)
    expect(said).not.to.include('没有留电话')

    const admin = await asAdmin(app)
    const audit = (await admin.get('/api/admin/audit?action=case.phone.read')).body.items
    expect(audit, 'read and audited as a phone field is').to.have.length(1)
    expect(audit[0].details).to.deep.include({ deputyId: 'dp0001' })

    // The mini-program's page of the same message: the number masked, and 打电话给群众 gets it whole.
    const id = (await story.stored(ticket))!.id
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.get(`/api/mp/deputy/cases/${id}`)).body.phoneMasked).to.equal('139****5678')
    expect((await zhang.get(`/api/mp/deputy/cases/${id}/phone`)).body).to.deep.equal({ phone: '13912345678' })
    expect((await admin.get('/api/admin/audit?action=case.phone.read')).body.items, 'each read audited').to.have.length(2)

    // Nobody else is given it from her words: the console's case page has no phone for her.
    expect((await admin.get(`/api/admin/cases/${id}`)).body.phoneMasked).to.equal(null)
  })
})
