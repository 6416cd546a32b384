import { expect } from 'chai'
import { logInAs, newPage, useConsole } from './harness.js'

/**
 * A clerk who erased her chat with the bot is told her staff binding stays, and where to let go of it: 绑定码 →
 * 解除我的微信绑定 (test/http/a-staff-member-erasing-her-chat-is-told-her-binding-stays.test.ts). There it is, and it
 * works: her own WeChat reads 未绑定 after it.
 */
describe('console: a clerk lets go of her own WeChat binding on 绑定码', function () {
  this.timeout(120_000)
  const story = useConsole()

  it('says 已绑定 with 解除我的微信绑定 beside it; after she confirms, 未绑定', async () => {
    const clerk = (await story.app.liaison.store.staff.getByUsername('zhangguohua'))!
    await story.app.liaison.store.bot.bindStaffContact(clerk.id, 'wx-zhangguohua', story.app.clock.now())
    const page = await newPage(story.browser, story.app)
    await logInAs(
      page,
      story.app.login((l) => l.username === 'zhangguohua'),
    )
    await page.locator('.t-menu').getByText('绑定码').click()
    await page.locator('[data-test="my-state"]').getByText('您本人的微信：已绑定').waitFor()

    await page.getByTestId('unbind-me').click()
    await page.getByText('解除后，工作提醒不再发到您的微信。以后要收，再生成绑定码绑定。').waitFor()
    await page.locator('.t-popconfirm').getByRole('button', { name: '确定' }).click()
    await page.locator('[data-test="my-state"]').getByText('您本人的微信：未绑定').waitFor()
    expect(await page.getByTestId('unbind-me').count(), 'nothing left to let go of').to.equal(0)
    expect(await story.app.liaison.store.bot.contactOfStaff(clerk.id)).to.equal(null)
    expect(page.problems).to.deep.equal([])
  })
})
