import { expect } from 'chai'
import { loadBotConfig } from '../../bots/config.js'
import { runDemo, startDemoBackend } from '../../bots/demo.js'

/** What the scripted demo prints, as the person who ran `npm run bot` reads it on the terminal. */
async function printedBy(run: () => Promise<void>) {
  const printed: string[] = []
  const write = process.stdout.write
  process.stdout.write = ((chunk: string | Uint8Array) => {
    printed.push(String(chunk))
    return true
  }) as typeof process.stdout.write
  try {
    await run()
  } finally {
    process.stdout.write = write
  }
  return printed.join('')
}

/**
 * `WECHATY_PUPPET=wechaty-puppet-mock npm run bot` against the demo city (README, "The bot against the demo"):
 * a resident leaves a message, the deputy it went to binds with a code the console gives and answers, she
 * rates. Run twice against one backend, as someone trying it again does, the second run goes as the first.
 */
describe('the bot’s scripted demo against the demo city', () => {
  let backend: Awaited<ReturnType<typeof startDemoBackend>>
  before(async () => {
    backend = await startDemoBackend()
  })
  after(() => backend.close())

  it('binds the deputy with a code from the console, and he answers; a second run goes the same way', async function () {
    this.timeout(240_000)
    const config = { ...loadBotConfig({ WECHATY_PUPPET: 'wechaty-puppet-mock' }), apiBase: backend.baseUrl, secret: backend.secret }
    for (const round of [1, 2]) {
      const printed = await printedBy(() => runDemo(config, { adminPassword: backend.adminPassword }))
      expect(printed, `run ${round}`).to.match(/编号：\d{8}-\d{4}/)
      expect(printed, `run ${round}`).to.match(/生成一次性绑定码：\d{6}/)
      expect(printed, `run ${round}`).to.include('绑定成功！')
      expect(printed, `run ${round}`).to.include('有答复了')
      expect(printed, `run ${round}`).to.include('已记下您的评分：5 分')
      expect(printed, `run ${round}`).to.include('演示结束')
    }
  })
})
