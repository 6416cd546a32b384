/**
 * A case's state in words (已受理, 已答复 …), with a symbol so that colour is never the only
 * sign; the words come from the backend's statusLabel.
 */
const MARK = {
  submitted: '○',
  assigned: '○',
  acknowledged: '◐',
  forwarded: '◐',
  reopened: '◐',
  replied: '●',
  closed: '✓',
  withdrawn: '—',
  rejected: '✕',
  merged: '→',
}
const TONE = {
  submitted: 'wait',
  assigned: 'wait',
  acknowledged: 'doing',
  forwarded: 'doing',
  reopened: 'doing',
  replied: 'done',
  closed: 'done',
  withdrawn: 'off',
  rejected: 'off',
  merged: 'off',
}

Component({
  options: { addGlobalClass: true },
  properties: {
    status: { type: String, value: '' },
    label: { type: String, value: '' },
    // Closed, but she rated the answer 不满意 or worse (the server's ratedUnhappy): not a green ✓ of a job done well.
    unhappy: { type: Boolean, value: false },
  },
  data: { mark: '○', tone: 'wait', parts: [] },
  observers: {
    // Each clause kept whole on its line ("已交给张伟代表，" / "代表还没有看"): in 关怀模式 a card broke it as
    // "…代表还没有 / 看", one character alone.
    label(label) {
      this.setData({ parts: String(label || '').split(/(?<=，)/) })
    },
    'status, unhappy'(status, unhappy) {
      if (unhappy && status === 'closed') return this.setData({ mark: '!', tone: 'wait' })
      this.setData({ mark: MARK[status] || '○', tone: TONE[status] || 'wait' })
    },
  },
})
