/**
 * What cannot be taken back once it goes, said before it goes: her answer (the resident reads it and rates it) and the
 * department she hands the message to (the resident reads its name as typed). Each is asked in WeChat's own dialog;
 * 再改改 keeps her words in the box. Used by the message page (case.js).
 */

/** A text named by its first words ("小区门口的垃圾好几天…"): enough to know which, short enough for the dialog. */
function firstWords(text, max) {
  const chars = Array.from(
    String(text || '')
      .replace(/\s+/g, ' ')
      .trim(),
  )
  return chars.length > max ? chars.slice(0, max).join('') + '…' : chars.join('')
}

/**
 * What the resident reads when her message goes to a department (the backend's case.forwarded notice, which names
 * her message before these words): the department's name exactly as typed, so "城管吧" is seen before it goes.
 */
const residentReadsForwarded = (department) => '您的留言已交' + department + '办理，代表会跟进办理进度。'

/** WeChat's dialog as a promise: true when she taps the confirm button. */
function ask(title, content, confirmText) {
  return new Promise((resolve) =>
    wx.showModal({
      title: title,
      content: content,
      confirmText: confirmText,
      cancelText: '再改改',
      success: (res) => resolve(Boolean(res.confirm)),
      fail: () => resolve(false),
    }),
  )
}

/** 发给群众吗？ Her answer and the message it answers, each by its first words, and that it is final and rated. */
const askToSendAnswer = (answer, message) =>
  ask(
    '发给群众吗？',
    '您的答复“' + firstWords(answer, 14) + '”将发给留言“' + firstWords(message, 12) + '”的群众。发出后不能再改，群众会收到并为办理结果打分。',
    '发送',
  )

/** 交给这个部门吗？ The sentence the resident will read, with the name she typed, to check before it goes. */
const askToForward = (department) => ask('交给这个部门吗？', '群众会看到：' + residentReadsForwarded(department) + '请看部门名称写得对不对。', '交给部门')

module.exports = { askToSendAnswer, askToForward, residentReadsForwarded }
