/**
 * The mark of a chosen answer (styles/choice.wxss frames the choice): ✓ 已选 in words, or the ✓ alone (words: false)
 * in a box too narrow for them, where the page says 已选 under the boxes. Nothing when not chosen: 未选 beside every
 * other choice would read as a state of its own.
 */
Component({
  properties: {
    on: { type: Boolean, value: false },
    words: { type: Boolean, value: true },
  },
})
