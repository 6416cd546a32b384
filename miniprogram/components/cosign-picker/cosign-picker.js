const { request } = require('../../utils/request')
const { suggestionsService } = require('../../services/suggestions')

/**
 * "市人大代表，" and "轻工街道代表联络站": enough to tell two deputies of one name apart. Apart, so that the page keeps
 * the station's name whole on its line ("马庄街道代表联 / 络站" broke it at 375 px).
 */
function detailOf(c) {
  return { level: c.levelLabel ? c.levelLabel + (c.stationName ? '，' : '') : '', station: c.stationName || '' }
}

/**
 * 邀请附议's picker on a draft's page: whom the lead deputy asks to co-sign, by name. It first lists the deputies of
 * his own stations (whom 邀请附议 asks when he picks nobody); he may find any other deputy in office by typing part
 * of a name and tapping 查找 (the backend offers only those cosign-invitation accepts). A tap on a name picks it (已选)
 * or lets it go; the names picked are listed below, each with 移除. Every change is told to the page (`change`,
 * detail { deputyIds, names }), which sends them with its one 邀请附议 button.
 */
Component({
  options: { addGlobalClass: true },
  properties: {
    suggestionId: { type: String, value: '' },
  },
  data: { words: '', choices: [], chosen: [], heading: '', error: '', busy: false },
  observers: {
    suggestionId() {
      this.start()
    },
  },
  lifetimes: {
    attached() {
      this.start()
    },
  },
  methods: {
    /** His colleagues listed first, once the suggestion is known (the page passes it in). */
    start() {
      if (!this.data.suggestionId || this.startedFor === this.data.suggestionId) return
      this.startedFor = this.data.suggestionId
      this.find('')
    },

    onWords(e) {
      this.setData({ words: e.detail.value })
    },

    /** 查找 (or the keyboard's search key): the deputies whose name holds the words; no words, his colleagues again. */
    search() {
      return this.find(String(this.data.words || '').trim())
    },

    find(words) {
      if (!this.data.suggestionId) return undefined
      this.suggestions = this.suggestions || suggestionsService(request)
      // Answers to an earlier search that arrive after a later one are not shown over it.
      const asked = (this.asked = (this.asked || 0) + 1)
      this.setData({ busy: true, error: '' })
      return this.suggestions
        .cosignerChoices(this.data.suggestionId, words)
        .then((answer) => {
          if (asked !== this.asked) return
          this.found = answer.items
          this.setData({ choices: this.marked(answer.items, this.data.chosen), heading: this.headingOf(words, answer.items.length) })
        })
        .catch((err) => {
          if (asked !== this.asked) return
          // The search did not happen: said so (not "没有找到", which reads as nobody of that name), and the list of an
          // earlier search goes with its heading, or it would stand under the failure as this search's answer.
          // Those already picked stay.
          this.found = []
          this.setData({ error: '没能查找：' + String(err.message || '').replace(/。$/, '') + '。请再点“查找”。', choices: [], heading: '' })
        })
        .then(() => {
          if (asked === this.asked) this.setData({ busy: false })
        })
    },

    headingOf(words, count) {
      // His stations' deputies: he may belong to more than one station, so never "同一".
      if (!words) return count ? '您所在联络站的代表：' : '您的联络站没有其他代表，请输入姓名查找。'
      return count ? '姓名里有“' + words + '”的代表：' : '没有找到姓名里有“' + words + '”的在任代表，请换个字再找。'
    },

    /** The list as shown: each with its words and whether it is picked. */
    marked(items, chosen) {
      const picked = chosen.map((c) => c.deputyId)
      return items.map((c) => Object.assign({ deputyId: c.deputyId, name: c.name, chosen: picked.indexOf(c.deputyId) >= 0 }, detailOf(c)))
    },

    /** A tap on a name in the list: picked, or let go when it was. */
    toggle(e) {
      const id = e.currentTarget.dataset.id
      const picked = this.data.chosen.some((c) => c.deputyId === id)
      if (picked) return this.remove({ currentTarget: { dataset: { id: id } } })
      const found = (this.found || []).filter((c) => c.deputyId === id)[0]
      if (found) this.changed(this.data.chosen.concat([{ deputyId: found.deputyId, name: found.name }]))
      return undefined
    },

    /** 移除 beside a name picked. */
    remove(e) {
      const id = e.currentTarget.dataset.id
      this.changed(this.data.chosen.filter((c) => c.deputyId !== id))
    },

    changed(chosen) {
      this.setData({ chosen: chosen, choices: this.marked(this.found || [], chosen) })
      this.triggerEvent('change', { deputyIds: chosen.map((c) => c.deputyId), names: chosen.map((c) => c.name) })
    },
  },
})
