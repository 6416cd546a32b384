import { expect } from 'chai'
import type { Store } from '../../src/store/ports.js'

const T0 = new Date('2026-11-22T02:00:00Z')
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000)
const WEEK = 7 * 24

/**
 * The contract of letting chat dialogues go: each is kept until the time the bot said when it last saved it (words
 * typed before the privacy notice was agreed to, the day she was told; a summary left unsent, the week), and one
 * saved without a time once untouched long; whether or not the bot is running to let it go itself.
 */
export function botDialogueKeepingContract(store: () => Store) {
  describe('the chat bot: how long a dialogue is kept', () => {
    it('lets a dialogue go once past the time it was kept until, and keeps it until then', async () => {
      await store().bot.saveDialogue('wx-notice', { words: '下水道堵了' }, T0, hours(24))
      await store().bot.saveDialogue('wx-draft', { words: '路灯坏了' }, T0, hours(WEEK))
      expect(await store().bot.purgeDialogues(hours(23), hours(23 - WEEK))).to.equal(0)
      expect(await store().bot.dialogue('wx-notice')).to.not.equal(null)

      expect(await store().bot.purgeDialogues(hours(25), hours(25 - WEEK))).to.equal(1)
      expect(await store().bot.dialogue('wx-notice'), 'past the day').to.equal(null)
      expect((await store().bot.dialogue('wx-draft'))!.state, 'within the week').to.deep.equal({ words: '路灯坏了' })
      expect(await store().bot.purgeDialogues(hours(WEEK + 1), hours(1))).to.equal(1)
      expect(await store().bot.dialogue('wx-draft'), 'past the week').to.equal(null)
    })

    it('keeps a dialogue saved again until its new time, and one saved without a time until untouched long', async () => {
      await store().bot.saveDialogue('wx-a', { step: 1 }, T0, hours(24))
      await store().bot.saveDialogue('wx-a', { step: 2 }, hours(20), hours(44))
      await store().bot.saveDialogue('wx-old', { step: 'older bot' }, T0)
      expect(await store().bot.purgeDialogues(hours(30), hours(30 - WEEK))).to.equal(0)
      expect((await store().bot.dialogue('wx-a'))!.state).to.deep.equal({ step: 2 })
      // Saved again without a time: the time it was kept until goes with the old state.
      await store().bot.saveDialogue('wx-a', { step: 3 }, hours(40))
      expect(await store().bot.purgeDialogues(hours(50), hours(50 - WEEK))).to.equal(0)
      expect(await store().bot.purgeDialogues(hours(WEEK + 1), hours(1))).to.equal(1)
      expect(await store().bot.dialogue('wx-old'), 'untouched since before the cut').to.equal(null)
      expect(await store().bot.dialogue('wx-a'), 'touched since').to.not.equal(null)
    })

    it('reads as none once past the time it was kept until, before any purge; one saved without a time, while it is there', async () => {
      await store().bot.saveDialogue('wx-notice', { words: '下水道堵了' }, T0, hours(24))
      await store().bot.saveDialogue('wx-old', { step: 'older bot' }, T0)
      expect((await store().bot.dialogue('wx-notice', hours(23)))!.state, 'within the day').to.deep.equal({ words: '下水道堵了' })
      expect(await store().bot.dialogue('wx-notice', hours(25)), 'past the day, not yet purged').to.equal(null)
      expect((await store().bot.dialogue('wx-old', hours(WEEK + 1)))!.state).to.deep.equal({ step: 'older bot' })
      // Saved again in time: kept to its new time.
      await store().bot.saveDialogue('wx-notice', { words: '下水道堵了，三天了' }, hours(20), hours(44))
      expect((await store().bot.dialogue('wx-notice', hours(25)))!.state).to.deep.equal({ words: '下水道堵了，三天了' })
    })

    it('a dialogue moved to a new contact id keeps the time it is kept until', async () => {
      await store().bot.saveDialogue('wx-before', { words: '下水道堵了' }, T0, hours(24))
      await store().bot.moveContact('wx-before', 'wx-after')
      expect(await store().bot.purgeDialogues(hours(23), hours(23 - WEEK))).to.equal(0)
      expect(await store().bot.purgeDialogues(hours(25), hours(25 - WEEK))).to.equal(1)
      expect(await store().bot.dialogue('wx-after')).to.equal(null)
    })
  })
}
