/**
 * The short privacy notice, a paragraph a line, each split into its lead words ("您的权利：", "删除：", "我们保存：") and
 * the rest, so a page can set the lead words in bold and she finds "您的权利" first. The backend sends plain lines (the
 * chat sends the same text as one bubble), so the split is made here. Only a short lead before the first "：" counts:
 * a colon further into a sentence is not a heading.
 */
const LEAD = /^([^：，。；]{1,6}：)([\s\S]*)$/

function noticeLines(text) {
  return String(text || '')
    .split('\n')
    .filter((line) => line)
    .map((line) => {
      const m = LEAD.exec(line)
      return m ? { lead: m[1], rest: m[2] } : { lead: '', rest: line }
    })
}

module.exports = { noticeLines }
