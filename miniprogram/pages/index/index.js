const { parseLaunchQuery } = require('../../utils/scene')
const { createRequest } = require('../../utils/request')
const { directoryService } = require('../../services/directory')

const WEEKDAY = { mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六', sun: '周日' }

Page({
  data: { loading: true, error: '', deputy: null, station: null },

  onLoad(query) {
    const directory = directoryService(createRequest(wx, getApp().globalData.apiBase))
    const target = parseLaunchQuery(query)
    const load = target.deputyCode
      ? directory.deputyCard(target.deputyCode).then((deputy) => this.setData({ deputy: deputy }))
      : target.stationCode
        ? directory.stationCard(target.stationCode).then((station) =>
            this.setData({ station: Object.assign({}, station, { days: station.receptionDays.map((d) => WEEKDAY[d]).join('、') }) }),
          )
        : Promise.resolve()
    load
      .catch((err) => this.setData({ error: err.message }))
      .then(() => this.setData({ loading: false }))
  },
})
