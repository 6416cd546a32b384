const { request } = require('../../utils/request')
const { directoryService } = require('../../services/directory')
const places = require('../../utils/places')
const { receptionLine } = require('../../utils/words')

/**
 * 找我的代表: pick where you live (remembered for next time) → the liaison stations
 * that cover it → a station's card with its deputies and today's duty deputy.
 */
Page({
  // office: where her message goes when the place has no station, by its name, as the backend names it.
  data: { loading: true, error: '', errorStatus: 0, placeList: [], placeLabels: [], placeIndex: -1, place: null, stations: null, office: '' },

  onLoad() {
    this.directory = directoryService(request)
    return this.loadPlaces()
  },

  loadPlaces() {
    this.setData({ loading: true, error: '', errorStatus: 0 })
    return this.directory
      .regions()
      .then((regions) => {
        const list = places.flatten(regions.items)
        const chosen = places.remembered()
        const index = chosen ? list.findIndex((p) => p.id === chosen.id) : -1
        this.setData({ placeList: list, placeLabels: list.map((p) => p.label), placeIndex: index, place: index >= 0 ? list[index] : null })
        if (index >= 0) return this.loadStations(list[index])
      })
      .catch((err) => this.setData({ error: err.message, errorStatus: err.status || 0 }))
      .then(() => this.setData({ loading: false }))
  },

  onPlace(e) {
    const place = places.choose(this, e)
    if (place) return this.loadStations(place)
  },

  loadStations(place) {
    this.setData({ stations: null, error: '', errorStatus: 0 })
    return this.directory
      .stationsFor(place.id)
      .then((answer) =>
        this.setData({
          stations: answer.items.map((s) =>
            Object.assign({}, s, { days: receptionLine(s), near: s.coverage === 'covering' ? '负责您所在的地方' : '在您所在的区域内' }),
          ),
          // An older backend does not say: the office then unnamed.
          office: answer.office || '人大常委会办公室',
        }),
      )
      .catch((err) => this.setData({ error: err.message, errorStatus: err.status || 0 }))
  },

  /** 再试一次: the list of places, or the stations of the place chosen. */
  retry() {
    if (!this.data.placeList.length) return this.loadPlaces()
    if (this.data.place) return this.loadStations(this.data.place)
  },

  /** No station to choose (or no place): the message goes to the office, which passes it on. */
  write() {
    wx.navigateTo({ url: '/pages/case/new' })
  },

  /** The station's card, as its code opens it; `chosen=1`: she picked it here, so her message is not said to come from a scan. */
  openStation(e) {
    wx.navigateTo({ url: '/pages/index/index?scene=' + encodeURIComponent('s=' + e.currentTarget.dataset.code) + '&chosen=1' })
  },
})
