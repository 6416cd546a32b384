import { expect } from 'chai'
import { LAPSED_WORDS_MARK_MS } from '../../src/store/bot-dialogue-marks.js'
import type { Store } from '../../src/store/ports.js'

const T0 = new Date('2026-11-22T02:00:00Z')
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000)
const WEEK = 7 * 24
const MARK_HOURS = LAPSED_WORDS_MARK_MS / 3_600_000

/**
 * The contract of her unsent words let go: a dialogue saved as holding them goes at the time she was told like any
 * other, but leaves a mark without her words (wordsLapsed), for the bot to tell her at her next message, even when no
 * bot was running then. Saving or clearing the dialogue ends the mark; it goes by itself after LAPSED_WORDS_MARK_MS.
 */
export function botDialogueLapsedWordsContract(store: () => Store) {
  describe('the chat bot: her unsent words let go leave a mark', () => {
    it('past its time, one holding her words reads as an empty mark, before and after the purge; others as none', async () => {
      await store().bot.saveDialogue('wx-words', { words: '下水道堵了' }, T0, hours(24), true)
      await store().bot.saveDialogue('wx-none', { step: 'asked to write' }, T0, hours(24))
      expect(await store().bot.dialogue('wx-words', hours(23))).to.include({ wordsLapsed: false })
      expect((await store().bot.dialogue('wx-words', hours(23)))!.state).to.deep.equal({ words: '下水道堵了' })

      const before = await store().bot.dialogue('wx-words', hours(25))
      expect(before, 'past the day, not yet purged').to.include({ wordsLapsed: true })
      expect(before!.state, 'her words never handed back').to.deep.equal({})
      expect(await store().bot.dialogue('wx-none', hours(25))).to.equal(null)

      expect(await store().bot.purgeDialogues(hours(25), hours(25 - WEEK))).to.equal(2)
      const after = await store().bot.dialogue('wx-words', hours(26))
      expect(after).to.include({ wordsLapsed: true })
      expect(after!.state).to.deep.equal({})
      expect(JSON.stringify(await store().bot.dialogue('wx-words')), 'gone from the store').not.to.include('下水道')
      expect(await store().bot.dialogue('wx-none')).to.equal(null)
    })

    it('saving again or clearing ends the mark; left alone it goes after its time', async () => {
      for (const id of ['wx-saved', 'wx-cleared', 'wx-left']) await store().bot.saveDialogue(id, { words: '路灯坏了' }, T0, hours(24), true)
      await store().bot.purgeDialogues(hours(25), hours(25 - WEEK))
      await store().bot.saveDialogue('wx-saved', { step: 'told' }, hours(26), hours(50))
      expect(await store().bot.dialogue('wx-saved', hours(27))).to.deep.include({ state: { step: 'told' }, wordsLapsed: false })
      await store().bot.clearDialogue('wx-cleared')
      expect(await store().bot.dialogue('wx-cleared', hours(27))).to.equal(null)

      expect(await store().bot.dialogue('wx-left', hours(24 + MARK_HOURS))).to.include({ wordsLapsed: true })
      await store().bot.purgeDialogues(hours(26 + MARK_HOURS), hours(26 + MARK_HOURS - WEEK))
      expect(await store().bot.dialogue('wx-left', hours(26 + MARK_HOURS)), 'the mark gone after its time').to.equal(null)
    })

    it('a mark moves with her to a new contact id', async () => {
      await store().bot.saveDialogue('wx-before', { words: '下水道堵了' }, T0, hours(24), true)
      await store().bot.purgeDialogues(hours(25), hours(25 - WEEK))
      await store().bot.moveContact('wx-before', 'wx-after')
      expect(await store().bot.dialogue('wx-after', hours(26))).to.include({ wordsLapsed: true })
    })
  })
}
