/**
 * One survey question of any type (single, multiple, text, rating, number), with its
 * limits said in words before the person runs into them. Emits `change` with
 * { questionId, value }: an option id, a list of them, text, or a number (null when cleared).
 */
function limitWords(q) {
  if (q.type === 'multiple') {
    const min = q.minChoices || 0
    const max = q.maxChoices || q.options.length
    if (min && max && min !== max) return '请选 ' + min + ' 至 ' + max + ' 项'
    if (min && min === max) return '请选 ' + min + ' 项'
    return '最多选 ' + max + ' 项'
  }
  if (q.type === 'text' && q.maxLength) return '最多 ' + q.maxLength + ' 字'
  if (q.type === 'rating') return '1 分最低，' + (q.scale || 5) + ' 分最高'
  // A count takes whole numbers only: said with the range, 整数 in place of 数.
  const kind = q.integer ? '整数' : '数'
  if (q.type === 'number' && (q.min !== null || q.max !== null)) {
    if (q.min !== null && q.max !== null) return '请填 ' + q.min + ' 至 ' + q.max + ' 之间的' + kind
    return q.min !== null ? '请填不小于 ' + q.min + ' 的' + kind : '请填不大于 ' + q.max + ' 的' + kind
  }
  if (q.type === 'number' && q.integer) return '请填整数'
  return ''
}

Component({
  properties: {
    question: { type: Object, value: null },
    value: { type: null, value: null },
    number: { type: Number, value: 0 },
    // A follow-up brought by an earlier answer: which answer brought it, said above it in place of a number.
    lead: { type: String, value: '' },
    // Required and left unanswered at 提交: said on the question itself, where the screen takes her.
    missing: { type: Boolean, value: false },
  },

  data: { options: [], scale: [], limit: '', note: '', count: 0 },

  observers: {
    'question, value': function (q, value) {
      if (!q) return
      const chosen = Array.isArray(value) ? value : value ? [value] : []
      const options = (q.options || []).map((o) => ({ id: o.id, label: o.label, on: chosen.indexOf(o.id) >= 0 }))
      // Five boxes to a row, each a fifth of it: 1–5 on one row in 关怀模式 too (never 5 alone on the next), 1–10 on two.
      const scale = []
      for (let i = 1; i <= (q.scale || 5); i++) {
        if ((i - 1) % 5 === 0) scale.push([])
        scale[scale.length - 1].push({ value: i, on: value === i })
      }
      this.setData({
        options: options,
        scale: q.type === 'rating' ? scale : [],
        limit: limitWords(q),
        count: typeof value === 'string' ? Array.from(value).length : 0,
      })
    },
  },

  methods: {
    emit(value) {
      this.setData({ note: '' })
      this.triggerEvent('change', { questionId: this.data.question.id, value: value })
    },

    choose(e) {
      const q = this.data.question
      const id = e.currentTarget.dataset.id
      if (q.type === 'single') return this.emit(this.data.value === id ? null : id)
      const now = Array.isArray(this.data.value) ? this.data.value : []
      if (now.indexOf(id) >= 0) return this.emit(now.filter((x) => x !== id))
      const max = q.maxChoices || q.options.length
      if (now.length >= max) return this.setData({ note: '最多只能选 ' + max + ' 项，请先取消一项' })
      // Keep the order of the options, whatever the order of the taps.
      const next = now.concat([id])
      this.emit(q.options.map((o) => o.id).filter((x) => next.indexOf(x) >= 0))
    },

    rate(e) {
      this.emit(Number(e.currentTarget.dataset.value))
    },

    onText(e) {
      this.emit(e.detail.value)
    },

    onNumber(e) {
      const text = String(e.detail.value).trim()
      const n = Number(text)
      if (text && !isFinite(n)) return this.setData({ note: '请填数字' })
      if (text && this.data.question.integer && Math.floor(n) !== n) return this.setData({ note: '请填整数，不要带小数点' })
      this.emit(text ? n : null)
    },
  },
})
