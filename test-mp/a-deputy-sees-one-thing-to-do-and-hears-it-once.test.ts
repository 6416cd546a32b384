import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, phoneOfZhang } from './office.js'

const times = (text: string, words: string) => text.split(words).length - 1

/**
 * 张伟 opens a new message. One button is filled: 受理. 发送答复 is plain until he has written an
 * answer; then it is the filled one. Sent, the page says once that it waits for her rating: the
 * status, and one green line that the answer went.
 */
describe('mini-program: one filled button on a new message, and the wait for her rating said once', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  async function newMessage() {
    const resident = await asResident(app)
    const c = await created(resident.post('/api/mp/cases', { text: '楼道里的扶手断了', regionId: 'c010101', deputyCode: 'DP0001' }))
    await phoneOfZhang(app)
    return openPage(`pages/deputy/case?caseId=${c.id}`)
  }

  it('受理 filled, 发送答复 plain; once he has typed, 发送答复 filled and 受理 plain', async () => {
    const page = await newMessage()
    expect(page.buttonLook('.acknowledge')).to.equal('filled')
    expect(page.buttonLook('.reply')).to.equal('plain')

    await page.type('.reply-text', '已请物业换了新扶手。')
    expect(page.buttonLook('.reply')).to.equal('filled')
    expect(page.buttonLook('.acknowledge')).to.equal('plain')

    await page.type('.reply-text', '  ')
    expect(page.buttonLook('.reply'), 'spaces are not an answer').to.equal('plain')
    expect(page.buttonLook('.acknowledge')).to.equal('filled')
  })

  it('acknowledged, 发送答复 is the one thing left to do: filled', async () => {
    const page = await newMessage()
    await page.tap('.acknowledge')
    expect(page.has('.acknowledge')).to.equal(false)
    expect(page.buttonLook('.reply')).to.equal('filled')
  })

  it('answered: 等群众评价 once, in the status, and one green line that the answer went', async () => {
    const page = await newMessage()
    await page.type('.reply-text', '已请物业换了新扶手。')
    await page.tap('.reply')
    expect(page.textOf('.status')).to.equal('已答复，等群众评价')
    expect(page.textOf('.notice')).to.equal('答复已发送给群众。')
    expect(times(page.text(), '等群众评价'), page.text()).to.equal(1)
    expect(page.has('.state-note')).to.equal(false)

    const again = await openPage(page.path + '?caseId=' + page.instance.caseId)
    expect(again.textOf('.status')).to.equal('已答复，等群众评价')
    expect(times(again.text(), '等群众评价'), 'opened again').to.equal(1)
  })
})
